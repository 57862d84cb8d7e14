package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault table's accounting, from recorded events: lost, duplicated, dead letters, recovery. */
class FaultLedgerTest {

    private static final int CHUNK = 1600;          // 100 ms
    private static final int CHUNKS = 200;          // 20 s a stream, a phrase every 10 s
    private static final long T0 = 1_700_000_000_000L;

    private StreamPlan plan;
    private FaultLedger ledger;

    @BeforeEach
    void twoStreams() throws Exception {
        plan = StreamPlan.of(BenchAudio.load(CHUNK, 100), "s-", 2, 1.0, 0.0, CHUNKS);
        ProduceLog produced = new ProduceLog(2, CHUNKS, CHUNK);
        ledger = new FaultLedger(plan, new DetectionLedger(plan, produced));
    }

    /** The end sample of a detection on phrase {@code i} of {@code stream}. */
    private long onPhrase(int stream, int i) {
        return plan.phrases(stream).get(i).fromSample() + 20_000;
    }

    @Test
    void aDetectionWithoutADecisionIsALostDecisionAndAPhraseWithoutADetectionALostDetection() {
        ledger.detection("s-0", "d-1", "m", onPhrase(0, 0), T0, T0 + 10);
        ledger.detection("s-0", "d-2", "m", onPhrase(0, 1), T0 + 10_000, T0 + 10_010);
        ledger.decision("s-0", "d-1", true, false, T0 + 500);

        FaultLedger.Counts counts = ledger.counts(T0);

        assertThat(ledger.undecided()).isEqualTo(1);
        assertThat(counts.decisionsLost()).isEqualTo(1);
        assertThat(counts.decided()).isEqualTo(1);
        // stream 1 entered its loop half-way: its phrases at 5 s and 15 s, both streamed whole, none detected
        assertThat(counts.insertedPhrases()).isEqualTo(4);
        assertThat(counts.matchedPhrases()).isEqualTo(2);
        assertThat(counts.detectionsLost()).isEqualTo(2);
    }

    @Test
    void repeatedDecisionsThatAgreeAreRawDuplicatesOnlyAndOnesThatDisagreeAreDuplicatedDecisions() {
        ledger.detection("s-0", "d-1", "m", onPhrase(0, 0), T0, T0 + 10);
        ledger.detection("s-1", "d-2", "m", onPhrase(1, 0), T0, T0 + 10);
        ledger.decision("s-0", "d-1", true, false, T0 + 500);
        ledger.decision("s-0", "d-1", true, false, T0 + 600);
        ledger.decision("s-1", "d-2", false, true, T0 + 13_000);
        ledger.decision("s-1", "d-2", true, false, T0 + 14_000);

        FaultLedger.Counts counts = ledger.counts(T0);

        assertThat(counts.decisionsLost()).isZero();
        assertThat(counts.duplicateDecisionRecords()).isEqualTo(2);
        assertThat(counts.decisionsDuplicated()).isEqualTo(1);
        assertThat(counts.degradedDecisions()).isEqualTo(1);
    }

    @Test
    void aRedeliveredDetectionIsOneDetectionAndAPhraseFoundUnderTwoIdsIsFoundOnceWithAnExtraDetection() {
        ledger.detection("s-0", "d-1", "m", onPhrase(0, 0), T0, T0 + 10);
        ledger.detection("s-0", "d-1", "m", onPhrase(0, 0), T0, T0 + 20);
        ledger.detection("s-0", "d-1b", "m", onPhrase(0, 0) + 1600, T0 + 100, T0 + 120);

        FaultLedger.Counts counts = ledger.counts(T0);

        assertThat(counts.detections()).isEqualTo(2);
        assertThat(counts.duplicateDetectionRecords()).isEqualTo(1);
        assertThat(counts.matchedPhrases()).isEqualTo(1);
        assertThat(counts.extraDetectionsOnPhrases()).isEqualTo(1);
        assertThat(counts.decisionsLost()).isEqualTo(2);
    }

    @Test
    void deadLettersAreCountedByTopicAndReasonForTheScenariosStreamsOnly() {
        ledger.deadLetter("voice.audio.v1-dlt", "s-0", "undecodable");
        ledger.deadLetter("voice.audio.v1-dlt", "s-1", "undecodable");
        ledger.deadLetter("voice.audio.v1-dlt", "s-1", "sample_rate");
        ledger.deadLetter("voice.detections.v1-dlt", "s-0", null);
        ledger.deadLetter("voice.audio.v1-dlt", "another-run-0", "undecodable");

        FaultLedger.Counts counts = ledger.counts(T0);

        assertThat(counts.deadLetters()).isEqualTo(Map.of(
                "voice.audio.v1-dlt", Map.of("undecodable", 2, "sample_rate", 1),
                "voice.detections.v1-dlt", Map.of("(no reason header)", 1)));
        assertThat(counts.deadLetterTotal()).isEqualTo(4);
    }

    @Test
    void eventsOfOtherStreamsAreIgnored() {
        ledger.detection("elsewhere-0", "d-9", "m", onPhrase(0, 0), T0, T0);
        ledger.decision("elsewhere-0", "d-9", true, false, T0);

        assertThat(ledger.counts(T0).detections()).isZero();
        assertThat(ledger.counts(T0).decided()).isZero();
    }

    @Test
    void theFirstDecisionAfterTheFaultIsAboutADetectionMadeAfterIt() {
        long fault = T0 + 5_000;
        ledger.detection("s-0", "before", "m", onPhrase(0, 0), T0, T0);
        ledger.detection("s-0", "after", "m", onPhrase(0, 1), fault + 1_000, fault + 1_000);
        ledger.decision("s-0", "before", true, false, fault + 2_000);
        ledger.decision("s-0", "after", true, false, fault + 3_500);

        assertThat(ledger.counts(fault).firstDecisionAfterFaultS()).isEqualTo(3.5);
        assertThat(ledger.counts(fault + 10_000).firstDecisionAfterFaultS()).isNull();
    }

    @Test
    void recoveryRunsFromTheFaultUntilEveryLagIsBackWithinItsHighestBeforeTheFault() {
        List<LagSampler.Point> points = List.of(
                new LagSampler.Point(1, Map.of("wakeword-service", 30L, "ftm-service", 0L)),
                new LagSampler.Point(2, Map.of("wakeword-service", 40L, "ftm-service", 2L)),
                // the fault at 3 s, over at 5 s
                new LagSampler.Point(4, Map.of("wakeword-service", 900L, "ftm-service", 0L)),
                new LagSampler.Point(6, Map.of("wakeword-service", 35L, "ftm-service", 3L)),
                new LagSampler.Point(7, Map.of("wakeword-service", 41L, "ftm-service", 0L)),
                new LagSampler.Point(8, Map.of("wakeword-service", 12L, "ftm-service", 1L)));

        assertThat(FaultResult.recoverySeconds(points, 3, 5)).isEqualTo(5.0);
        assertThat(FaultResult.recoverySeconds(points.subList(0, 5), 3, 5)).isNull();
    }
}
