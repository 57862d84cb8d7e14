package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Matching detections and decisions to the chunks and phrases sent, on the bundled samples' real loops. */
class DetectionLedgerTest {

    private static final int CHUNK = 1600;          // 100 ms
    private static final int LOOP_CHUNKS = 100;     // a phrase every 10 s
    private static final int CHUNKS = 200;          // 20 s a stream
    private static final long T0 = 1_700_000_000_000L;

    private StreamPlan plan;
    private ProduceLog produced;
    private DetectionLedger ledger;

    @BeforeEach
    void sendTwoStreams() throws Exception {
        plan = StreamPlan.of(BenchAudio.load(CHUNK, LOOP_CHUNKS), "s-", 2, 1.0, 0.0, CHUNKS);
        produced = new ProduceLog(2, CHUNKS, CHUNK);
        for (int stream = 0; stream < 2; stream++) {
            for (int seq = 0; seq < CHUNKS; seq++) {
                produced.produced(stream, seq, T0 + seq * 100L + stream * 50L);
            }
        }
        ledger = new DetectionLedger(plan, produced);
    }

    @Test
    void phrasesComeEveryLoopAtPhasesSpreadOverTheStreams() {
        assertThat(plan.streams()).extracting(StreamPlan.Stream::phaseChunks).containsExactly(0, 50);
        List<PhraseWindow> first = plan.phrases(0);
        assertThat(first).extracting(PhraseWindow::fromSample).containsExactly(0L, 160_000L);
        assertThat(first).allMatch(PhraseWindow::complete);
        // the second stream entered its loop half-way, after its phrase: its phrases come 5 s and 15 s in
        assertThat(plan.phrases(1)).extracting(PhraseWindow::fromSample).containsExactly(80_000L, 240_000L);
    }

    @Test
    void aDetectionsLatencyRunsFromTheProductionOfTheChunkHoldingItsLastSample() {
        PhraseWindow phrase = plan.phrases(1).getFirst();
        long endSample = phrase.fromSample() + 20_000; // exclusive: the last sample, 99 999, is in chunk 62
        long chunkProducedAt = T0 + 62 * 100L + 50;

        ledger.detection("s-1", "d-1", "wakeword-hey-jarvis/3.0.0", endSample, chunkProducedAt + 180, chunkProducedAt + 230);

        assertThat(ledger.detectionLatency()).isEqualTo(new LatencyStats(1, 180L, 180L, 180L));
        assertThat(ledger.receiveLatency().maxMs()).isEqualTo(230);
        assertThat(ledger.counts().matchedPhrases()).isEqualTo(1);
        assertThat(ledger.counts().falseDetections()).isZero();
        assertThat(ledger.models()).containsExactly("wakeword-hey-jarvis/3.0.0");
    }

    @Test
    void aDetectionEndingOnAChunkBoundaryBelongsToTheChunkBefore() {
        ledger.detection("s-0", "d-1", "m", 16_000, T0 + 9 * 100L + 70, T0 + 2000);

        assertThat(ledger.detectionLatency().maxMs()).isEqualTo(70);
    }

    @Test
    void detectionsOutsideEveryPhraseAreFalseAndPhrasesWithoutOneAreMissed() {
        long between = plan.phrases(0).getFirst().toSample() + 16_000;
        ledger.detection("s-0", "d-1", "m", between, T0 + 5000, T0 + 5000);
        ledger.detection("s-0", "d-2", "m", plan.phrases(0).get(1).fromSample() + 1, T0 + 10_000, T0 + 10_000);
        ledger.detection("other-stream", "d-3", "m", 16_000, T0, T0);

        DetectionLedger.DetectionCounts counts = ledger.counts();

        assertThat(counts.insertedPhrases()).isEqualTo(4);
        assertThat(counts.matchedPhrases()).isEqualTo(1);
        assertThat(counts.detectionRate()).isEqualTo(0.25);
        assertThat(counts.detectionsOnPhrase()).isEqualTo(1);
        assertThat(counts.falseDetections()).isEqualTo(1);
    }

    @Test
    void aDecisionsLatencyIsItsTimestampMinusItsDetectionsWhicheverComesFirst() {
        ledger.decision("s-0", "d-2", true, T0 + 900);
        ledger.detection("s-0", "d-1", "m", 16_000, T0 + 1000, T0 + 1000);
        ledger.detection("s-0", "d-2", "m", 32_000, T0 + 600, T0 + 600);
        ledger.decision("s-0", "d-1", false, T0 + 1450);
        ledger.decision("s-0", "d-1", true, T0 + 9999); // a second decision about d-1 is not counted

        assertThat(ledger.decisionLatency()).isEqualTo(new LatencyStats(2, 300L, 450L, 450L));
        assertThat(ledger.counts().decisions()).isEqualTo(2);
        assertThat(ledger.counts().acceptedDecisions()).isEqualTo(1);
    }
}
