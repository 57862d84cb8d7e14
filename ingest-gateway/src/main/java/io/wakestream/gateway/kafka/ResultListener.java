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

    // The ids name the containers only: every instance reads all results in a group of its own
    // (spring.kafka.consumer.group-id ingest-gateway-<random>); the id as group would split the partitions between
    // instances, and a device's results could go to an instance it is not connected to.
    @KafkaListener(id = DETECTIONS_ID, idIsGroup = false, topics = "${wakestream.topics.detections:voice.detections.v1}",
            containerFactory = "detectionListenerFactory")
    void onDetection(WakewordDetection detection) {
        router.detection(detection);
    }

    @KafkaListener(id = DECISIONS_ID, idIsGroup = false, topics = "${wakestream.topics.decisions:voice.decisions.v1}",
            containerFactory = "decisionListenerFactory")
    void onDecision(TriggerDecision decision) {
        router.decision(decision);
    }
}
