package io.wakestream.gateway.web;

import io.wakestream.events.v1.StageScore;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON text messages a WebSocket client receives: {@code ready}, {@code detection}, {@code decision},
 * {@code ended}. Positions are 16 kHz sample offsets from the stream's start, with their milliseconds beside them.
 */
final class ResultMessages {

    private final JsonMapper json;

    ResultMessages(JsonMapper json) {
        this.json = json;
    }

    String ready(String streamId, int chunkMs) {
        return json.writeValueAsString(json.createObjectNode().put("type", "ready").put("stream_id", streamId)
                .put("sample_rate", 16_000).put("chunk_ms", chunkMs));
    }

    String ended(String streamId) {
        return json.writeValueAsString(json.createObjectNode().put("type", "ended").put("stream_id", streamId));
    }

    String detection(WakewordDetection detection) {
        ObjectNode node = json.createObjectNode().put("type", "detection")
                .put("detection_id", detection.getDetectionId())
                .put("stream_id", detection.getStreamId())
                .put("keyword", detection.getKeyword())
                .put("model", detection.getModel())
                .put("score", detection.getScore());
        span(node, detection.getStartSample(), detection.getEndSample());
        return json.writeValueAsString(node);
    }

    String decision(TriggerDecision decision) {
        ObjectNode node = json.createObjectNode().put("type", "decision")
                .put("detection_id", decision.getDetectionId())
                .put("stream_id", decision.getStreamId())
                .put("accepted", decision.getAccepted())
                .put("score", decision.getScore())
                .put("keyword", decision.getKeyword())
                .put("model", decision.getModel())
                .put("degraded", decision.getDegraded())
                .put("decision_latency_ms", decision.getDecisionLatencyMs());
        span(node, decision.getStartSample(), decision.getEndSample());
        ArrayNode stages = node.putArray("stage_scores");
        for (StageScore stage : decision.getStageScoresList()) {
            stages.addObject().put("stage", stage.getStage()).put("score", stage.getScore())
                    .put("present", stage.getPresent()).put("latency_ms", stage.getLatencyMs());
        }
        decision.getReasonsList().forEach(node.putArray("reasons")::add);
        decision.getMissingStagesList().forEach(node.putArray("missing_stages")::add);
        return json.writeValueAsString(node);
    }

    private static void span(ObjectNode node, long startSample, long endSample) {
        node.put("start_sample", startSample).put("end_sample", endSample)
                .put("start_ms", startSample / 16).put("end_ms", endSample / 16);
    }
}
