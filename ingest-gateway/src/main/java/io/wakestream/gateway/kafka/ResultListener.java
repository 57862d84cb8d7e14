package io.wakestream.gateway.kafka;

import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.gateway.core.ResultRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Relays detections and decisions to the connections of their streams; other streams' results are skipped. */
@Component
public class ResultListener {

    /** Listener container ids, for tests that wait for partition assignment. */
    public static final String DETECTIONS_ID = "gateway-detections";
    public static final String DECISIONS_ID = "gateway-decisions";

    private final ResultRouter router;

    public ResultListener(ResultRouter router) {
        this.router = router;
    }

    @KafkaListener(id = DETECTIONS_ID, topics = "${wakestream.topics.detections:voice.detections.v1}",
            containerFactory = "detectionListenerFactory")
    void onDetection(WakewordDetection detection) {
        router.detection(detection);
    }

    @KafkaListener(id = DECISIONS_ID, topics = "${wakestream.topics.decisions:voice.decisions.v1}",
            containerFactory = "decisionListenerFactory")
    void onDecision(TriggerDecision decision) {
        router.decision(decision);
    }
}
