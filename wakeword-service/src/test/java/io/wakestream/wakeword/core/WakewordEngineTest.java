package io.wakestream.wakeword.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WakewordEngineTest {

    private static final short LOUD = 30_000;
    private static final short QUIET = 20;

    private final MutableClock clock = new MutableClock();
    private final WakewordEngine engine = new WakewordEngine(new LoudnessDetector(), SessionSettings.defaults(), clock);

    @Test
    void loudAudioYieldsOneDetectionThenASegmentWhenTheRequestFallsSilent() {
        List<StreamEvent> events = new java.util.ArrayList<>();
        events.addAll(feed("s1", 0, 0, samples(16_000, QUIET), false));
        events.addAll(feed("s1", 1, 16_000, samples(4_000, LOUD), false));
        events.addAll(feed("s1", 2, 20_000, samples(16_000, QUIET), false));

        assertThat(events).hasSize(2);
        Detection detection = (Detection) events.get(0);
        assertThat(detection.endSample()).isEqualTo(16_640);
        assertThat(detection.startSample()).isEqualTo(16_640 - 2 * LoudnessDetector.HOP);
        assertThat(detection.triggerPcm()).hasSize(2 * LoudnessDetector.HOP);
        assertThat(detection.detectionId()).isEqualTo(DetectionIds.of("s1", 16_640));
        Segment segment = (Segment) events.get(1);
        assertThat(segment.detectionId()).isEqualTo(detection.detectionId());
        assertThat(segment.endReason()).isEqualTo(SegmentEndReason.END_OF_SPEECH);
        assertThat(segment.firstSample()).isEqualTo(detection.startSample());
        assertThat(segment.pcm().length).isBetween(800 * 16, 36_000 - (int) detection.startSample());
    }

    @Test
    void refractoryPeriodSuppressesASecondDetectionOfTheSameUtterance() {
        List<StreamEvent> events = feed("s1", 0, 0, samples(16_000, LOUD), true);

        assertThat(events.stream().filter(Detection.class::isInstance)).hasSize(1);
        assertThat(events.getLast()).isInstanceOfSatisfying(Segment.class,
                s -> assertThat(s.endReason()).isEqualTo(SegmentEndReason.END_OF_STREAM));
    }

    @Test
    void duplicateChunkIsDroppedAndGapResetsTheStream() {
        feed("s1", 0, 0, samples(1_000, QUIET), false);
        assertThat(engine.accept(chunk("s1", 0, 0, samples(1_000, QUIET), false)).outcome())
                .isEqualTo(ChunkOutcome.DUPLICATE);

        ChunkResult gap = engine.accept(chunk("s1", 5, 9_000, samples(1_000, QUIET), false));
        assertThat(gap.outcome()).isEqualTo(ChunkOutcome.PROCESSED_AFTER_RESET);
        assertThat(gap.reset()).isEqualTo(ResetReason.SEQUENCE_GAP);

        ChunkResult jump = engine.accept(chunk("s1", 6, 50_000, samples(1_000, QUIET), false));
        assertThat(jump.reset()).isEqualTo(ResetReason.SAMPLE_DISCONTINUITY);
    }

    @Test
    void gapClosesTheOpenSegmentAsStreamReset() {
        feed("s1", 0, 0, samples(4_000, LOUD), false);

        ChunkResult gap = engine.accept(chunk("s1", 3, 40_000, samples(100, QUIET), false));

        assertThat(gap.events()).singleElement().isInstanceOfSatisfying(Segment.class,
                s -> assertThat(s.endReason()).isEqualTo(SegmentEndReason.STREAM_RESET));
    }

    @Test
    void firstChunkSeenMidStreamStartsAfreshAndSaysSo() {
        ChunkResult result = engine.accept(chunk("late", 42, 420_000, samples(1_000, QUIET), false));

        assertThat(result.reset()).isEqualTo(ResetReason.JOINED_MID_STREAM);
        assertThat(engine.activeStreams()).isEqualTo(1);
    }

    @Test
    void endOfStreamAndIdleExpiryFreeTheState() {
        feed("ends", 0, 0, samples(1_000, QUIET), true);
        feed("idle", 0, 0, samples(4_000, LOUD), false);
        feed("busy", 0, 0, samples(1_000, QUIET), false);
        assertThat(engine.activeStreams()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));
        feed("busy", 1, 1_000, samples(1_000, QUIET), false);
        clock.advance(Duration.ofSeconds(40));
        DroppedStreams dropped = engine.expireIdle(Duration.ofSeconds(60));

        assertThat(dropped.streamIds()).containsExactly("idle");
        assertThat(dropped.openSegments()).singleElement().isInstanceOf(Segment.class);
        assertThat(engine.activeStreams()).isEqualTo(1);
    }

    @Test
    void anyChunkingYieldsTheSameDetections() {
        short[] audio = samples(40_000, QUIET);
        java.util.Arrays.fill(audio, 10_000, 14_000, LOUD);
        java.util.Arrays.fill(audio, 30_000, 32_000, LOUD);
        List<StreamEvent> whole = feed("whole", 0, 0, audio, true);

        List<StreamEvent> pieces = new java.util.ArrayList<>();
        int[] sizes = {1, 159, 160, 1280, 333, 4096};
        int at = 0;
        for (int seq = 0; at < audio.length; seq++) {
            int n = Math.min(sizes[seq % sizes.length], audio.length - at);
            pieces.addAll(feed("pieces", seq, at, java.util.Arrays.copyOfRange(audio, at, at + n),
                    at + n == audio.length));
            at += n;
        }

        assertThat(pieces).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            if (whole.get(i) instanceof Detection expected) {
                Detection actual = (Detection) pieces.get(i);
                assertThat(actual.endSample()).isEqualTo(expected.endSample());
                assertThat(actual.triggerPcm()).isEqualTo(expected.triggerPcm());
            } else {
                assertThat(((Segment) pieces.get(i)).pcm()).isEqualTo(((Segment) whole.get(i)).pcm());
            }
        }
    }

    @Test
    void chunksLongerThanTheHistoryYieldTheSameEventsAsSmallChunks() {
        short[] audio = samples(160_000, QUIET);
        java.util.Arrays.fill(audio, 70_000, 74_000, LOUD);
        java.util.Arrays.fill(audio, 130_000, 131_000, LOUD);

        List<StreamEvent> small = feedInChunks("small", audio, 1_600);
        List<StreamEvent> huge = feedInChunks("huge", audio, 96_000);

        assertThat(small).hasSize(4);
        assertSameEvents(huge, small);
        Detection detection = (Detection) huge.get(0);
        assertThat(detection.endSample()).isEqualTo(70_400);
        assertThat(detection.startSample()).isEqualTo(70_400 - 2 * LoudnessDetector.HOP);
        assertThat(detection.triggerPcm()).hasSize(2 * LoudnessDetector.HOP);
        Segment segment = (Segment) huge.get(1);
        assertThat(segment.firstSample()).isEqualTo(detection.startSample());
        assertThat(segment.triggerEndSample()).isEqualTo(detection.endSample());
    }

    @Test
    void endOfSpeechIsFoundAtSampleResolutionWhateverTheChunkSize() {
        short[] audio = samples(118_400, QUIET);
        java.util.Arrays.fill(audio, 16_000, 40_000, LOUD);
        java.util.Arrays.fill(audio, 70_000, 100_000, LOUD);

        List<StreamEvent> small = feedInChunks("small", audio, 1_600);
        List<StreamEvent> big = feedInChunks("big", audio, 48_000);

        assertSameEvents(big, small);
        List<Segment> segments = big.stream().filter(Segment.class::isInstance).map(Segment.class::cast).toList();
        assertThat(segments).hasSize(2);
        Segment first = segments.getFirst();
        assertThat(first.endReason()).isEqualTo(SegmentEndReason.END_OF_SPEECH);
        long firstEnd = first.firstSample() + first.pcm().length;
        // 800 ms of quiet after the first request, counted in whole 10 ms frames: not the chunk's end.
        assertThat(firstEnd).isBetween(40_000L + 12_800, 40_000L + 12_800 + 160);
        assertThat(firstEnd).isLessThan(70_000L);
    }

    @Test
    void aDeviceRestartingUnderTheSameStreamIdStartsAfreshWhileRedeliveriesAreStillDropped() {
        short[] interrupted = samples(40 * 1_600, QUIET);
        for (int seq = 0; seq < 40; seq++) {
            feed("r1", seq, seq * 1_600L, java.util.Arrays.copyOfRange(interrupted, seq * 1_600, (seq + 1) * 1_600),
                    false);
        }
        short[] again = samples(8_000, LOUD);

        ChunkResult restart = engine.accept(chunk("r1", 0, 0, again, false));
        ChunkResult redelivered = engine.accept(chunk("r1", 0, 0, again, false));
        ChunkResult next = engine.accept(chunk("r1", 1, 8_000, samples(1_600, QUIET), true));

        assertThat(restart.outcome()).isEqualTo(ChunkOutcome.PROCESSED_AFTER_RESET);
        assertThat(restart.reset()).isEqualTo(ResetReason.RESTARTED);
        assertThat(restart.events()).first().isInstanceOf(Detection.class);
        assertThat(redelivered.outcome()).isEqualTo(ChunkOutcome.DUPLICATE);
        assertThat(next.outcome()).isEqualTo(ChunkOutcome.PROCESSED);
        assertThat(next.events()).last().isInstanceOfSatisfying(Segment.class,
                s -> assertThat(s.endReason()).isEqualTo(SegmentEndReason.END_OF_STREAM));
        assertThat(engine.activeStreams()).isZero();
    }

    @Test
    void aRedeliveryOfAnyRecentChunkIsADuplicateAndOtherAudioUnderAnOldSeqARestart() {
        for (int seq = 0; seq < 10; seq++) {
            feed("s1", seq, seq * 100L, samples(100, (short) (100 + seq)), false);
        }

        assertThat(engine.accept(chunk("s1", 4, 400, samples(100, (short) 104), false)).outcome())
                .isEqualTo(ChunkOutcome.DUPLICATE);
        ChunkResult other = engine.accept(chunk("s1", 4, 400, samples(100, (short) 7), false));
        assertThat(other.reset()).isEqualTo(ResetReason.RESTARTED);
        assertThat(engine.accept(chunk("s1", 5, 500, samples(100, QUIET), false)).outcome())
                .isEqualTo(ChunkOutcome.PROCESSED);
    }

    @Test
    void onceItsDigestIsForgottenAStreamStartIsARestartAndAnyOtherOldSeqADuplicate() {
        int chunks = RecentChunks.REMEMBERED + 10;
        for (int seq = 0; seq < chunks; seq++) {
            feed("long", seq, seq * 100L, samples(100, QUIET), false);
        }

        assertThat(engine.accept(chunk("long", 3, 300, samples(100, QUIET), false)).outcome())
                .isEqualTo(ChunkOutcome.DUPLICATE);
        assertThat(engine.accept(chunk("long", 0, 0, samples(100, QUIET), false)).reset())
                .isEqualTo(ResetReason.RESTARTED);
    }

    @Test
    void triggerAudioNeverReachesBeforeTheSampleTheStreamJoinedAt() {
        ChunkResult joined = engine.accept(chunk("late", 42, 420_000, samples(1_280, LOUD), false));

        assertThat(joined.events()).first().isInstanceOfSatisfying(Detection.class, d -> {
            assertThat(d.startSample()).isEqualTo(420_000);
            assertThat(d.endSample()).isEqualTo(421_280);
            assertThat(d.triggerPcm()).hasSize(1_280);
        });
    }

    private List<StreamEvent> feedInChunks(String stream, short[] audio, int chunkSamples) {
        List<StreamEvent> events = new java.util.ArrayList<>();
        for (int seq = 0, at = 0; at < audio.length; seq++, at += chunkSamples) {
            int to = Math.min(at + chunkSamples, audio.length);
            events.addAll(feed(stream, seq, at, java.util.Arrays.copyOfRange(audio, at, to), to == audio.length));
        }
        return events;
    }

    /** The same events but for the stream id (and so the detection ids) they carry. */
    private static void assertSameEvents(List<StreamEvent> actual, List<StreamEvent> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) instanceof Detection want) {
                assertThat(actual.get(i)).isInstanceOfSatisfying(Detection.class, got -> {
                    assertThat(got.startSample()).isEqualTo(want.startSample());
                    assertThat(got.endSample()).isEqualTo(want.endSample());
                    assertThat(got.score()).isEqualTo(want.score());
                    assertThat(got.triggerPcm()).isEqualTo(want.triggerPcm());
                });
            } else {
                Segment want = (Segment) expected.get(i);
                assertThat(actual.get(i)).isInstanceOfSatisfying(Segment.class, got -> {
                    assertThat(got.firstSample()).isEqualTo(want.firstSample());
                    assertThat(got.triggerEndSample()).isEqualTo(want.triggerEndSample());
                    assertThat(got.endReason()).isEqualTo(want.endReason());
                    assertThat(got.pcm()).isEqualTo(want.pcm());
                });
            }
        }
    }

    private List<StreamEvent> feed(String stream, long seq, long first, short[] pcm, boolean end) {
        return engine.accept(chunk(stream, seq, first, pcm, end)).events();
    }

    private static AudioInput chunk(String stream, long seq, long first, short[] pcm, boolean end) {
        return new AudioInput(stream, seq, first, pcm, end);
    }

    private static short[] samples(int count, short amplitude) {
        short[] pcm = new short[count];
        for (int i = 0; i < count; i++) {
            pcm[i] = (short) (i % 2 == 0 ? amplitude : -amplitude);
        }
        return pcm;
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
