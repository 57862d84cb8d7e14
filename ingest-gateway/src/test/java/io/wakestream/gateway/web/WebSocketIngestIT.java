package io.wakestream.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.audio.Resampler;
import io.wakestream.common.kafka.TopicRecorder;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.StageScore;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.gateway.GatewayTest;
import io.wakestream.gateway.Results;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Browser-like clients over the WebSocket endpoint against a real KRaft broker: audio in, AudioChunks on
 * voice.audio.v1, the stream's detection and decision back on the same socket; refusals with their close reasons.
 */
@GatewayTest
class WebSocketIngestIT {

    private static final String AUDIO = "voice.audio.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static float[] sample;

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void audio() throws Exception {
        try (InputStream wav = WebSocketIngestIT.class.getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
            sample = Arrays.copyOf(Mono16k.read(wav), 32_000);
        }
    }

    @BeforeEach
    void listenersReady() {
        Results.awaitListeners(listeners, 2);
    }

    @Test
    void stereoFloatAt48kHzBecomesChunksAndTheStreamsResultsComeBackOnTheSocket() throws Exception {
        double chunksBefore = counter("wakestream.gateway.chunks.produced");
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), AUDIO);
             TestSocket socket = new TestSocket(uri(""))) {
            socket.sendText(handshake("ws-kitchen", 48_000, 2, "f32le", GatewayTest.TOKEN));
            assertThat(socket.next(WAIT)).contains("\"type\":\"ready\"", "\"stream_id\":\"ws-kitchen\"");

            byte[] pcm = stereoF32(new Resampler(16_000, 48_000).resample(sample));
            for (int at = 0; at < pcm.length; at += 960 * 8) {
                socket.sendBinary(Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 960 * 8)));
            }
            socket.sendText("{\"type\":\"stop\"}");
            assertThat(socket.next("ended", WAIT)).contains("\"stream_id\":\"ws-kitchen\"");

            await().atMost(WAIT).until(() -> Results.chunks(recorder.on(AUDIO), "ws-kitchen").stream()
                    .anyMatch(AudioChunk::getEndOfStream));
            List<AudioChunk> chunks = Results.chunks(recorder.on(AUDIO), "ws-kitchen");
            assertThat(Results.assertComplete(chunks, "ws-kitchen")).isEqualTo(sample.length);
            assertThat(chunks.getFirst().getPcm().size()).isEqualTo(2 * 1600);
            assertThat(recorder.on(AUDIO).stream().filter(r -> r.key().equals("ws-kitchen")))
                    .allSatisfy(r -> assertThat(r.partition()).isEqualTo(recorder.on(AUDIO).getFirst().partition()));
            assertThat(counter("wakestream.gateway.chunks.produced")).isGreaterThanOrEqualTo(chunksBefore + chunks.size());

            WakewordDetection detection = WakewordDetection.newBuilder().setDetectionId("det-1").setStreamId("ws-kitchen")
                    .setKeyword("hey jarvis").setModel("wakeword-hey-jarvis/3").setScore(0.97f)
                    .setStartSample(3200).setEndSample(19_200).build();
            Results.produce(broker.getBrokersAsString(), "voice.detections.v1", "someone-else",
                    detection.toBuilder().setDetectionId("det-other").setStreamId("someone-else").build().toByteArray());
            Results.produce(broker.getBrokersAsString(), "voice.detections.v1", "ws-kitchen", detection.toByteArray());
            String detectionMessage = socket.next(WAIT);
            assertThat(detectionMessage).contains("\"type\":\"detection\"", "\"detection_id\":\"det-1\"",
                    "\"keyword\":\"hey jarvis\"", "\"end_sample\":19200", "\"end_ms\":1200");

            TriggerDecision decision = TriggerDecision.newBuilder().setDetectionId("det-1").setStreamId("ws-kitchen")
                    .setAccepted(true).setScore(0.91f).setKeyword("hey jarvis")
                    .addStageScores(StageScore.newBuilder().setStage("kws").setScore(0.8f).setPresent(true).setLatencyMs(40))
                    .build();
            Results.produce(broker.getBrokersAsString(), "voice.decisions.v1", "ws-kitchen", decision.toByteArray());
            assertThat(socket.next(WAIT)).contains("\"type\":\"decision\"", "\"accepted\":true",
                    "\"stage_scores\":[{\"stage\":\"kws\",\"score\":0.8", "\"present\":true");
        }
        assertThat(meters.find("wakestream.gateway.results.sent").tag("type", "decision").counter().count()).isPositive();
    }

    @Test
    void malformedHandshakesAndFramesCloseWithAReasonAndProduceNothing() throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), AUDIO)) {
            assertRefused("not json", 1007, "the handshake is not JSON");
            assertRefused("[1,2]", 1007, "the handshake must be a JSON object");
            assertRefused(handshake("bad id!", 16_000, 1, "s16le", GatewayTest.TOKEN), 1007,
                    "stream_id 'bad id!' is not 1-128 characters");
            assertRefused(handshake("ws-bad-format", 16_000, 1, "s24le", GatewayTest.TOKEN), 1007,
                    "sample_format 's24le' is not one of s16le, f32le");
            assertRefused(handshake("ws-bad-rate", 1_000, 1, "s16le", GatewayTest.TOKEN), 1007,
                    "sample_rate 1000 is outside 8000..192000 Hz");
            assertRefused(handshake("ws-no-token", 16_000, 1, "s16le", null), 1008, "a token is required");
            assertRefused(handshake("ws-bad-token", 16_000, 1, "s16le", "guess"), 1008, "the token is not accepted");

            try (TestSocket socket = new TestSocket(uri(""))) {
                socket.sendBinary(new byte[320]);
                assertThat(socket.closed(WAIT)).isEqualTo(new TestSocket.Closed(1007,
                        "send the JSON handshake as a text message before any audio"));
            }
            try (TestSocket socket = new TestSocket(uri(""))) {
                socket.sendText(handshake("ws-odd-frame", 16_000, 1, "s16le", GatewayTest.TOKEN));
                socket.next("ready", WAIT);
                socket.sendBinary(new byte[3]);
                assertThat(socket.closed(WAIT)).isEqualTo(new TestSocket.Closed(1007,
                        "3 bytes of audio are not whole frames of 2 bytes (1 channel(s) of s16le)"));
            }
            await().atMost(WAIT).until(() -> Results.chunks(recorder.on(AUDIO), "ws-odd-frame").size() == 1);
            Thread.sleep(1000);
            assertThat(recorder.on(AUDIO)).extracting(r -> r.key()).doesNotContain("ws-bad-format", "ws-bad-rate",
                    "ws-no-token", "ws-bad-token");
            assertThat(Results.chunks(recorder.on(AUDIO), "ws-odd-frame")).singleElement().satisfies(chunk -> {
                assertThat(chunk.getEndOfStream()).isTrue();
                assertThat(chunk.getPcm().isEmpty()).isTrue();
            });
        }
        assertThat(meters.find("wakestream.gateway.connections.rejected").tag("protocol", "websocket").tag("reason", "unauthorized").counter().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aClientFasterThanRealTimeIsSlowedAndAMessageOverTheLimitClosesTheSocket() throws Exception {
        // 8 kHz 16-bit mono: 1,040,000 bytes are 65 s of audio. The test's pacing: 10 s at once, then 20x real time.
        byte[] minuteAndMore = new byte[1_040_000];
        try (TestSocket socket = new TestSocket(uri(""))) {
            socket.sendText(handshake("ws-fast", 8_000, 1, "s16le", GatewayTest.TOKEN));
            socket.next("ready", WAIT);
            long start = System.nanoTime();
            socket.sendBinary(minuteAndMore);
            socket.sendBinary(minuteAndMore);
            socket.sendText("{\"type\":\"stop\"}");
            socket.next("ended", WAIT);
            // 130 s of audio: allowed once (130 - 10) / 20 = 6 s have passed.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(5800));
        }
        try (TestSocket socket = new TestSocket(uri(""))) {
            socket.sendText(handshake("ws-too-big", 16_000, 1, "s16le", GatewayTest.TOKEN));
            socket.next("ready", WAIT);
            socket.sendBinary(new byte[(1 << 20) + 2]);
            assertThat(socket.closed(WAIT).status()).isEqualTo(1009);
        }
    }

    @Test
    void theTokenMayComeInTheQueryAndAClientThatDropsMidStreamLeavesAnEndOfStream() throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), AUDIO)) {
            TestSocket socket = new TestSocket(uri("?token=" + GatewayTest.TOKEN));
            socket.sendText(handshake("ws-dropped", 16_000, 1, "s16le", null));
            socket.next("ready", WAIT);
            socket.sendBinary(s16(Arrays.copyOf(sample, 4000)));
            socket.abort();

            await().atMost(WAIT).until(() -> Results.chunks(recorder.on(AUDIO), "ws-dropped").stream()
                    .anyMatch(AudioChunk::getEndOfStream));
            assertThat(Results.assertComplete(Results.chunks(recorder.on(AUDIO), "ws-dropped"), "ws-dropped"))
                    .isEqualTo(4000);
        }
    }

    @Test
    void aSecondClientWithTheSameStreamIdIsRefusedAndTheFirstStreamsOn() throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), AUDIO);
             TestSocket first = new TestSocket(uri(""))) {
            first.sendText(handshake("ws-shared", 16_000, 1, "s16le", GatewayTest.TOKEN));
            first.next("ready", WAIT);
            try (TestSocket second = new TestSocket(uri(""))) {
                second.sendText(handshake("ws-shared", 16_000, 1, "s16le", GatewayTest.TOKEN));
                assertThat(second.closed(WAIT)).isEqualTo(new TestSocket.Closed(1008,
                        "stream_id ws-shared is already streaming on another connection"));
            }
            first.sendBinary(s16(Arrays.copyOf(sample, 3200)));
            first.sendText("{\"type\":\"stop\"}");
            first.next("ended", WAIT);
            await().atMost(WAIT).until(() -> Results.chunks(recorder.on(AUDIO), "ws-shared").stream()
                    .anyMatch(AudioChunk::getEndOfStream));
            assertThat(Results.assertComplete(Results.chunks(recorder.on(AUDIO), "ws-shared"), "ws-shared"))
                    .isEqualTo(3200);
        }
    }

    private void assertRefused(String handshake, int status, String reason) throws Exception {
        try (TestSocket socket = new TestSocket(uri(""))) {
            socket.sendText(handshake);
            TestSocket.Closed closed = socket.closed(WAIT);
            assertThat(closed.status()).as(handshake).isEqualTo(status);
            assertThat(closed.reason()).as(handshake).startsWith(reason);
        }
    }

    private URI uri(String query) {
        return URI.create("ws://localhost:" + port + AudioSocketHandler.PATH + query);
    }

    private static String handshake(String streamId, int rate, int channels, String format, String token) {
        return "{\"stream_id\":\"" + streamId + "\",\"sample_rate\":" + rate + ",\"channels\":" + channels
                + ",\"sample_format\":\"" + format + "\"" + (token == null ? "" : ",\"token\":\"" + token + "\"") + "}";
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static byte[] stereoF32(float[] mono) {
        ByteBuffer out = ByteBuffer.allocate(8 * mono.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : mono) {
            out.putFloat(sample).putFloat(sample);
        }
        return out.array();
    }

    static byte[] s16(float[] mono) {
        return Pcm16.toBytes(mono);
    }
}
