package io.wakestream.gateway.core;

import java.util.Locale;

/** Why the gateway refused a connection or ended it early; the metric tag is {@link #tag()}. */
public enum RejectReason {
    /** No token, or one the gateway does not accept. */
    UNAUTHORIZED,
    /** The handshake (WebSocket) or the stream's announcement (Wyoming) was missing, malformed or out of range. */
    BAD_HANDSHAKE,
    /** Audio that cannot be decoded: not whole sample frames, too large, or of another format than announced. */
    BAD_AUDIO,
    /** Another connection is streaming under the same stream id. */
    STREAM_IN_USE,
    /** The gateway holds its maximum number of connections. */
    TOO_MANY_CONNECTIONS,
    /** The gateway holds its maximum number of streams. */
    TOO_MANY_STREAMS,
    /** The client sends audio faster than the pacing allows, even after being slowed. */
    TOO_FAST,
    /** Kafka did not take the audio. */
    KAFKA_UNAVAILABLE;

    /** The reason as a metric tag value: {@code bad_handshake}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
