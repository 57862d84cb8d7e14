package io.wakestream.ftm.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Combines the stages' scores into one decision: logistic regression over the logits of the present stages'
 * scores, one fitted combination (bias, weights, threshold) per set of present stages, so a decision without a
 * stage uses the combination trained without it rather than a guess of its score. The combinations come from
 * the GNN's manifest ({@code architecture.policy}, keyed by the present stages joined with {@code +} in stage
 * order, e.g. {@code wakeword+kws+ftm}); they and their thresholds are fitted on the validation voices
 * ({@code training/wakestream_training/ftm/policy.py}).
 */
public final class DecisionPolicy {

    /** Scores are clipped to [EPS, 1 − EPS] before the logit so a stage's 0 or 1 cannot dominate. */
    static final double EPS = 1e-4;

    /** One combination: σ(bias + Σ weight(stage) · logit(score(stage))) ≥ threshold accepts. */
    public record Combination(double bias, Map<Stage, Double> weights, double threshold) {
        public Combination {
            weights = Map.copyOf(weights);
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
            }
        }
    }

    private final Map<Set<Stage>, Combination> combinations;

    public DecisionPolicy(Map<Set<Stage>, Combination> combinations) {
        for (Map.Entry<Set<Stage>, Combination> entry : combinations.entrySet()) {
            if (!entry.getKey().contains(Stage.WAKEWORD) || !entry.getKey().equals(entry.getValue().weights().keySet())) {
                throw new IllegalArgumentException("combination " + key(entry.getKey()) + " must include wakeword and weigh"
                        + " exactly its stages, weighs " + entry.getValue().weights().keySet());
            }
        }
        for (Set<Stage> present : presenceSets()) {
            if (!combinations.containsKey(present)) {
                throw new IllegalArgumentException("the policy has no combination for " + key(present) + "; it has "
                        + combinations.keySet().stream().map(DecisionPolicy::key).toList());
            }
        }
        this.combinations = Map.copyOf(combinations);
    }

    /**
     * Reads {@code architecture.policy} of a manifest: {key: {"bias": b, "weights": {stage: w}, "threshold": t}}.
     *
     * @throws IllegalArgumentException if a key names an unknown stage, a value is missing or not a number, or a
     *                                  presence set is not covered
     */
    public static DecisionPolicy fromManifest(Object policy) {
        if (!(policy instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException("architecture.policy must be an object, is " + policy);
        }
        Map<Set<Stage>, Combination> combinations = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            Set<Stage> stages = EnumSet.noneOf(Stage.class);
            for (String label : String.valueOf(entry.getKey()).split("\\+")) {
                stages.add(Stage.of(label));
            }
            if (!(entry.getValue() instanceof Map<?, ?> fields) || !(fields.get("weights") instanceof Map<?, ?> weights)) {
                throw new IllegalArgumentException("policy " + entry.getKey() + " needs bias, weights and threshold");
            }
            Map<Stage, Double> weighed = new EnumMap<>(Stage.class);
            weights.forEach((stage, weight) -> weighed.put(Stage.of(String.valueOf(stage)), number(entry.getKey() + ".weights." + stage, weight)));
            combinations.put(stages, new Combination(number(entry.getKey() + ".bias", fields.get("bias")), weighed,
                    number(entry.getKey() + ".threshold", fields.get("threshold"))));
        }
        return new DecisionPolicy(combinations);
    }

    /**
     * Decides from the present stages' scores (each in [0, 1]).
     *
     * @throws IllegalArgumentException if {@code scores} lacks the wakeword stage
     */
    public Outcome decide(Map<Stage, Float> scores) {
        Set<Stage> present = scores.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(scores.keySet());
        Combination combination = combinations.get(present);
        if (combination == null) {
            throw new IllegalArgumentException("no combination for " + key(present) + ": the wakeword stage is required");
        }
        double z = combination.bias();
        Map<Stage, Double> pulls = new EnumMap<>(Stage.class);
        for (Map.Entry<Stage, Float> score : scores.entrySet()) {
            double pull = combination.weights().get(score.getKey()) * logit(score.getValue());
            pulls.put(score.getKey(), pull);
            z += pull;
        }
        double probability = 1.0 / (1.0 + Math.exp(-z));
        boolean accepted = probability >= combination.threshold();
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "%s: combined %.3f %s threshold %.3f", key(present), probability,
                accepted ? ">=" : "<", combination.threshold()));
        pulls.entrySet().stream()
                .filter(e -> accepted ? e.getValue() > 0 : e.getValue() < 0)
                .sorted((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
                .forEach(e -> reasons.add(String.format(Locale.ROOT, "%s %.3f %s", e.getKey().label(), scores.get(e.getKey()),
                        accepted ? "supports the trigger" : "speaks against the trigger")));
        return new Outcome(accepted, probability, combination.threshold(), reasons);
    }

    /** The policy's verdict: accepted, combined probability, threshold, reasons. */
    public record Outcome(boolean accepted, double score, double threshold, List<String> reasons) {
    }

    /** Every set of present stages a decision can meet: the wakeword stage with any of the others. */
    static List<Set<Stage>> presenceSets() {
        List<Set<Stage>> sets = new ArrayList<>();
        for (boolean kws : new boolean[] {false, true}) {
            for (boolean ftm : new boolean[] {false, true}) {
                Set<Stage> set = EnumSet.of(Stage.WAKEWORD);
                if (kws) {
                    set.add(Stage.KWS);
                }
                if (ftm) {
                    set.add(Stage.FTM);
                }
                sets.add(set);
            }
        }
        return sets;
    }

    static String key(Set<Stage> stages) {
        return stages.stream().sorted().map(Stage::label).collect(Collectors.joining("+"));
    }

    private static double logit(float score) {
        double p = Math.min(1 - EPS, Math.max(EPS, score));
        return Math.log(p / (1 - p));
    }

    private static double number(String name, Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException("policy " + name + " must be a finite number, is " + value);
        }
        return number.doubleValue();
    }
}
