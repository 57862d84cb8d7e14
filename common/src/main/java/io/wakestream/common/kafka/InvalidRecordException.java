package io.wakestream.common.kafka;

/**
 * A record that decoded but breaks the contract (wrong sample rate, odd byte count, ...). It is never
 * retried: the error handler sends it to the topic's dead-letter topic with {@link #reason()} in
 * the {@link DeadLetterHeaders#REASON} header.
 */
public class InvalidRecordException extends RuntimeException {

    private final String reason;

    public InvalidRecordException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Stable reason code, used as a metric tag and header value. */
    public String reason() {
        return reason;
    }
}
