package io.wakestream.wakeword.core;

/** Why a segment was closed. */
public enum SegmentEndReason {
    END_OF_SPEECH,
    MAX_LENGTH,
    END_OF_STREAM,
    /** The stream's state was dropped (gap, rebalance, idle expiry): the segment holds what had arrived. */
    STREAM_RESET
}
