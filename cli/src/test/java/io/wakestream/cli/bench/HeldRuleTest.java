package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class HeldRuleTest {

    private static final HeldRule RULE = new HeldRule(2, 1000);
    private static final int STREAMS = 10;
    private static final double SECONDS = 60;

    /** One lag sample a second over the step and 5 s after it. */
    private static List<double[]> lag(DoubleUnaryOperator chunksAt) {
        List<double[]> points = new ArrayList<>();
        for (int second = 0; second <= SECONDS + 5; second++) {
            points.add(new double[] {second, chunksAt.applyAsDouble(second)});
        }
        return points;
    }

    @Test
    void aSteadySmallLagWithFastDetectionsIsHeld() {
        HeldRule.Verdict verdict = RULE.judge(STREAMS, SECONDS, lag(t -> t % 2 == 0 ? 12 : 5), Map.of(), 400L);

        assertThat(verdict.held()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void aLagAboveTwoChunksPerStreamAtTheEndIsNotHeld() {
        HeldRule.Verdict verdict = RULE.judge(STREAMS, SECONDS, lag(t -> t >= 59 ? 21 : 3), Map.of(), 400L);

        assertThat(verdict.held()).isFalse();
        assertThat(verdict.reasons()).singleElement().asString().startsWith("lag 21 chunks at the end, above 20");
    }

    @Test
    void aLagGrowingOverTheSecondHalfIsNotHeldEvenBelowTheBound() {
        // from 0 at 30 s to 18 at 60 s: under the bound of 20, but 18 chunks more, above one per stream
        HeldRule.Verdict verdict = RULE.judge(STREAMS, SECONDS, lag(t -> Math.max(0, (t - 30) * 0.6)), Map.of(), 400L);

        assertThat(verdict.held()).isFalse();
        assertThat(verdict.reasons()).singleElement().asString().startsWith("lag grew by 18 chunks");
    }

    @Test
    void aLaterStageFallingBehindIsNotHeldWhileOneThatKeepsUpIs() {
        // asr-lattice-service: 12 segments more over the second half, above one per stream; kws-service: steady
        HeldRule.Verdict verdict = RULE.judge(STREAMS, SECONDS, lag(t -> 4),
                Map.of("asr-lattice-service", lag(t -> t * 0.4), "kws-service", lag(t -> t % 2)), 400L);

        assertThat(verdict.held()).isFalse();
        assertThat(verdict.reasons()).singleElement().asString()
                .isEqualTo("asr-lattice-service's lag grew by 12 records over the second half, more than one per stream");
    }

    @Test
    void samplesAfterTheStepAreNotJudged() {
        HeldRule.Verdict verdict = RULE.judge(STREAMS, SECONDS, lag(t -> t > SECONDS ? 500 : 4), Map.of(), 400L);

        assertThat(verdict.held()).isTrue();
    }

    @Test
    void aSlowP99OrNoDetectionAtAllIsNotHeld() {
        assertThat(RULE.judge(STREAMS, SECONDS, lag(t -> 4), Map.of(), 1001L).reasons())
                .containsExactly("p99 audio-to-detection 1001 ms, above 1000 ms");
        assertThat(RULE.judge(STREAMS, SECONDS, lag(t -> 4), Map.of(), null).reasons()).containsExactly("no detection came back");
        assertThat(RULE.judge(STREAMS, SECONDS, List.of(), Map.of(), 10L).reasons())
                .containsExactly("no lag sample of wakeword-service's consumer group");
    }
}
