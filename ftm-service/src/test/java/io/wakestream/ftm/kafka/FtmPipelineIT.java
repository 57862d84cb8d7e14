package io.wakestream.ftm.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.kafka.DeadLetterHeaders;
import io.wakestream.common.kafka.TopicRecorder;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.ftm.FtmServiceApplication;
import io.wakestream.ftm.TestModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ftm-service on an in-process single-node KRaft broker with exactly-once processing: stage results in, one
 * decision per detection out (degraded after the timeout when a stage is missing), bad records to their
 * dead-letter topic, and the join's state restored from its changelog topics after a restart that lost the local
 * stores. The broker's transaction state log is shrunk to its one node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + FtmServiceApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.streams.replication-factor=1",
        // a stopped client's partitions move after the session timeout: the broker's minimum, for the restart
        "spring.kafka.streams.properties.session.timeout.ms=6000",
        "wakestream.topics.partitions=2",
        "wakestream.models.provider=cpu",
        "wakestream.ftm.model-version=" + TestModels.GNN_VERSION,
        "wakestream.ftm.timeout=" + FtmPipelineIT.TIMEOUT_S + "s"})
@EmbeddedKafka(partitions = 2, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class FtmPipelineIT {

    /** Long enough that a detection is still pending when the restart test stops the client on a busy machine. */
    static final int TIMEOUT_S = 8;
    private static final String DETECTIONS = "voice.detections.v1";
    private static final String VERIFICATIONS = "voice.verifications.v1";
    private static final String LATTICES = "voice.lattices.v1";
    private static final String DECISIONS = "voice.decisions.v1";
    private static final String LATTICES_DLT = "voice.lattices.v1-dlt";
    private static final Path STATE_DIR = stateDir();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DecisionStreams streams;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("wakestream.models.dir", () -> TestModels.directory().toString());
        registry.add("spring.kafka.streams.state-dir", STATE_DIR::toString);
    }

    @BeforeEach
    void running() {
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    @Test
    void completeStagesGiveOneDecisionAndAMissingLatticeADegradedOneAfterTheTimeout() throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), DECISIONS);
             KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, DETECTIONS, "it-full", StageEvents.detection("d-full", "it-full").toByteArray());
            send(producer, DETECTIONS, "it-degraded", StageEvents.detection("d-degraded", "it-degraded").toByteArray());
            send(producer, VERIFICATIONS, "it-full", StageEvents.verification("d-full", 0.8f).toByteArray());
            send(producer, VERIFICATIONS, "it-degraded", StageEvents.verification("d-degraded", 0.8f).toByteArray());
            send(producer, LATTICES, "it-full", StageEvents.lattice("d-full").toByteArray());
            send(producer, VERIFICATIONS, "it-full", StageEvents.verification("d-full", 0.8f).toByteArray());

            await().atMost(Duration.ofSeconds(60)).until(() -> decisions(recorder, "d-full").size()
                    + decisions(recorder, "d-degraded").size() >= 2);
            // d-full arrived first, so a timed-out second decision of it would have come with d-degraded's or earlier
            Thread.sleep(Duration.ofSeconds(1));

            assertThat(decisions(recorder, "d-full")).singleElement().satisfies(decision -> {
                assertThat(decision.getDegraded()).isFalse();
                assertThat(decision.getStreamId()).isEqualTo("it-full");
                assertThat(decision.getModel()).isEqualTo("ftm-lattice-gnn/" + TestModels.GNN_VERSION);
                assertThat(decision.getStageScoresCount()).isEqualTo(3);
                assertThat(decision.getDecisionLatencyMs()).as("at once, not at the timeout").isBetween(0L, TIMEOUT_S * 1000L - 1);
            });
            assertThat(decisions(recorder, "d-degraded")).singleElement().satisfies(decision -> {
                assertThat(decision.getDegraded()).isTrue();
                assertThat(decision.getMissingStagesList()).containsExactly("ftm");
                assertThat(decision.getDecisionLatencyMs()).isGreaterThanOrEqualTo(TIMEOUT_S * 1000L);
            });
            assertThat(recorder.on(DECISIONS).stream().filter(r -> r.key().equals("it-full"))).hasSize(1);
            assertThat(committedDetectionIds()).as("decisions are committed transactions")
                    .containsOnlyOnce("d-full", "d-degraded");
            assertThat(count("wakestream.ftm.results.duplicate", "stage", "kws")).isGreaterThanOrEqualTo(1);
            assertThat(count("wakestream.ftm.decisions.degraded", "missing_stage", "ftm")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void anUndecodableLatticeIsDeadLetteredAndTheDetectionIsStillDecided() throws Exception {
        byte[] garbage = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), DECISIONS, LATTICES_DLT);
             KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, LATTICES, "it-dlt", garbage);
            send(producer, DETECTIONS, "it-dlt", StageEvents.detection("d-dlt", "it-dlt").toByteArray());
            send(producer, VERIFICATIONS, "it-dlt", StageEvents.verification("d-dlt", 0.8f).toByteArray());
            send(producer, LATTICES, "it-dlt", StageEvents.lattice("d-dlt").toByteArray());

            await().atMost(Duration.ofSeconds(60)).until(() -> !recorder.on(LATTICES_DLT).isEmpty()
                    && !decisions(recorder, "d-dlt").isEmpty());
            ConsumerRecord<String, byte[]> dead = recorder.on(LATTICES_DLT).getFirst();
            assertThat(dead.key()).isEqualTo("it-dlt");
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterHeaders.UNDECODABLE);
            assertThat(decisions(recorder, "d-dlt")).singleElement()
                    .satisfies(decision -> assertThat(decision.getDegraded()).isFalse());
            assertThat(meters.find("wakestream.dlt.records").tag("topic", LATTICES)
                    .tag("reason", DeadLetterHeaders.UNDECODABLE).counter().count()).isEqualTo(1.0);
        }
    }

    /**
     * The client stops with one detection pending and one decided, and its local stores are deleted: the restarted
     * client restores both from the changelog topics, so the pending one is decided (degraded) after the timeout
     * and a redelivered result of the decided one makes no second decision.
     */
    @Test
    void aRestartWithoutLocalStateRestoresTheJoinFromItsChangelogs() throws Exception {
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(), DECISIONS);
             KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, DETECTIONS, "it-restart", StageEvents.detection("d-pending", "it-restart").toByteArray());
            send(producer, DETECTIONS, "it-restart", StageEvents.detection("d-decided", "it-restart").toByteArray());
            send(producer, VERIFICATIONS, "it-restart", StageEvents.verification("d-decided", 0.8f).toByteArray());
            send(producer, LATTICES, "it-restart", StageEvents.lattice("d-decided").toByteArray());
            await().atMost(Duration.ofSeconds(60)).until(() -> !decisions(recorder, "d-decided").isEmpty());
            streams.stop();
            assertThat(decisions(recorder, "d-pending")).as("stopped within the timeout").isEmpty();
            deleteContents(STATE_DIR);
            double duplicatesBefore = count("wakestream.ftm.results.duplicate", "stage", "ftm");

            streams.start();
            send(producer, LATTICES, "it-restart", StageEvents.lattice("d-decided").toByteArray());
            await().atMost(Duration.ofSeconds(90)).until(() -> !decisions(recorder, "d-pending").isEmpty()
                    && count("wakestream.ftm.results.duplicate", "stage", "ftm") > duplicatesBefore);

            assertThat(decisions(recorder, "d-pending")).singleElement()
                    .satisfies(decision -> assertThat(decision.getMissingStagesList()).containsExactly("kws", "ftm"));
            assertThat(decisions(recorder, "d-decided")).hasSize(1);
        }
    }

    @Test
    void readinessIncludesTheModelsAndTheStreamsStateAndInfoListsTheModel() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> readiness = get(http, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"models\"", "\"kafka\"", "\"streams\"", "\"RUNNING\"",
                "ftm-lattice-gnn/" + TestModels.GNN_VERSION);
        HttpResponse<String> info = get(http, "/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"sha256\"", "\"onnxSessions\"", "ftm-lattice-gnn/" + TestModels.GNN_VERSION,
                "\"detectionThreshold\":0.3", "\"timeout\":\"PT" + TIMEOUT_S + "S\"");
        HttpResponse<String> prometheus = get(http, "/actuator/prometheus");
        assertThat(prometheus.body()).contains("wakestream_ftm_decisions_total", "wakestream_ftm_decision_latency_seconds",
                "wakestream_ftm_results_late_total", "wakestream_ftm_results_duplicate_total",
                "wakestream_ftm_decisions_degraded_total", "kafka_stream_");
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** The detection ids of every decision a {@code read_committed} consumer sees, up to the last stable offset. */
    private List<String> committedDetectionIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DECISIONS).stream()
                    .map(p -> new TopicPartition(DECISIONS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(TriggerDecision.parseFrom(record.value()).getDetectionId());
                }
            }
        }
        return ids;
    }

    private static List<TriggerDecision> decisions(TopicRecorder recorder, String detectionId) throws Exception {
        List<TriggerDecision> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : recorder.on(DECISIONS)) {
            TriggerDecision decision = TriggerDecision.parseFrom(record.value());
            if (decision.getDetectionId().equals(detectionId)) {
                found.add(decision);
            }
        }
        return found;
    }

    private double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Path stateDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kafka-streams-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteContents(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }
}
