package io.wakestream.wakeword.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Offline detection over a whole clip with the same detector and trigger policy the service runs
 * per stream, so {@code wakestream detect} reports what the service would emit for that audio.
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
        List<DetectorScore> scores = detector.openStream().accept(samples, 0, samples.length);
        float maxScore = 0f;
        List<ClipResult.Firing> firings = new ArrayList<>();
        for (DetectorScore score : scores) {
            maxScore = Math.max(maxScore, score.score());
            Optional<DetectorScore> firing = policy.offer(score);
            firing.ifPresent(f -> firings.add(new ClipResult.Firing(detector.keyword(), f.score(),
                    Math.max(0, f.endSample() - detector.windowSamples()), f.endSample())));
        }
        return new ClipResult(detector.modelId(), policy.threshold(), samples.length, maxScore, firings, scores);
    }
}
