package io.wakestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.gateway.GatewayTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The connection and stream limits, across both protocols: refused with a reason, counted by reason. */
@GatewayTest
@TestPropertySource(properties = {"wakestream.gateway.max-connections=2", "wakestream.gateway.max-streams=1"})
class GatewayLimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    WyomingServer wyoming;

    @Autowired
    MeterRegistry meters;

    @Test
    void streamsAndConnectionsBeyondTheLimitsAreRefused() throws Exception {
        try (TestSocket first = socket()) {
            first.sendText(handshake("limit-1"));
            first.next("ready", WAIT);

            try (TestSocket second = socket()) {
                second.sendText(handshake("limit-2"));
                assertThat(second.closed(WAIT)).isEqualTo(new TestSocket.Closed(1013,
                        "the gateway holds its maximum of 1 streams; try again later"));
            }
            // the refused socket's place is freed once the gateway has seen it close
            await().atMost(WAIT).until(() -> meters.get("wakestream.gateway.connections.active").gauge().value() == 1);
            try (WyomingTestClient satellite = new WyomingTestClient(wyoming.port(), WAIT)) {
                satellite.sendInline("describe", null);
                assertThat(satellite.read().type()).isEqualTo("info");
                try (TestSocket third = socket()) {
                    assertThat(third.closed(WAIT)).isEqualTo(new TestSocket.Closed(1013,
                            "the gateway holds its maximum of 2 connections; try again later"));
                }
            }
        }
        assertThat(meters.find("wakestream.gateway.connections.rejected").tag("protocol", "websocket")
                .tag("reason", "too_many_connections").counter().count()).isEqualTo(1);
        assertThat(meters.find("wakestream.gateway.connections.rejected").tag("protocol", "websocket")
                .tag("reason", "too_many_streams").counter().count()).isEqualTo(1);
    }

    private TestSocket socket() {
        return new TestSocket(URI.create("ws://localhost:" + port + AudioSocketHandler.PATH));
    }

    private static String handshake(String streamId) {
        return "{\"stream_id\":\"" + streamId + "\",\"sample_rate\":16000,\"channels\":1,\"sample_format\":\"s16le\","
                + "\"token\":\"" + GatewayTest.TOKEN + "\"}";
    }
}
