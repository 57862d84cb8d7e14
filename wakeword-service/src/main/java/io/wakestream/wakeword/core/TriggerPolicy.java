package io.wakestream.wakeword.core;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Turns a stream of model scores into firings: scores are smoothed by a moving average, a firing needs
 * the smoothed score at or above the threshold, and after a firing the policy stays quiet for the
 * refractory period so that one utterance yields one detection.
 */
final class TriggerPolicy {

    private final float threshold;
    private final long refractorySamples;
    private final int smoothingScores;
    private final ArrayDeque<Float> recent = new ArrayDeque<>();
    private float recentSum;
    private long quietUntilSample = Long.MIN_VALUE;

    private TriggerPolicy(float threshold, long refractorySamples, int smoothingScores) {
        this.threshold = threshold;
        this.refractorySamples = refractorySamples;
        this.smoothingScores = smoothingScores;
    }

    /** The policy the settings give for this detector: their threshold if set, else the model's. */
    static TriggerPolicy of(Detector detector, SessionSettings settings) {
        float threshold = settings.threshold() != null ? settings.threshold() : detector.threshold();
        return new TriggerPolicy(threshold, SessionSettings.samples(settings.refractory()), settings.smoothingScores());
    }

    float threshold() {
        return threshold;
    }

    /** The smoothed score if this score fires, empty otherwise. */
    Optional<DetectorScore> offer(DetectorScore score) {
        recent.addLast(score.score());
        recentSum += score.score();
        if (recent.size() > smoothingScores) {
            recentSum -= recent.removeFirst();
        }
        float smoothed = recentSum / recent.size();
        if (smoothed < threshold || score.endSample() < quietUntilSample) {
            return Optional.empty();
        }
        quietUntilSample = score.endSample() + refractorySamples;
        return Optional.of(new DetectorScore(score.endSample(), smoothed));
    }
}
