package io.wakestream.wakeword.core;

/** What happened to one chunk. */
public enum ChunkOutcome {
    /** In order: processed. */
    PROCESSED,
    /** Processed after the stream's state was reset (see {@link ResetReason}). */
    PROCESSED_AFTER_RESET,
    /** Already seen (a redelivery or a device retry): dropped. */
    DUPLICATE
}
