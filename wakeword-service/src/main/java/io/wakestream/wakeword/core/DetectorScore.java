package io.wakestream.wakeword.core;

/** A model score for the window ending at {@code endSample} (exclusive, from the stream's start). */
public record DetectorScore(long endSample, float score) {
}
