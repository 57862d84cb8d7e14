package io.wakestream.wakeword.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Offline detection over a whole clip with the same detector and trigger policy the service runs
 * per stream, so {@code wakestream detect} reports what the service would emit for that audio, and
 * the smoothed scores its threshold is compared with.
 */
public final class ClipDetector {

    private final Detector detector;
    private final SessionSettings settings;

    public ClipDetector(Detector detector, SessionSettings settings) {
        this.detector = detector;
        this.settings = settings;
    }

    public ClipResult detect(float[] samples) {
        TriggerPolicy policy = TriggerPolicy.of(detector, settings);
        List<DetectorScore> raw = detector.openStream().accept(samples, 0, samples.length);
        List<DetectorScore> smoothed = new ArrayList<>(raw.size());
        float maxScore = 0f;
        List<ClipResult.Firing> firings = new ArrayList<>();
        for (DetectorScore score : raw) {
            TriggerPolicy.Step step = policy.offer(score);
            DetectorScore reported = step.smoothed();
            smoothed.add(reported);
            maxScore = Math.max(maxScore, reported.score());
            if (step.fires()) {
                firings.add(new ClipResult.Firing(detector.keyword(), reported.score(),
                        Math.max(0, reported.endSample() - detector.windowSamples()), reported.endSample()));
            }
        }
        return new ClipResult(detector.modelId(), policy.settings(), samples.length, maxScore, firings, smoothed);
    }
}
