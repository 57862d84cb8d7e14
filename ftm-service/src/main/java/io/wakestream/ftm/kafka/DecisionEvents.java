package io.wakestream.ftm.kafka;

import io.wakestream.events.v1.StageScore;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.ftm.core.Decision;
import io.wakestream.ftm.core.Stage;

/** Writes a {@link Decision} about a joined detection as the {@code TriggerDecision} event of voice.decisions.v1. */
public final class DecisionEvents {

    private DecisionEvents() {
    }

    /**
     * The decision event.
     *
     * @param detectionId the detection decided about
     * @param pending     its stage results and their record timestamps
     * @param decision    the decider's decision over them
     * @param nowMs       wall-clock time of the decision (epoch ms)
     * @return stage scores for every stage in {@link Stage} order, each stage's latency its record timestamp minus
     *         the detection's (0 when it or the detection is absent), and the decision latency {@code nowMs} minus
     *         the detection's record timestamp (0 without a detection)
     */
    public static TriggerDecision of(String detectionId, PendingDetection pending, Decision decision, long nowMs) {
        WakewordDetection detection = pending.detection();
        TriggerDecision.Builder event = TriggerDecision.newBuilder()
                .setDetectionId(detectionId)
                .setStreamId(pending.streamId())
                .setAccepted(decision.accepted())
                .addAllReasons(decision.reasons())
                .setDegraded(decision.degraded())
                .setScore((float) decision.score())
                .setModel(decision.model());
        for (Stage stage : Stage.values()) {
            boolean present = pending.has(stage);
            long latency = present && detection != null ? pending.timestamp(stage) - pending.detectionTs() : 0;
            event.addStageScores(StageScore.newBuilder()
                    .setStage(stage.label())
                    .setScore(decision.stageScores().getOrDefault(stage, 0f))
                    .setPresent(present)
                    .setLatencyMs(latency));
        }
        decision.missing().forEach(stage -> event.addMissingStages(stage.label()));
        if (detection != null) {
            event.setKeyword(detection.getKeyword())
                    .setStartSample(detection.getStartSample())
                    .setEndSample(detection.getEndSample())
                    .setDecisionLatencyMs(nowMs - pending.detectionTs());
        }
        return event.build();
    }
}
