package io.wakestream.wakeword.core;

import java.time.Duration;

/**
 * How a stream is turned into detections and segments. The trigger settings (threshold, smoothing,
 * refractory period) are the model's ({@link Detector#triggerSettings()}) unless overridden here.
 *
 * @param threshold        smoothed score at or above which the detector fires; null takes the model's
 * @param smoothingScores  moving-average length over consecutive scores (1 = none); null takes the model's
 * @param refractory       quiet time after a detection; null takes the model's
 * @param endSilence       trailing silence that ends a request
 * @param maxSegment       longest segment (trigger + request)
 * @param historyLength    audio kept per stream for trigger audio
 */
public record SessionSettings(Float threshold, Integer smoothingScores, Duration refractory, Duration endSilence,
                              Duration maxSegment, Duration historyLength) {

    public static final int SAMPLE_RATE = 16_000;

    public SessionSettings {
        if (threshold != null && !(threshold >= 0f && threshold <= 1f)) {
            throw new IllegalArgumentException("threshold override must lie in [0, 1], got " + threshold);
        }
        if (smoothingScores != null && smoothingScores < 1) {
            throw new IllegalArgumentException("smoothing override must average at least 1 score, got " + smoothingScores);
        }
        if (refractory != null && refractory.isNegative()) {
            throw new IllegalArgumentException("refractory override must be zero or more, got " + refractory);
        }
    }

    /** The model's trigger settings, 800 ms end silence, 10 s segments, 4 s of history. */
    public static SessionSettings defaults() {
        return new SessionSettings(null, null, null, Duration.ofMillis(800), Duration.ofSeconds(10),
                Duration.ofSeconds(4));
    }

    public SessionSettings withThreshold(Float newThreshold) {
        return new SessionSettings(newThreshold, smoothingScores, refractory, endSilence, maxSegment, historyLength);
    }

    public SessionSettings withSmoothingScores(Integer newSmoothingScores) {
        return new SessionSettings(threshold, newSmoothingScores, refractory, endSilence, maxSegment, historyLength);
    }

    public SessionSettings withRefractory(Duration newRefractory) {
        return new SessionSettings(threshold, smoothingScores, newRefractory, endSilence, maxSegment, historyLength);
    }

    static long samples(Duration duration) {
        return duration.toMillis() * SAMPLE_RATE / 1000;
    }
}
