package io.wakestream.wakeword.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerPolicyTest {

    /** Means are taken in double and rounded to float: equal to float precision. */
    private static final Comparator<Float> CLOSE = (a, b) -> Math.abs(a - b) <= 1e-6f ? 0 : Float.compare(a, b);
    private static final TriggerSettings MODEL = new TriggerSettings(0.5f, 3, Duration.ofSeconds(1));

    @Test
    void smoothsToTheMeanOfTheLastScoresFewerAtTheStart() {
        TriggerPolicy policy = TriggerPolicy.of(new LoudnessDetector(MODEL), SessionSettings.defaults(), 0);

        List<Float> smoothed = new ArrayList<>();
        float[] raw = {0.3f, 0.6f, 0.9f, 0f, 0f, 0f};
        for (int i = 0; i < raw.length; i++) {
            smoothed.add(policy.offer(new DetectorScore(1280L * (i + 1), raw[i])).smoothed().score());
        }

        assertThat(smoothed).usingElementComparator(CLOSE).containsExactly(0.3f, 0.45f, 0.6f, 0.5f, 0.3f, 0f);
    }

    @Test
    void firesWhenTheSmoothedScoreReachesTheThresholdThenStaysQuietForTheRefractoryPeriod() {
        TriggerPolicy policy = TriggerPolicy.of(new LoudnessDetector(MODEL), SessionSettings.defaults(), 0);

        assertThat(policy.offer(new DetectorScore(2_000, 1f)).fires()).isTrue();
        assertThat(policy.offer(new DetectorScore(17_999, 1f)).fires()).as("within 1 s").isFalse();
        assertThat(policy.offer(new DetectorScore(18_000, 1f)).fires()).as("1 s later").isTrue();
    }

    @Test
    void aRawScoreAboveTheThresholdDoesNotFireWhileTheMeanIsBelow() {
        TriggerPolicy policy = TriggerPolicy.of(new LoudnessDetector(MODEL), SessionSettings.defaults(), 0);

        policy.offer(new DetectorScore(1_280, 0f));
        policy.offer(new DetectorScore(2_560, 0f));
        TriggerPolicy.Step step = policy.offer(new DetectorScore(3_840, 0.9f));

        assertThat(step.fires()).isFalse();
        assertThat(step.smoothed().endSample()).isEqualTo(3_840);
        assertThat(step.smoothed().score()).isCloseTo(0.3f, within(1e-6f));
    }

    @Test
    void takesTheModelsSettingsOverriddenWhereTheSessionSetsThem() {
        LoudnessDetector detector = new LoudnessDetector(MODEL);

        assertThat(TriggerPolicy.of(detector, SessionSettings.defaults(), 0).settings()).isEqualTo(MODEL);
        assertThat(TriggerPolicy.of(detector, SessionSettings.defaults().withThreshold(0.25f), 0).settings())
                .isEqualTo(new TriggerSettings(0.25f, 3, Duration.ofSeconds(1)));

        TriggerPolicy unsmoothed = TriggerPolicy.of(detector, SessionSettings.defaults().withSmoothingScores(1), 0);
        unsmoothed.offer(new DetectorScore(1_280, 0f));
        assertThat(unsmoothed.offer(new DetectorScore(2_560, 0.9f)).fires()).isTrue();
    }

    @Test
    void noFiringBeforeHalfAWindowOfTheStreamHasBeenScored() {
        LoudnessDetector detector = new LoudnessDetector(MODEL);
        long half = detector.windowSamples() / 2;
        TriggerPolicy fresh = TriggerPolicy.of(detector, SessionSettings.defaults().withSmoothingScores(1), 16_000);
        assertThat(fresh.offer(new DetectorScore(16_000 + half - 1, 1f)).fires()).as("mostly padding").isFalse();
        assertThat(fresh.offer(new DetectorScore(16_000 + half, 1f)).fires()).isTrue();
    }
}
