package io.wakestream.kws.kafka;

import io.wakestream.common.enrollment.EnrollmentFollower;
import io.wakestream.common.kafka.TopicRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.kafka.DeadLetterHeaders;
import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.kws.KwsServiceApplication;
import io.wakestream.kws.KwsServiceTest;
import io.wakestream.kws.TestModels;
import io.wakestream.kws.TestModelsDirectory;
import io.wakestream.common.enrollment.Enrollment;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Detections in, verifications out, through a real KRaft broker: the keyword or the enrolled phrase is verified,
 * redeliveries are not verified twice, bad records go to the dead-letter topic, and a restarted instance reads
 * the enrollments back.
 */
@KwsServiceTest
class KwsPipelineIT extends TestModelsDirectory {

    private static final String DETECTIONS = "voice.detections.v1";
    private static final String VERIFICATIONS = "voice.verifications.v1";
    private static final String DLT = "voice.detections.v1-dlt";
    private static byte[] trigger;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EnrollmentStore store;

    @Autowired
    EnrollmentFollower follower;

    @BeforeAll
    static void audio() throws Exception {
        try (InputStream wav = KwsPipelineIT.class.getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
            trigger = Arrays.copyOf(Pcm16.toBytes(Mono16k.read(wav)), 2 * 25_600);
        }
    }

