package io.wakestream.wakeword.core;

import java.time.Duration;

/**
 * How a stream is turned into detections and segments.
 *
 * @param threshold        score at or above which the detector fires; null takes the model's own
 * @param smoothingScores  moving-average length over consecutive scores (1 = none)
 * @param refractory       quiet time after a detection
 * @param endSilence       trailing silence that ends a request
 * @param maxSegment       longest segment (trigger + request)
 * @param historyLength    audio kept per stream for trigger audio
 */
public record SessionSettings(Float threshold, int smoothingScores, Duration refractory, Duration endSilence,
                              Duration maxSegment, Duration historyLength) {

    public static final int SAMPLE_RATE = 16_000;

    public static SessionSettings defaults() {
        return new SessionSettings(null, 1, Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(10),
                Duration.ofSeconds(4));
    }

    public SessionSettings withThreshold(Float newThreshold) {
        return new SessionSettings(newThreshold, smoothingScores, refractory, endSilence, maxSegment, historyLength);
    }

    static long samples(Duration duration) {
        return duration.toMillis() * SAMPLE_RATE / 1000;
    }
}
