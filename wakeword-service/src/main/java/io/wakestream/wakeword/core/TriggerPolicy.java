package io.wakestream.wakeword.core;

import java.util.ArrayDeque;

/**
 * Turns a stream of model scores into firings: each score is smoothed to the mean of the last
 * {@code smoothingScores} scores (fewer at the stream's start), a firing needs the smoothed score at or
 * above the threshold, and after a firing the policy stays quiet for the refractory period so that one
 * utterance yields one detection. No firing comes before the detector's warm-up ({@link Detector#warmUpSamples()}, half a window for a window
 * model) of the stream's audio has been scored:
 * the first windows of a stream are mostly zero padding, and the RepCNN scores such windows around 0.25-0.36,
 * which a cascade's low detection threshold (0.3) would take for a detection, spending the refractory period
 * on nothing and suppressing a wake phrase that follows. The service and {@link ClipDetector} both run it, so the scores
 * {@code wakestream detect} reports are the ones the threshold is compared with.
 */
final class TriggerPolicy {

    private final TriggerSettings settings;
    private final long refractorySamples;
    private final long firstFiringSample;
    private final ArrayDeque<Float> recent = new ArrayDeque<>();
    private long quietUntilSample = Long.MIN_VALUE;

    private TriggerPolicy(TriggerSettings settings, long firstFiringSample) {
        this.settings = settings;
        this.refractorySamples = SessionSettings.samples(settings.refractory());
        this.firstFiringSample = firstFiringSample;
    }

    /**
     * The policy for this detector on a stream whose scored audio starts at {@code streamStartSample}, with the
     * detector's trigger settings under {@code settings} ({@link Detector#triggerSettings(SessionSettings)}).
     */
    static TriggerPolicy of(Detector detector, SessionSettings settings, long streamStartSample) {
        return new TriggerPolicy(detector.triggerSettings(settings),
                streamStartSample + detector.warmUpSamples());
    }

    TriggerSettings settings() {
        return settings;
    }

    /** Smooths the next score of the stream and says whether the smoothed score fires. */
    Step offer(DetectorScore score) {
        recent.addLast(score.score());
        if (recent.size() > settings.smoothingScores()) {
            recent.removeFirst();
        }
        // Summed afresh in double, oldest first, so that the mean never drifts over a long stream.
        double sum = 0;
        for (float value : recent) {
            sum += value;
        }
        DetectorScore smoothed = new DetectorScore(score.endSample(), (float) (sum / recent.size()));
        boolean fires = smoothed.score() >= settings.threshold() && score.endSample() >= quietUntilSample
                && score.endSample() >= firstFiringSample;
        if (fires) {
            quietUntilSample = score.endSample() + refractorySamples;
        }
        return new Step(smoothed, fires);
    }

    /** A score after smoothing, and whether it fires. */
    record Step(DetectorScore smoothed, boolean fires) {
    }
}