    @Test
    void aDetectionIsVerifiedAgainstItsKeywordOrTheEnrolledPhraseOnceEach() throws Exception {
        assertThat(follower.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        double duplicatesBefore = count("wakestream.kws.detections.duplicate", null, null);
        store.put("pipe-enrolled", "ok computer", List.of("OW", "K", "EY", "K", "AH", "M", "P", "Y", "UW", "T", "ER"));
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), VERIFICATIONS);
             KafkaProducer<String, byte[]> producer = producer()) {
            WakewordDetection keyword = detection("d-keyword", "pipe-keyword");
            WakewordDetection enrolled = detection("d-enrolled", "pipe-enrolled");
            send(producer, keyword.getStreamId(), keyword.toByteArray());
            send(producer, enrolled.getStreamId(), enrolled.toByteArray());
            send(producer, keyword.getStreamId(), keyword.toByteArray());

            await().atMost(Duration.ofSeconds(60)).until(() -> verifications(recorder).size() >= 2
                    && count("wakestream.kws.detections.duplicate", null, null) > duplicatesBefore);

            List<ConsumerRecord<String, byte[]>> records = recorder.on(VERIFICATIONS);
            assertThat(records).hasSize(2);
            KeywordVerification ofKeyword = verification(records, "d-keyword");
            assertThat(ofKeyword.getPhrase()).isEqualTo("hey jarvis");
            assertThat(ofKeyword.getPhonemesList()).containsExactly("HH", "EY", "JH", "AA", "R", "V", "IH", "S");
            assertThat(ofKeyword.getModel()).isEqualTo("kws-verifier/" + TestModels.VERIFIER_VERSION);
            assertThat(ofKeyword.getScore()).isBetween(0f, 1f);
            assertThat(ofKeyword.getAccepted()).isEqualTo(ofKeyword.getScore() >= 0.5f);
            assertThat(records.stream().filter(r -> r.key().equals("pipe-keyword"))).hasSize(1);

            KeywordVerification ofEnrolled = verification(records, "d-enrolled");
            assertThat(ofEnrolled.getPhrase()).isEqualTo("ok computer");
            assertThat(ofEnrolled.getPhonemesList()).startsWith("OW", "K");
            assertThat(records.stream().filter(r -> r.key().equals("pipe-enrolled"))).hasSize(1);

            assertThat(count("wakestream.kws.detections.duplicate", null, null)).isEqualTo(duplicatesBefore + 1);
            assertThat(count("wakestream.kws.verifications", "outcome", "accepted")
                    + count("wakestream.kws.verifications", "outcome", "rejected")).isGreaterThanOrEqualTo(2);
            assertThat(meters.find("wakestream.kws.verification.time").timer().count()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void invalidDetectionsAreDeadLetteredWithTheirReasonAndTheServiceGoesOn() throws Exception {
        assertThat(follower.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        byte[] garbage = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        Map<String, String> expected = Map.of(
                "dlt-garbage", "undecodable",
                "dlt-tombstone", "null_value",
                "dlt-empty", "empty_trigger_pcm",
                "dlt-odd", "odd_trigger_pcm_length",
                "dlt-no-id", "missing_detection_id",
                "dlt-no-stream", "missing_stream_id",
                "dlt-no-keyword", "missing_keyword");
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), DLT, VERIFICATIONS);
             KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, "dlt-garbage", garbage);
            send(producer, "dlt-tombstone", null);
            send(producer, "dlt-empty", detection("d-empty", "dlt-empty").toBuilder().setTriggerPcm(ByteString.EMPTY)
                    .build().toByteArray());
            send(producer, "dlt-odd", detection("d-odd", "dlt-odd").toBuilder()
                    .setTriggerPcm(ByteString.copyFrom(new byte[3201])).build().toByteArray());
            send(producer, "dlt-no-id", detection("", "dlt-no-id").toByteArray());
            send(producer, "dlt-no-stream", detection("d-no-stream", "").toByteArray());
            send(producer, "dlt-no-keyword", detection("d-no-keyword", "dlt-no-keyword").toBuilder().setKeyword("")
                    .build().toByteArray());
            WakewordDetection after = detection("d-after", "dlt-after");
            send(producer, after.getStreamId(), after.toByteArray());

            await().atMost(Duration.ofSeconds(60)).until(() -> recorder.on(DLT).size() >= expected.size()
                    && recorder.on(VERIFICATIONS).stream().anyMatch(r -> r.key().equals("dlt-after")));

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

    /**
     * A second instance on the same broker (a restart, or a scale-out) reads the enrollments back from the topic,
     * which is compacted.
     */
    @Test
    void aRestartedInstanceReadsTheEnrollmentsBack() throws Exception {
        assertThat(follower.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        store.put("restart-1", "hey computer", List.of("HH", "EY", "K", "AH", "M", "P", "Y", "UW", "T", "ER"));
        store.put("restart-2", "hello there", List.of("HH", "AH", "L", "OW", "DH", "EH", "R"));
        store.delete("restart-2");

        try (ConfigurableApplicationContext second = KwsServiceApplication.builder().run(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--server.port=0",
                "--wakestream.models.dir=" + TestModels.directory(),
                "--wakestream.models.provider=cpu",
                "--wakestream.kws.model-version=" + TestModels.VERIFIER_VERSION,
                "--wakestream.topics.partitions=2",
                "--spring.kafka.consumer.group-id=kws-service-second")) {
            EnrollmentFollower secondFollower = second.getBean(EnrollmentFollower.class);
            assertThat(secondFollower.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            EnrollmentRegistry registry = second.getBean(EnrollmentRegistry.class);

            Optional<Enrollment> restored = registry.get("restart-1");
            assertThat(restored).hasValueSatisfying(e -> {
                assertThat(e.phrase()).isEqualTo("hey computer");
                assertThat(e.phones()).startsWith("HH", "EY", "K");
                assertThat(e.updatedAt()).isEqualTo(store.get("restart-1").orElseThrow().updatedAt());
            });
            assertThat(registry.get("restart-2")).isEmpty();
        }
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource keywords = new ConfigResource(ConfigResource.Type.TOPIC, "voice.keywords.v1");
            Config config = admin.describeConfigs(List.of(keywords)).all().get().get(keywords);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    private static WakewordDetection detection(String id, String streamId) {
        return WakewordDetection.newBuilder()
                .setDetectionId(id)
                .setStreamId(streamId)
                .setKeyword("hey jarvis")
                .setModel("wakeword-hey-jarvis/2.0.0")
                .setScore(0.99f)
                .setStartSample(0)
                .setEndSample(trigger.length / 2)
                .setTriggerPcm(ByteString.copyFrom(trigger))
                .build();
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(DETECTIONS, key, value)).get();
    }

    private static List<KeywordVerification> verifications(TopicRecorder recorder) throws Exception {
        List<KeywordVerification> all = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : recorder.on(VERIFICATIONS)) {
            all.add(KeywordVerification.parseFrom(record.value()));
        }
        return all;
    }

    private static KeywordVerification verification(List<ConsumerRecord<String, byte[]>> records, String detectionId)
            throws Exception {
        for (ConsumerRecord<String, byte[]> record : records) {
            KeywordVerification verification = KeywordVerification.parseFrom(record.value());
            if (verification.getDetectionId().equals(detectionId)) {
                return verification;
            }
        }
        throw new AssertionError("no verification of " + detectionId);
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
