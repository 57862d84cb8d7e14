package io.wakestream.asr.kafka;

import io.wakestream.common.kafka.TopicRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.asr.AsrServiceTest;
import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.kafka.DeadLetterHeaders;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.LatticeArc;
import io.wakestream.events.v1.SegmentEndReason;
import io.wakestream.events.v1.TriggerSegment;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Segments in, lattices out, through a real KRaft broker: a segment gives one lattice keyed by its stream, a
 * redelivery is not decoded twice, a long segment is cut and flagged, bad records go to the dead-letter topic
 * with their reason; health and info report the models.
 */
@AsrServiceTest
class AsrPipelineIT {

    private static final String SEGMENTS = "voice.segments.v1";
    private static final String LATTICES = "voice.lattices.v1";
    private static final String DLT = "voice.segments.v1-dlt";
    private static byte[] timer;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @LocalManagementPort
    int managementPort;

    @BeforeAll
    static void audio() throws Exception {
        try (InputStream wav = AsrPipelineIT.class.getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
            timer = Pcm16.toBytes(Mono16k.read(wav));
        }
    }

    @Test
    void aSegmentGivesOneLatticeAndARedeliveryIsNotDecodedTwice() throws Exception {
        double duplicatesBefore = count("wakestream.asr.segments", "outcome", "duplicate");
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), LATTICES);
             KafkaProducer<String, byte[]> producer = producer()) {
            TriggerSegment segment = segment("s-timer", "pipe-timer", timer);
            send(producer, segment.getStreamId(), segment.toByteArray());
            send(producer, segment.getStreamId(), segment.toByteArray());

            await().atMost(Duration.ofSeconds(120)).until(() -> !recorder.on(LATTICES).isEmpty()
                    && count("wakestream.asr.segments", "outcome", "duplicate") > duplicatesBefore);

            List<ConsumerRecord<String, byte[]>> records = recorder.on(LATTICES).stream()
                    .filter(r -> r.key().equals("pipe-timer")).toList();
            assertThat(records).hasSize(1);
            Lattice lattice = Lattice.parseFrom(records.getFirst().value());
            assertThat(lattice.getDetectionId()).isEqualTo("s-timer");
            assertThat(lattice.getModel()).isEqualTo("phonetic-encoder/1.0.0+lm-requests/1.0.0");
            assertThat(lattice.getOneBest()).isNotBlank();
            assertThat(lattice.getArcsCount()).isPositive();
            assertThat(lattice.getNodes()).isGreaterThan(1);
            assertThat(lattice.getTruncated()).isFalse();
            assertThat(lattice.getDecodedSamples()).isEqualTo(timer.length / 2);
            assertThat(lattice.getFrameMs()).isEqualTo(20);
            for (LatticeArc arc : lattice.getArcsList()) {
                assertThat(arc.getPosterior()).isBetween(0f, 1f);
                assertThat(arc.getTo()).isGreaterThan(arc.getFrom()).isLessThan(lattice.getNodes());
            }
            assertThat(count("wakestream.asr.segments", "outcome", "duplicate")).isEqualTo(duplicatesBefore + 1);
            assertThat(meters.find("wakestream.asr.decode.time").timer().count()).isPositive();
            assertThat(meters.find("wakestream.asr.real.time.factor").summary().count()).isPositive();
            assertThat(meters.find("wakestream.asr.lattice.arcs").summary().max()).isPositive();
        }
    }

    @Test
    void aSegmentLongerThanTheMaximumIsCutAndTheLatticeSaysSo() throws Exception {
        byte[] twice = new byte[timer.length * 2];
        System.arraycopy(timer, 0, twice, 0, timer.length);
        System.arraycopy(timer, 0, twice, timer.length, timer.length);
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), LATTICES);
             KafkaProducer<String, byte[]> producer = producer()) {
            TriggerSegment segment = segment("s-long", "pipe-long", twice);
            send(producer, segment.getStreamId(), segment.toByteArray());

            await().atMost(Duration.ofSeconds(120)).until(() -> recorder.on(LATTICES).stream()
                    .anyMatch(r -> r.key().equals("pipe-long")));
            ConsumerRecord<String, byte[]> record = recorder.on(LATTICES).stream()
                    .filter(r -> r.key().equals("pipe-long")).findFirst().orElseThrow();
            Lattice lattice = Lattice.parseFrom(record.value());
            assertThat(lattice.getDetectionId()).isEqualTo("s-long");
            assertThat(lattice.getTruncated()).isTrue();
            assertThat(lattice.getDecodedSamples()).isEqualTo(AsrServiceTest.MAX_SEGMENT_SAMPLES);
            assertThat(lattice.getArcsCount()).isPositive();
            // no arc reaches past the cut: 5 s is 250 outputs of 20 ms
            assertThat(lattice.getArcsList()).allSatisfy(arc -> assertThat(arc.getEndFrame()).isLessThanOrEqualTo(250));
            assertThat(count("wakestream.asr.segments", "outcome", "truncated")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void invalidSegmentsAreDeadLetteredWithTheirReasonAndTheServiceGoesOn() throws Exception {
        byte[] garbage = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        byte[] shortPcm = java.util.Arrays.copyOf(timer, 2 * 8000);
        Map<String, String> expected = Map.of(
                "dlt-garbage", "undecodable",
                "dlt-tombstone", "null_value",
                "dlt-empty", "empty_pcm",
                "dlt-odd", "odd_pcm_length",
                "dlt-no-id", "missing_detection_id",
                "dlt-no-stream", "missing_stream_id",
                "dlt-mismatch", "key_mismatch");
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), DLT, LATTICES);
             KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, "dlt-garbage", garbage);
            send(producer, "dlt-tombstone", null);
            send(producer, "dlt-empty", segment("s-empty", "dlt-empty", new byte[0]).toByteArray());
            send(producer, "dlt-odd", segment("s-odd", "dlt-odd", new byte[3201]).toByteArray());
            send(producer, "dlt-no-id", segment("", "dlt-no-id", shortPcm).toByteArray());
            send(producer, "dlt-no-stream", segment("s-no-stream", "", shortPcm).toByteArray());
            send(producer, "dlt-mismatch", segment("s-mismatch", "another-stream", shortPcm).toByteArray());
            TriggerSegment after = segment("s-after", "dlt-after", shortPcm);
            send(producer, after.getStreamId(), after.toByteArray());

            await().atMost(Duration.ofSeconds(120)).until(() -> recorder.on(DLT).size() >= expected.size()
                    && recorder.on(LATTICES).stream().anyMatch(r -> r.key().equals("dlt-after")));

            List<ConsumerRecord<String, byte[]>> dead = recorder.on(DLT);
            assertThat(dead).hasSize(expected.size());
            expected.forEach((key, reason) -> {
                ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
                assertThat(header(record, DeadLetterHeaders.REASON)).as(key).isEqualTo(reason);
                assertThat(header(record, DeadLetterHeaders.MESSAGE)).as(key).isNotBlank();
            });
            assertThat(dead.stream().filter(r -> "dlt-garbage".equals(r.key())).findFirst().orElseThrow().value())
                    .isEqualTo(garbage);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> expected.values().forEach(reason ->
                    assertThat(count("wakestream.dlt.records", "reason", reason)).as(reason).isEqualTo(1.0)));
            assertThat(count("wakestream.dlt.records", "reason", "processing_failed")).isZero();
        }
    }

    @Test
    void healthAndInfoReportTheModels() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String base = "http://localhost:" + managementPort + "/actuator/";
        var readiness = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "health/readiness")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"models\"", "\"kafka\"", "phonetic-encoder/1.0.0", "lm-requests/1.0.0");
        var info = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "info")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"lattice\"", "\"sha256\"", "\"maxSegmentSamples\":" + AsrServiceTest.MAX_SEGMENT_SAMPLES);
        var prometheus = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.body()).contains("wakestream_asr_segments_total", "wakestream_asr_decode_time_seconds",
                "wakestream_asr_real_time_factor", "wakestream_asr_lattice_arcs");
    }

    private static TriggerSegment segment(String id, String streamId, byte[] pcm) {
        return TriggerSegment.newBuilder()
                .setDetectionId(id)
                .setStreamId(streamId)
                .setPcm(ByteString.copyFrom(pcm))
                .setFirstSample(0)
                .setTriggerEndSample(Math.min(pcm.length / 2, 25_600))
                .setEndReason(SegmentEndReason.END_OF_SPEECH)
                .build();
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(SEGMENTS, key, value)).get();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private double count(String name, String tag, String value) {
        var search = meters.find(name);
        Counter counter = (tag == null ? search : search.tag(tag, value)).counter();
        return counter == null ? 0 : counter.count();
    }
}
