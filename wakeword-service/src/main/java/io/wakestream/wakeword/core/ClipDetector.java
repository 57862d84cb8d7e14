package io.wakestream.wakeword.core;

import io.wakestream.common.audio.Pcm16;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline detection over a whole clip with the same detector and trigger policy the service runs
 * per stream, so {@code wakestream detect} reports what the service would emit for that audio, and
 * the smoothed scores its threshold is compared with. The clip is first brought to 16-bit PCM, the
 * only encoding a stream carries, so both see the same samples: out-of-range values clip, NaN
 * becomes silence and infinities full scale, as {@link Pcm16#toShort} converts them.
 */
public final class ClipDetector {

    private final Detector detector;
    private final SessionSettings settings;

    public ClipDetector(Detector detector, SessionSettings settings) {
        this.detector = detector;
        this.settings = settings;
    }

    public ClipResult detect(float[] samples) {
        TriggerPolicy policy = TriggerPolicy.of(detector, settings, 0);
        float[] streamed = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            streamed[i] = Pcm16.toFloat(Pcm16.toShort(samples[i]));
        }
        List<DetectorScore> raw = detector.openStream().accept(streamed, 0, streamed.length);
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
