package io.wakestream.ftm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {

    @Test
    void eachSetOfPresentStagesUsesItsOwnCombination() {
        DecisionPolicy policy = DecisionPolicy.fromManifest(manifest(Map.of("wakeword+ftm", 3.0)));
        Map<Stage, Float> scores = new EnumMap<>(Map.of(Stage.WAKEWORD, 0.5f, Stage.FTM, 0.9f));
        DecisionPolicy.Outcome outcome = policy.decide(scores);
        // bias 3 + 2 · logit(0.5) + 2 · logit(0.9)
        assertThat(outcome.score()).isCloseTo(1 / (1 + Math.exp(-(3 + 2 * Math.log(9)))), within(1e-9));
        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.reasons()).containsExactly("wakeword+ftm: combined 0.999 >= threshold 0.600",
                "ftm 0.900 supports the trigger");
    }

    @Test
    void aRejectionNamesTheStagesThatSpokeAgainstItStrongestFirst() {
        DecisionPolicy policy = DecisionPolicy.fromManifest(manifest(Map.of()));
        DecisionPolicy.Outcome outcome = policy.decide(new EnumMap<>(Map.of(Stage.WAKEWORD, 0.4f, Stage.KWS, 0.01f, Stage.FTM, 0.99f)));
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.reasons()).containsExactly("wakeword+kws+ftm: combined 0.308 < threshold 0.600",
                "kws 0.010 speaks against the trigger", "wakeword 0.400 speaks against the trigger");
    }

    @Test
    void scoresAreClippedBeforeTheLogit() {
        DecisionPolicy policy = DecisionPolicy.fromManifest(manifest(Map.of()));
        double zero = policy.decide(new EnumMap<>(Map.of(Stage.WAKEWORD, 0f))).score();
        assertThat(zero).isCloseTo(1 / (1 + Math.exp(-2 * Math.log(DecisionPolicy.EPS / (1 - DecisionPolicy.EPS)))), within(1e-12));
    }

    @Test
    void aPolicyMustCoverEverySetOfPresentStages() {
        Map<String, Object> incomplete = manifest(Map.of());
        incomplete.remove("wakeword+kws");
        assertThatThrownBy(() -> DecisionPolicy.fromManifest(incomplete))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no combination for wakeword+kws");
        Map<String, Object> unknown = manifest(Map.of());
        unknown.put("wakeword+asr", unknown.get("wakeword"));
        assertThatThrownBy(() -> DecisionPolicy.fromManifest(unknown)).hasMessageContaining("unknown stage 'asr'");
    }

    /** Every combination weighs its stages 2 with threshold 0.6; biases 0 unless given. */
    private static Map<String, Object> manifest(Map<String, Double> biases) {
        Map<String, Object> policy = new LinkedHashMap<>();
        for (String key : List.of("wakeword", "wakeword+kws", "wakeword+ftm", "wakeword+kws+ftm")) {
            Map<String, Object> weights = new LinkedHashMap<>();
            for (String stage : key.split("\\+")) {
                weights.put(stage, 2.0);
            }
            policy.put(key, Map.of("bias", biases.getOrDefault(key, 0.0), "weights", weights, "threshold", 0.6));
        }
        return policy;
    }
}
