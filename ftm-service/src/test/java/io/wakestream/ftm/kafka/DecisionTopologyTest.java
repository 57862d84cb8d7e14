package io.wakestream.ftm.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wakestream.common.kafka.DeadLetterHeaders;
import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.events.v1.StageScore;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.ftm.TestModels;
import io.wakestream.ftm.config.FtmMetrics;
import io.wakestream.ftm.core.Decision;
import io.wakestream.ftm.core.FtmConfig;
import io.wakestream.ftm.core.StageResults;
import io.wakestream.ftm.core.TriggerDecider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join and its timeout on {@link TopologyTestDriver}, with the tiny test GNN deciding. The driver's wall clock
 * starts at {@link #WALL}; records carry timestamps from {@link #T0}, 200 ms earlier.
 */
class DecisionTopologyTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long WALL = T0 + 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration RETENTION = Duration.ofMinutes(10);
    private static final TopicsProperties TOPICS = new TopicsProperties("voice.audio.v1", "voice.detections.v1",
            "voice.segments.v1", "voice.verifications.v1", "voice.lattices.v1", "voice.decisions.v1",
            "voice.keywords.v1", 6, (short) 1, Duration.ofHours(24), Duration.ofDays(7), "-dlt", true);

    private static OnnxEngine engine;
    private static TriggerDecider decider;

    @TempDir
    Path stateDir;

    private MeterRegistry meters;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> detections;
    private TestInputTopic<String, byte[]> verifications;
    private TestInputTopic<String, byte[]> lattices;
    private TestOutputTopic<String, byte[]> decisions;

    @BeforeAll
    static void openDecider() {
        engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        decider = TriggerDecider.open(new ModelRepository(TestModels.directory()),
                new FtmConfig(FtmConfig.DEFAULT_MODEL, TestModels.GNN_VERSION), engine);
    }

    @AfterAll
    static void closeDecider() {
        decider.close();
        engine.close();
    }

    @BeforeEach
    void startDriver() {
        meters = new SimpleMeterRegistry();
        JoinSettings settings = new JoinSettings(TIMEOUT, Duration.ofMillis(100), RETENTION);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ftm-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(new DecisionTopology(TOPICS, decider, settings, new FtmMetrics(meters)).build(),
                config, Instant.ofEpochMilli(WALL));
        detections = input(TOPICS.detections());
        verifications = input(TOPICS.verifications());
        lattices = input(TOPICS.lattices());
        decisions = driver.createOutputTopic(TOPICS.decisions(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void allThreeStagesInOrderAreDecidedAtOnceWithTheirLatencies() throws Exception {
        detections.pipeInput("stream-1", StageEvents.detection("d1", "stream-1").toByteArray(), T0);
        verifications.pipeInput("stream-1", StageEvents.verification("d1", 0.8f).toByteArray(), T0 + 40);
        assertThat(decisions.isEmpty()).isTrue();
        lattices.pipeInput("stream-1", StageEvents.lattice("d1").toByteArray(), T0 + 150);

        TestRecord<String, byte[]> record = decisions.readRecord();
        assertThat(decisions.isEmpty()).isTrue();
        assertThat(record.key()).isEqualTo("stream-1");
        assertThat(record.timestamp()).isEqualTo(WALL);
        TriggerDecision decision = TriggerDecision.parseFrom(record.value());
        Decision expected = decider.decide(new StageResults(StageEvents.detection("d1", "stream-1"),
                StageEvents.verification("d1", 0.8f), StageEvents.lattice("d1")));
        assertThat(decision.getDetectionId()).isEqualTo("d1");
        assertThat(decision.getStreamId()).isEqualTo("stream-1");
        assertThat(decision.getDegraded()).isFalse();
        assertThat(decision.getMissingStagesList()).isEmpty();
        assertThat(decision.getAccepted()).isEqualTo(expected.accepted());
        assertThat(decision.getScore()).isEqualTo((float) expected.score());
        assertThat(decision.getReasonsList()).isEqualTo(expected.reasons());
        assertThat(decision.getModel()).isEqualTo("ftm-lattice-gnn/" + TestModels.GNN_VERSION);
        assertThat(decision.getKeyword()).isEqualTo("hey jarvis");
        assertThat(decision.getStartSample()).isEqualTo(16_000);
        assertThat(decision.getEndSample()).isEqualTo(28_800);
        assertThat(decision.getDecisionLatencyMs()).isEqualTo(200);
        assertThat(decision.getStageScoresList()).extracting(StageScore::getStage).containsExactly("wakeword", "kws", "ftm");
        assertThat(decision.getStageScoresList()).allMatch(StageScore::getPresent);
        assertThat(decision.getStageScoresList()).extracting(StageScore::getLatencyMs).containsExactly(0L, 40L, 150L);
        assertThat(decision.getStageScores(0).getScore()).isEqualTo(0.9f);
        assertThat(decision.getStageScores(1).getScore()).isEqualTo(0.8f);
        assertThat(decision.getStageScores(2).getScore())
                .isEqualTo(decider.scoreLattice(StageEvents.lattice("d1"), StageEvents.detection("d1", "stream-1")));

        assertThat(pendingStore().get("d1")).isNull();
        assertThat(decidedStore().get("d1")).isNotNull();
        assertThat(count("wakestream.ftm.decisions", "outcome", expected.accepted() ? "accepted" : "rejected")).isEqualTo(1);
        assertThat(meters.find("wakestream.ftm.decision.latency").timer().count()).isEqualTo(1);

        driver.advanceWallClockTime(TIMEOUT.multipliedBy(2));
        assertThat(decisions.isEmpty()).as("no second, timed-out decision").isTrue();
    }

    @Test
    void stagesArrivingInAnyOrderAreJoinedByDetectionId() throws Exception {
        lattices.pipeInput("stream-2", StageEvents.lattice("d2").toByteArray(), T0 + 150);
        verifications.pipeInput("stream-2", StageEvents.verification("d2", 0.3f).toByteArray(), T0 + 40);
        lattices.pipeInput("stream-3", StageEvents.lattice("d3").toByteArray(), T0 + 150);
        assertThat(decisions.isEmpty()).isTrue();
        detections.pipeInput("stream-2", StageEvents.detection("d2", "stream-2").toByteArray(), T0);

        List<TriggerDecision> out = readDecisions();
        assertThat(out).hasSize(1);
        TriggerDecision decision = out.getFirst();
        assertThat(decision.getDetectionId()).isEqualTo("d2");
        assertThat(decision.getDegraded()).isFalse();
        assertThat(decision.getStageScoresList()).extracting(StageScore::getLatencyMs).containsExactly(0L, 40L, 150L);
        assertThat(decision.getStageScores(1).getScore()).isEqualTo(0.3f);
        assertThat(pendingStore().get("d3")).as("d3 still waits").isNotNull();
    }

    @Test
    void aMissingStageIsDecidedDegradedWhenTheTimeoutHasPassed() throws Exception {
        detections.pipeInput("stream-4", StageEvents.detection("d4", "stream-4").toByteArray(), T0);
        driver.advanceWallClockTime(Duration.ofMillis(500));
        verifications.pipeInput("stream-4", StageEvents.verification("d4", 0.8f).toByteArray(), T0 + 500);

        driver.advanceWallClockTime(TIMEOUT.minusMillis(600));
        assertThat(decisions.isEmpty()).as("2.9 s after the detection arrived").isTrue();
        driver.advanceWallClockTime(Duration.ofMillis(100));

        List<TriggerDecision> out = readDecisions();
        assertThat(out).hasSize(1);
        TriggerDecision decision = out.getFirst();
        assertThat(decision.getDegraded()).isTrue();
        assertThat(decision.getMissingStagesList()).containsExactly("ftm");
        assertThat(decision.getStageScores(2).getPresent()).isFalse();
        assertThat(decision.getStageScores(2).getLatencyMs()).isZero();
        assertThat(decision.getStageScores(1).getLatencyMs()).isEqualTo(500);
        assertThat(decision.getReasonsList()).contains("degraded: ftm had not answered");
        assertThat(decision.getDecisionLatencyMs()).isEqualTo(200 + TIMEOUT.toMillis());
        Decision expected = decider.decide(new StageResults(StageEvents.detection("d4", "stream-4"),
                StageEvents.verification("d4", 0.8f), null));
        assertThat(decision.getScore()).isEqualTo((float) expected.score());
        assertThat(count("wakestream.ftm.decisions.degraded", "missing_stage", "ftm")).isEqualTo(1);
        assertThat(count("wakestream.ftm.decisions.degraded", "missing_stage", "kws")).isZero();
    }

    /**
     * The timeout runs on the wall clock from the detection's arrival here, not from its record timestamp: records
     * replayed or read after a lag, hours old, still wait the full timeout for their other stages.
     */
    @Test
    void theTimeoutRunsFromArrivalNotFromTheRecordTimestamp() throws Exception {
        long hourAgo = T0 - Duration.ofHours(1).toMillis();
        detections.pipeInput("stream-11", StageEvents.detection("d11", "stream-11").toByteArray(), hourAgo);
        driver.advanceWallClockTime(TIMEOUT.minusMillis(100));
        assertThat(decisions.isEmpty()).isTrue();
        verifications.pipeInput("stream-11", StageEvents.verification("d11", 0.8f).toByteArray(), hourAgo + 40);
        lattices.pipeInput("stream-11", StageEvents.lattice("d11").toByteArray(), hourAgo + 150);

        TriggerDecision decision = readDecisions().getFirst();
        assertThat(decision.getDegraded()).isFalse();
        assertThat(decision.getDecisionLatencyMs()).as("wall clock minus the detection's record timestamp")
                .isEqualTo(WALL + TIMEOUT.toMillis() - 100 - hourAgo);
    }

    @Test
    void aResultAfterItsDetectionWasDecidedIsCountedAsLateAndChangesNothing() throws Exception {
        detections.pipeInput("stream-5", StageEvents.detection("d5", "stream-5").toByteArray(), T0);
        driver.advanceWallClockTime(TIMEOUT);
        assertThat(readDecisions()).singleElement()
                .satisfies(d -> assertThat(d.getMissingStagesList()).containsExactly("kws", "ftm"));

        verifications.pipeInput("stream-5", StageEvents.verification("d5", 0.8f).toByteArray(), T0 + 3500);
        lattices.pipeInput("stream-5", StageEvents.lattice("d5").toByteArray(), T0 + 3600);
        driver.advanceWallClockTime(TIMEOUT.multipliedBy(2));

        assertThat(decisions.isEmpty()).isTrue();
        assertThat(pendingStore().get("d5")).isNull();
        assertThat(count("wakestream.ftm.results.late", "stage", "kws")).isEqualTo(1);
        assertThat(count("wakestream.ftm.results.late", "stage", "ftm")).isEqualTo(1);
        assertThat(count("wakestream.ftm.results.duplicate", "stage", "kws")).isZero();
    }

    @Test
    void duplicatesOfEveryInputMakeOneDecision() throws Exception {
        byte[] detection = StageEvents.detection("d6", "stream-6").toByteArray();
        byte[] verification = StageEvents.verification("d6", 0.8f).toByteArray();
        byte[] lattice = StageEvents.lattice("d6").toByteArray();
        detections.pipeInput("stream-6", detection, T0);
        detections.pipeInput("stream-6", detection, T0 + 10);
        verifications.pipeInput("stream-6", verification, T0 + 40);
        verifications.pipeInput("stream-6", StageEvents.verification("d6", 0.1f).toByteArray(), T0 + 45);
        lattices.pipeInput("stream-6", lattice, T0 + 150);
        // after the decision: redeliveries of all three
        detections.pipeInput("stream-6", detection, T0 + 160);
        verifications.pipeInput("stream-6", verification, T0 + 170);
        lattices.pipeInput("stream-6", lattice, T0 + 180);
        driver.advanceWallClockTime(TIMEOUT.multipliedBy(2));

        List<TriggerDecision> out = readDecisions();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().getDegraded()).isFalse();
        assertThat(out.getFirst().getStageScores(1).getScore()).as("the first verification counts").isEqualTo(0.8f);
        assertThat(count("wakestream.ftm.results.duplicate", "stage", "wakeword")).isEqualTo(2);
        assertThat(count("wakestream.ftm.results.duplicate", "stage", "kws")).isEqualTo(2);
        assertThat(count("wakestream.ftm.results.duplicate", "stage", "ftm")).isEqualTo(1);
        assertThat(count("wakestream.ftm.results.late", "stage", "ftm")).isZero();
    }

    @Test
    void resultsWithoutADetectionAreRejectedAfterTheTimeoutUnderTheirStreamKey() throws Exception {
        verifications.pipeInput("stream-7", StageEvents.verification("d7", 0.95f).toByteArray(), T0);
        lattices.pipeInput("stream-7", StageEvents.lattice("d7").toByteArray(), T0 + 100);
        driver.advanceWallClockTime(TIMEOUT);

        TestRecord<String, byte[]> record = decisions.readRecord();
        assertThat(record.key()).isEqualTo("stream-7");
        TriggerDecision decision = TriggerDecision.parseFrom(record.value());
        assertThat(decision.getAccepted()).isFalse();
        assertThat(decision.getMissingStagesList()).containsExactly("wakeword");
        assertThat(decision.getStreamId()).isEqualTo("stream-7");
        assertThat(decision.getDecisionLatencyMs()).isZero();
        assertThat(meters.find("wakestream.ftm.decision.latency").timer().count()).isZero();
    }

    @Test
    void undecodableAndUnjoinableRecordsGoToTheirTopicsDeadLetterTopicAndOthersAreStillDecided() throws Exception {
        TestOutputTopic<String, byte[]> detectionsDlt = output(TOPICS.deadLetter(TOPICS.detections()));
        TestOutputTopic<String, byte[]> verificationsDlt = output(TOPICS.deadLetter(TOPICS.verifications()));
        TestOutputTopic<String, byte[]> latticesDlt = output(TOPICS.deadLetter(TOPICS.lattices()));
        byte[] garbage = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

        detections.pipeInput("stream-8", StageEvents.detection("d8", "stream-8").toByteArray(), T0);
        verifications.pipeInput(new TestRecord<>("stream-8", garbage, Instant.ofEpochMilli(T0 + 10)));
        detections.pipeInput("stream-8", (byte[]) null, T0 + 20);
        detections.pipeInput(new TestRecord<String, byte[]>(null, StageEvents.detection("d9", "stream-9").toByteArray(),
                Instant.ofEpochMilli(T0 + 25)));
        lattices.pipeInput("stream-8", StageEvents.lattice("").toByteArray(), T0 + 30);
        lattices.pipeInput("stream-8", StageEvents.lattice("d8").toBuilder().setFrameMs(0).build().toByteArray(), T0 + 35);
        verifications.pipeInput("stream-8", StageEvents.verification("d8", 0.8f).toByteArray(), T0 + 40);
        lattices.pipeInput("stream-8", StageEvents.lattice("d8").toByteArray(), T0 + 150);

        List<TriggerDecision> out = readDecisions();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().getDetectionId()).isEqualTo("d8");
        assertThat(out.getFirst().getDegraded()).isFalse();

        TestRecord<String, byte[]> undecodable = verificationsDlt.readRecord();
        assertThat(undecodable.key()).isEqualTo("stream-8");
        assertThat(undecodable.value()).isEqualTo(garbage);
        assertThat(header(undecodable, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterHeaders.UNDECODABLE);
        assertThat(header(undecodable, DeadLetterHeaders.MESSAGE)).contains("undecodable kws record (7 bytes)");
        assertThat(verificationsDlt.isEmpty()).isTrue();
        assertThat(detectionsDlt.readRecordsToList()).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .containsExactly(StageRecordDecoder.NULL_VALUE, StageRecordDecoder.MISSING_KEY);
        assertThat(latticesDlt.readRecordsToList()).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .containsExactly(StageRecordDecoder.MISSING_DETECTION_ID, StageRecordDecoder.INVALID_FRAME_MS);
        assertThat(count("wakestream.dlt.records", "reason", DeadLetterHeaders.UNDECODABLE)).isEqualTo(1);
        assertThat(meters.find("wakestream.dlt.records").tag("topic", TOPICS.lattices()).counters())
                .hasSize(2).allMatch(c -> c.count() == 1);
    }

    @Test
    void decidedIdsAreForgottenAfterTheRetention() {
        detections.pipeInput("stream-10", StageEvents.detection("d10", "stream-10").toByteArray(), T0);
        verifications.pipeInput("stream-10", StageEvents.verification("d10", 0.8f).toByteArray(), T0 + 40);
        lattices.pipeInput("stream-10", StageEvents.lattice("d10").toByteArray(), T0 + 150);
        assertThat(decidedStore().get("d10")).isNotNull();

        driver.advanceWallClockTime(RETENTION.minusSeconds(61));
        assertThat(decidedStore().get("d10")).isNotNull();
        driver.advanceWallClockTime(Duration.ofSeconds(61 + 60));
        assertThat(decidedStore().get("d10")).isNull();
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<String, byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private List<TriggerDecision> readDecisions() throws Exception {
        List<TriggerDecision> out = new ArrayList<>();
        for (byte[] value : decisions.readValuesToList()) {
            out.add(TriggerDecision.parseFrom(value));
        }
        return out;
    }

    private KeyValueStore<String, PendingDetection> pendingStore() {
        return driver.getKeyValueStore(DecisionTopology.PENDING_STORE);
    }

    private KeyValueStore<String, DecidedDetection> decidedStore() {
        return driver.getKeyValueStore(DecisionTopology.DECIDED_STORE);
    }

    private double count(String name, String tag, String value) {
        var counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
