package io.wakestream.ftm.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The decision about one detection.
 *
 * @param accepted    whether the device was addressed: {@code score >= threshold}
 * @param score       the policy's combined probability in [0, 1]
 * @param threshold   the threshold of the policy's combination for the stages that were present
 * @param stageScores each present stage's own score in [0, 1] (the GNN's for {@link Stage#FTM}), in stage order
 * @param missing     the stages that had not answered; not empty means degraded
 * @param reasons     why, for people: the combination used, and the stages that pulled the score down or up
 * @param model       name/version of the GNN model whose policy decided
 */
public record Decision(boolean accepted, double score, double threshold, Map<Stage, Float> stageScores,
                       List<Stage> missing, List<String> reasons, String model) {

    public Decision {
        // in stage order, as events and JSON lines list them
        stageScores = stageScores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(stageScores));
        missing = List.copyOf(missing);
        reasons = List.copyOf(reasons);
    }

    /** A stage was missing when the decision was made. */
    public boolean degraded() {
        return !missing.isEmpty();
    }
}
