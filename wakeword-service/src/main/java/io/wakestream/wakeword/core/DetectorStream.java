package io.wakestream.wakeword.core;

import java.util.List;

/** One stream's detector state. Not thread-safe: a stream is processed by one thread at a time. */
public interface DetectorStream {

    /**
     * Feeds the next samples of the stream (16 kHz mono, float in [-1, 1)) and returns the scores
     * that became available, in order. Any chunk sizes give the same scores as one whole call.
     */
    List<DetectorScore> accept(float[] samples, int offset, int length);

    /**
     * As {@link #accept}, but a detector whose model scores windows may queue them in {@code batch} and score them
     * only when the batch runs, together with other streams' windows; the scores are read from the result after
     * {@link ScoreBatch#run()}. The stream takes no other samples before then. By default the scores are computed
     * at once.
     */
    default Scores submit(float[] samples, int offset, int length, ScoreBatch batch) {
        List<DetectorScore> now = accept(samples, offset, length);
        return () -> now;
    }

    /** Scores that may be ready only once their {@link ScoreBatch} has run. */
    @FunctionalInterface
    interface Scores {

        /** The scores, in order; throws the model call's failure if it failed. */
        List<DetectorScore> get();
    }
}
