package io.wakestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.kafka.TopicRecorder;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.gateway.GatewayTest;
import io.wakestream.gateway.Results;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A Wyoming satellite (a client written from the protocol's description) against the gateway and a real KRaft
 * broker: describe/info, a request streamed in audio-chunk events, the detection event back; not-detected;
 * refusals as error events.
 */
@GatewayTest
class WyomingIT {

    private static final String AUDIO = "voice.audio.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FORMAT = "\"rate\":16000,\"width\":2,\"channels\":1";
    private static byte[] request;

    @Autowired
    WyomingServer server;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void audio() throws Exception {
        try (InputStream wav = WyomingIT.class.getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
            request = Pcm16.toBytes(Arrays.copyOf(Mono16k.read(wav), 24_000));
        }
    }

    @BeforeEach
    void listenersReady() {
        Results.awaitListeners(listeners, 2);
    }

    @Test
    void aSatelliteDescribesStreamsARequestAndGetsItsDetectionBack() throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), AUDIO);
             WyomingTestClient satellite = new WyomingTestClient(server.port(), WAIT)) {
            satellite.sendInline("describe", null);
            WyomingTestClient.Event info = satellite.read();
            assertThat(info.type()).isEqualTo("info");
            assertThat(info.data().path("wake").get(0).path("models").get(0).path("name").asString()).isEqualTo("hey_jarvis");
            assertThat(info.data().path("wake").get(0).path("installed").asBoolean()).isTrue();

            satellite.sendInline("detect", "{\"names\":[\"hey_jarvis\"],\"token\":\"" + GatewayTest.TOKEN
                    + "\",\"stream_id\":\"wy-satellite\"}");
            satellite.sendBlock("audio-start", "{" + FORMAT + ",\"timestamp\":0}", null);
            for (int at = 0; at < request.length; at += 2048) {
                satellite.sendBlock("audio-chunk", "{" + FORMAT + ",\"timestamp\":" + at / 32 + "}",
                        Arrays.copyOfRange(request, at, Math.min(request.length, at + 2048)));
            }
            await().atMost(WAIT).until(() -> Results.chunks(recorder.on(AUDIO), "wy-satellite").size() >= 10);

            Results.produce(broker.getBrokersAsString(), "voice.detections.v1", "wy-satellite",
                    WakewordDetection.newBuilder().setDetectionId("wy-det").setStreamId("wy-satellite")
                            .setKeyword("hey jarvis").setScore(0.9f).setStartSample(0).setEndSample(20_800).build()
                            .toByteArray());
            WyomingTestClient.Event detection = satellite.read();
            assertThat(detection.type()).isEqualTo("detection");
            assertThat(detection.data().path("name").asString()).isEqualTo("hey_jarvis");
            assertThat(detection.data().path("timestamp").asLong()).isEqualTo(1300);

            satellite.sendInline("audio-stop", "{\"timestamp\":750}");
            satellite.sendInline("ping", "{\"text\":\"still there\"}");
            assertThat(satellite.read().type()).as("no not-detected after a detection").isEqualTo("pong");
            await().atMost(WAIT).until(() -> Results.chunks(recorder.on(AUDIO), "wy-satellite").stream()
                    .anyMatch(AudioChunk::getEndOfStream));
            assertThat(Results.assertComplete(Results.chunks(recorder.on(AUDIO), "wy-satellite"), "wy-satellite"))
                    .isEqualTo(request.length / 2);
        }
    }

    @Test
    void aStreamWithoutDetectionEndsInNotDetectedAndTheNextStreamGetsItsOwnId() throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), AUDIO);
             WyomingTestClient satellite = new WyomingTestClient(server.port(), WAIT)) {
            satellite.sendBlock("audio-start", "{" + FORMAT + ",\"token\":\"" + GatewayTest.TOKEN
                    + "\",\"stream_id\":\"wy-quiet\"}", null);
            satellite.sendBlock("audio-chunk", "{" + FORMAT + "}", new byte[3200]);
            satellite.sendInline("audio-stop", null);
            assertThat(satellite.read().type()).isEqualTo("not-detected");

            satellite.sendBlock("audio-chunk", "{" + FORMAT + "}", new byte[640]);
            satellite.sendInline("audio-stop", null);
            assertThat(satellite.read().type()).isEqualTo("not-detected");
            await().atMost(WAIT).until(() -> Results.chunks(recorder.on(AUDIO), "wy-quiet.2").stream()
                    .anyMatch(AudioChunk::getEndOfStream));
            assertThat(Results.assertComplete(Results.chunks(recorder.on(AUDIO), "wy-quiet"), "wy-quiet")).isEqualTo(1600);
            assertThat(Results.assertComplete(Results.chunks(recorder.on(AUDIO), "wy-quiet.2"), "wy-quiet.2")).isEqualTo(320);
        }
    }

    @Test
    void refusalsAreErrorEventsBeforeTheConnectionCloses() throws Exception {
        try (WyomingTestClient satellite = new WyomingTestClient(server.port(), WAIT)) {
            satellite.sendBlock("audio-start", "{" + FORMAT + "}", null);
            WyomingTestClient.Event error = satellite.read();
            assertThat(error.type()).isEqualTo("error");
            assertThat(error.data().path("code").asString()).isEqualTo("unauthorized");
            assertThat(error.data().path("text").asString()).contains("a token is required");
            assertThat(satellite.read()).isNull();
        }
        try (WyomingTestClient satellite = new WyomingTestClient(server.port(), WAIT)) {
            satellite.sendRaw("{\"type\":\"audio-chunk\",\"payload_length\":-4}\n");
            WyomingTestClient.Event error = satellite.read("error");
            assertThat(error.data().path("code").asString()).isEqualTo("bad_handshake");
            assertThat(error.data().path("text").asString()).startsWith("malformed Wyoming event: payload_length -4");
        }
        try (WyomingTestClient satellite = new WyomingTestClient(server.port(), WAIT)) {
            satellite.sendInline("detect", "{\"token\":\"" + GatewayTest.TOKEN + "\"}");
            satellite.sendBlock("audio-chunk", "{\"rate\":16000,\"width\":4,\"channels\":1}", new byte[64]);
            WyomingTestClient.Event error = satellite.read("error");
            assertThat(error.data().path("code").asString()).isEqualTo("bad_audio");
            assertThat(error.data().path("text").asString()).isEqualTo("width 4 is not supported: send 16-bit PCM (width 2)");
        }
    }
}
