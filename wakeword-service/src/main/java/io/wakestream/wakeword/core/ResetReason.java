package io.wakestream.wakeword.core;

/** Why a stream's state was started afresh or dropped; a metric tag. */
public enum ResetReason {
    /** The first chunk seen of this stream did not start it (a new partition owner, a restart). */
    JOINED_MID_STREAM,
    /** One or more chunks are missing. */
    SEQUENCE_GAP,
    /** The chunk's first sample does not follow the previous chunk's last. */
    SAMPLE_DISCONTINUITY,
    /**
     * An earlier seq than expected with other audio than was processed under it (or seq 0 after its own
     * digest was forgotten): the device restarted the stream under the same id.
     */
    RESTARTED,
    /** The partition holding the stream moved to another consumer. */
    PARTITION_REVOKED,
    /** No chunk arrived for longer than the idle timeout. */
    IDLE_EXPIRED;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
