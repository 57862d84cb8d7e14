package io.wakestream.ftm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.events.v1.KeywordVerification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TriggerDeciderTest {

    private static OnnxEngine engine;
    private static TriggerDecider decider;

    @BeforeAll
    static void open() {
        engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        decider = TriggerDecider.open(new ModelRepository(GnnFixtures.MODELS),
                FtmConfig.defaults().withModel(FtmConfig.DEFAULT_MODEL, GnnFixtures.TINY), engine);
    }

    @AfterAll
    static void close() {
        decider.close();
        engine.close();
    }

    @Test
    void javaScoresMatchThePyTorchModelOnTheSameLattices() {
        for (GnnFixtures.Case c : GnnFixtures.cases()) {
            assertThat(decider.scoreLattice(c.lattice(), c.detection())).as(c.name()).isCloseTo((float) c.pAddressed(), within(1e-4f));
        }
    }

    @Test
    void theSelfAttentionVariantsJavaScoresMatchPyTorchToo() {
        try (TriggerDecider attention = TriggerDecider.open(new ModelRepository(GnnFixtures.MODELS),
                FtmConfig.defaults().withModel("ftm-lattice-gnn-attention", GnnFixtures.TINY), engine)) {
            for (GnnFixtures.Case c : GnnFixtures.cases("gnn-fixture-attention.json")) {
                assertThat(attention.scoreLattice(c.lattice(), c.detection())).as(c.name())
                        .isCloseTo((float) c.pAddressed(), within(1e-4f));
            }
        }
    }

    @Test
    void theManifestNamesTheCascadesDetectionThresholdAndTheLargestLattice() {
        assertThat(decider.detectionThreshold()).isEqualTo(0.3f);
        assertThat(decider.maxArcs()).isEqualTo(16);
    }

    @Test
    void allStagesPresentUseTheFullCombination() {
        GnnFixtures.Case request = GnnFixtures.cases().getFirst();
        Decision decision = decider.decide(new StageResults(request.detection(), verification(0.8f), request.lattice()));
        float gnn = decider.scoreLattice(request.lattice(), request.detection());
        // the tiny policy weighs every stage 1 with bias 0: σ(Σ logit(score))
        double expected = 1 / (1 + Math.exp(-(logit(0.9) + logit(0.8) + logit(gnn))));
        assertThat(decision.score()).isCloseTo(expected, within(1e-5));
        assertThat(decision.accepted()).isEqualTo(expected >= 0.5);
        assertThat(decision.degraded()).isFalse();
        assertThat(decision.stageScores()).containsOnlyKeys(Stage.WAKEWORD, Stage.KWS, Stage.FTM);
        assertThat(decision.reasons().getFirst()).startsWith("wakeword+kws+ftm: combined");
        assertThat(decision.model()).isEqualTo("ftm-lattice-gnn/0.0.0-tiny");
    }

    @Test
    void aMissingLatticeDecidesDegradedWithoutIt() {
        GnnFixtures.Case request = GnnFixtures.cases().getFirst();
        Decision decision = decider.decide(new StageResults(request.detection(), verification(0.1f), null));
        assertThat(decision.degraded()).isTrue();
        assertThat(decision.missing()).containsExactly(Stage.FTM);
        assertThat(decision.score()).isCloseTo(1 / (1 + Math.exp(-(logit(0.9) + logit(0.1)))), within(1e-6));
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reasons()).contains("kws 0.100 speaks against the trigger", "degraded: ftm had not answered");
    }

    @Test
    void withoutADetectionTheDecisionIsARejection() {
        Decision decision = decider.decide(new StageResults(null, verification(0.99f), null));
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.missing()).containsExactly(Stage.WAKEWORD, Stage.FTM);
    }

    @Test
    void aClosedDeciderRefusesCalls() {
        try (OnnxEngine own = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            TriggerDecider closed = TriggerDecider.open(new ModelRepository(GnnFixtures.MODELS),
                    FtmConfig.defaults().withModel(FtmConfig.DEFAULT_MODEL, GnnFixtures.TINY), own);
            closed.close();
            assertThatThrownBy(() -> closed.decide(new StageResults(null, null, null))).isInstanceOf(IllegalStateException.class);
        }
    }

    private static KeywordVerification verification(float score) {
        return KeywordVerification.newBuilder().setDetectionId("d").setPhrase("hey jarvis").setScore(score).build();
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
