package io.wakestream.common.phonetic;

import static io.wakestream.common.phonetic.CtcGreedyDecoderTest.AA;
import static io.wakestream.common.phonetic.CtcGreedyDecoderTest.EY;
import static io.wakestream.common.phonetic.CtcGreedyDecoderTest.HH;
import static io.wakestream.common.phonetic.CtcGreedyDecoderTest.JH;
import static io.wakestream.common.phonetic.CtcGreedyDecoderTest.PHONES;
import static io.wakestream.common.phonetic.CtcGreedyDecoderTest.posteriors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Forced alignment on hand-made posteriors; the same cases and answers as the toolkit's test_phonetic_align.py. */
class CtcAlignmentTest {

    private final CtcAlignment aligner = new CtcAlignment(PHONES, 20);

    @Test
    void followsClearPosteriors() {
        CtcAlignment.Result result = aligner.align(posteriors(0.9, 0, 0, HH, HH, EY, 0, JH, JH, JH, AA, 0),
                List.of("HH", "EY1", "jh", "AA"));

        assertSpans(result).containsExactly(tuple(HH, 2, 4), tuple(EY, 4, 5), tuple(JH, 6, 9), tuple(AA, 9, 10));
        assertThat(result.score()).isCloseTo(11 * Math.log(0.9), within(1e-5));
        assertThat(result.segments()).allSatisfy(s -> assertThat(s.score()).isCloseTo(Math.log(0.9), within(1e-6)));
        assertThat(result.segments().get(2).startMs()).isEqualTo(120);
        assertThat(result.segments().get(2).endMs()).isEqualTo(180);
    }

    @Test
    void placesAPhoneThePosteriorsMissWhereItCostsLeast() {
        float[][] logProbs = posteriors(0.9, HH, HH, HH, 0, 0, JH, JH);
        logProbs[3][EY] = (float) Math.log(0.09);

        assertSpans(aligner.align(logProbs, new int[] {HH, EY, JH}))
                .containsExactly(tuple(HH, 0, 3), tuple(EY, 3, 4), tuple(JH, 5, 7));
    }

    @Test
    void aRepeatedPhoneNeedsABlankBetween() {
        float[][] logProbs = posteriors(0.9, EY, EY, EY, EY);
        logProbs[2][0] = (float) Math.log(0.5);

        assertSpans(aligner.align(logProbs, new int[] {EY, EY})).containsExactly(tuple(EY, 0, 2), tuple(EY, 3, 4));
        assertThat(CtcAlignment.framesNeeded(new int[] {EY, EY, HH, HH, HH})).isEqualTo(8);
        assertSpans(aligner.align(posteriors(0.9, 0, 0, 0), new int[] {EY, EY}))
                .containsExactly(tuple(EY, 0, 1), tuple(EY, 2, 3));
    }

    @Test
    void tooFewFramesIsAClearError() {
        assertThatThrownBy(() -> aligner.align(posteriors(0.9, EY, EY), new int[] {EY, EY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot align 2 phones to 2 frames")
                .hasMessageContaining("needs at least 3 frames (60 ms)");
        assertThatThrownBy(() -> aligner.align(new float[0][], List.of("EY")))
                .hasMessageContaining("needs at least 1 frames");
    }

    @Test
    void blankUnknownOrUnreachableTargetsAreErrors() {
        assertThatThrownBy(() -> aligner.align(posteriors(0.9, 0, 0), new int[] {0})).hasMessageContaining("not a phone index");
        assertThatThrownBy(() -> aligner.align(posteriors(0.9, 0, 0), new int[] {PHONES.size()})).hasMessageContaining("not a phone index");
        assertThatThrownBy(() -> aligner.align(posteriors(0.9, 0, 0), List.of("QQ"))).hasMessageContaining("unknown phone 'QQ'");
        float[][] logProbs = posteriors(0.9, 0, EY);
        for (float[] row : logProbs) {
            row[EY] = Float.NEGATIVE_INFINITY;
        }
        assertThatThrownBy(() -> aligner.align(logProbs, new int[] {EY})).hasMessageContaining("finite score");
    }

    @Test
    void anEmptyTranscriptAlignsEveryOutputToBlank() {
        CtcAlignment.Result result = aligner.align(posteriors(0.9, 0, 0), new int[0]);

        assertThat(result.segments()).isEmpty();
        assertThat(result.score()).isCloseTo(2 * Math.log(0.9), within(1e-6));
    }

    /** Every path scores the same: it ends in the final blank and, traced back, stays there as long as it can. */
    @Test
    void tiesEndInTheFinalBlankAndStayInAState() {
        float[][] flat = new float[6][PHONES.size()];
        for (float[] row : flat) {
            Arrays.fill(row, (float) -Math.log(PHONES.size()));
        }

        assertSpans(aligner.align(flat, new int[] {HH, EY})).containsExactly(tuple(HH, 0, 1), tuple(EY, 1, 2));
    }

    @Test
    void tenSecondsAlignEveryPhoneInOrder() {
        SplittableRandom random = new SplittableRandom(3);
        float[][] logProbs = new float[500][PHONES.size()];
        for (float[] row : logProbs) {
            for (int v = 0; v < row.length; v++) {
                row[v] = (float) (random.nextGaussian() - Math.log(PHONES.size()));
            }
        }
        int[] targets = random.ints(120, 1, PHONES.size()).toArray();

        List<PhoneSegment> segments = aligner.align(logProbs, targets).segments();

        assertThat(segments).extracting(PhoneSegment::index).containsExactly(Arrays.stream(targets).boxed().toArray(Integer[]::new));
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).startFrame()).isGreaterThanOrEqualTo(segments.get(i - 1).endFrame());
        }
    }

    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertSpans(CtcAlignment.Result result) {
        return assertThat(result.segments()).extracting(PhoneSegment::index, PhoneSegment::startFrame, PhoneSegment::endFrame);
    }
}
