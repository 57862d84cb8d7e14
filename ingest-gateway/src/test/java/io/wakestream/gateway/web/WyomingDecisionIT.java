package io.wakestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.gateway.GatewayTest;
import io.wakestream.gateway.Results;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/** {@code detection-source: accepted-decision}: a satellite hears of the cascade's accepted decisions only. */
@GatewayTest
@TestPropertySource(properties = "wakestream.gateway.wyoming.detection-source=accepted-decision")
class WyomingDecisionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FORMAT = "\"rate\":16000,\"width\":2,\"channels\":1";

    @Autowired
    WyomingServer server;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void onlyAnAcceptedDecisionBecomesADetectionEvent() throws Exception {
        Results.awaitListeners(listeners, 2);
        try (WyomingTestClient satellite = new WyomingTestClient(server.port(), WAIT)) {
            satellite.sendBlock("audio-start", "{" + FORMAT + ",\"token\":\"" + GatewayTest.TOKEN
                    + "\",\"stream_id\":\"wy-decided\"}", null);
            satellite.sendBlock("audio-chunk", "{" + FORMAT + "}", new byte[3200]);
            satellite.sendInline("ping", null);
            assertThat(satellite.read().type()).isEqualTo("pong");

            String bootstrap = broker.getBrokersAsString();
            Results.produce(bootstrap, "voice.detections.v1", "wy-decided", WakewordDetection.newBuilder()
                    .setDetectionId("d-1").setStreamId("wy-decided").setKeyword("hey jarvis").setEndSample(8000)
                    .build().toByteArray());
            Results.produce(bootstrap, "voice.decisions.v1", "wy-decided", TriggerDecision.newBuilder()
                    .setDetectionId("d-1").setStreamId("wy-decided").setAccepted(false).setEndSample(8000)
                    .build().toByteArray());
            Results.produce(bootstrap, "voice.decisions.v1", "wy-decided", TriggerDecision.newBuilder()
                    .setDetectionId("d-2").setStreamId("wy-decided").setAccepted(true).setEndSample(16000)
                    .build().toByteArray());

            WyomingTestClient.Event detection = satellite.read();
            assertThat(detection.type()).isEqualTo("detection");
            assertThat(detection.data().path("timestamp").asLong()).as("the accepted decision's, not the detection's")
                    .isEqualTo(1000);
        }
    }
}
