package io.wakestream.gateway.core;

/** A client's request the gateway refuses: the reason for metrics, the message for the client (close reason, error event). */
public final class RejectedException extends RuntimeException {

    private final RejectReason reason;

    public RejectedException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
