package io.wakestream.wakeword.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in model for the engine's unit tests: every 1280 samples it scores the
 * hop's peak amplitude, so a test controls exactly where the detector fires by writing loud audio.
 */
final class LoudnessDetector implements Detector {

    static final int HOP = 1280;
    /** Threshold 0.5, no smoothing, 2 s refractory period. */
    static final TriggerSettings TRIGGER = new TriggerSettings(0.5f, 1, Duration.ofSeconds(2));

    private final TriggerSettings trigger;

    LoudnessDetector() {
        this(TRIGGER);
    }

    LoudnessDetector(TriggerSettings trigger) {
        this.trigger = trigger;
    }

    @Override
    public String keyword() {
        return "loud";
    }

    @Override
    public String modelId() {
        return "test/loudness";
    }

    @Override
    public int windowSamples() {
        return 2 * HOP;
    }

    @Override
    public TriggerSettings triggerSettings() {
        return trigger;
    }

    @Override
    public DetectorStream openStream() {
        return new DetectorStream() {
            private long consumed;
            private float peak;
            private int fill;

            @Override
            public List<DetectorScore> accept(float[] samples, int offset, int length) {
                List<DetectorScore> scores = new ArrayList<>();
                for (int i = offset; i < offset + length; i++) {
                    peak = Math.max(peak, Math.abs(samples[i]));
                    consumed++;
                    if (++fill == HOP) {
                        scores.add(new DetectorScore(consumed, peak));
                        peak = 0;
                        fill = 0;
                    }
                }
                return scores;
            }
        };
    }

    @Override
    public void close() {
    }
}
