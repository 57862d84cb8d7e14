package io.wakestream.wakeword.core;

/**
 * A model that scores fixed-size feature windows, any number in one call ({@link ScoreBatch} puts many streams'
 * windows into one). Thread-safe.
 */
public interface WindowScorer {

    /** Floats in one window. */
    int windowValues();

    /** The most windows one call takes. */
    int maxBatchWindows();

    /**
     * Scores {@code count} windows laid out one after another in {@code windows}.
     *
     * @return one score per window, in order
     */
    float[] score(float[] windows, int count);
}
