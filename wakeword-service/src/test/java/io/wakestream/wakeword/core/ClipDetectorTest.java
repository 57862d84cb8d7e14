package io.wakestream.wakeword.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code wakestream detect} reports: the smoothed scores the trigger policy thresholds. */
class ClipDetectorTest {

    /** Means are taken in double and rounded to float: equal to float precision. */
    private static final Comparator<Float> CLOSE = (a, b) -> Math.abs(a - b) <= 1e-6f ? 0 : Float.compare(a, b);
    private static final int HOP = LoudnessDetector.HOP;
    /** 0.9 as 16-bit PCM holds it: clips are scored as the stream would carry them. */
    private static final float PEAK = 29_491 / 32_768f;

    @Test
    void reportsTheSmoothedScoreOfEveryHopAndFiresOnIt() {
        // Raw scores (the hop's peak): 0, 0.9, 0.9, 0.9, 0, 0, 0; smoothed over 3: 0, 0.45, 0.6, 0.9, 0.6, 0.3, 0.
        // (0.9 to within 16-bit PCM's step.)
        float[] clip = new float[7 * HOP];
        Arrays.fill(clip, HOP, 4 * HOP, 0.9f);
        ClipDetector detector = new ClipDetector(new LoudnessDetector(new TriggerSettings(0.7f, 3, Duration.ofSeconds(2))),
                SessionSettings.defaults());

        ClipResult result = detector.detect(clip);

        assertThat(result.scores()).extracting(DetectorScore::endSample)
                .containsExactly(1L * HOP, 2L * HOP, 3L * HOP, 4L * HOP, 5L * HOP, 6L * HOP, 7L * HOP);
        assertThat(result.scores()).extracting(DetectorScore::score)
                .usingElementComparator(CLOSE).containsExactly(0f, PEAK / 2, 2 * PEAK / 3, PEAK, 2 * PEAK / 3, PEAK / 3, 0f);
        assertThat(result.maxScore()).isCloseTo(PEAK, within(1e-6f));
        assertThat(result.threshold()).isEqualTo(0.7f);
        // The raw score reached 0.7 at the second hop; the smoothed one, which the service thresholds, at the fourth.
        assertThat(result.firings()).singleElement().satisfies(firing -> {
            assertThat(firing.endSample()).isEqualTo(4L * HOP);
            assertThat(firing.startSample()).isEqualTo(2L * HOP);
            assertThat(firing.score()).isEqualTo(result.maxScore());
        });
    }

    @Test
    void settingsOverrideTheModelsTrigger() {
        float[] clip = new float[7 * HOP];
        Arrays.fill(clip, HOP, 4 * HOP, 0.9f);
        LoudnessDetector loudness = new LoudnessDetector(new TriggerSettings(0.7f, 3, Duration.ofSeconds(2)));

        ClipResult result = new ClipDetector(loudness, SessionSettings.defaults().withSmoothingScores(1)).detect(clip);

        assertThat(result.trigger()).isEqualTo(new TriggerSettings(0.7f, 1, Duration.ofSeconds(2)));
        assertThat(result.scores()).extracting(DetectorScore::score).usingElementComparator(CLOSE)
                .containsExactly(0f, PEAK, PEAK, PEAK, 0f, 0f, 0f);
        assertThat(result.firings()).extracting(ClipResult.Firing::endSample).isEqualTo(List.of(2L * HOP));
    }

    @Test
    void scoresNonFiniteSamplesAsTheStreamCarriesThemSilenceForNanFullScaleForInfinity() {
        float[] clip = new float[7 * HOP];
        Arrays.fill(clip, 2 * HOP, 3 * HOP, 0.25f);
        float[] broken = clip.clone();
        for (int i = 0; i < broken.length; i += 1000) {
            broken[i] = Float.NaN;
        }
        broken[5 * HOP + 7] = Float.NEGATIVE_INFINITY;
        float[] carried = clip.clone();
        for (int i = 0; i < carried.length; i += 1000) {
            carried[i] = 0f;
        }
        carried[5 * HOP + 7] = -1f;
        ClipDetector detector = new ClipDetector(new LoudnessDetector(), SessionSettings.defaults());

        ClipResult result = detector.detect(broken);

        assertThat(result.scores()).isEqualTo(detector.detect(carried).scores());
        assertThat(result.scores()).extracting(DetectorScore::score).allMatch(Float::isFinite);
        assertThat(result.maxScore()).isEqualTo(1f);
        assertThat(result.firings()).extracting(ClipResult.Firing::endSample).containsExactly(6L * HOP);
    }
}
