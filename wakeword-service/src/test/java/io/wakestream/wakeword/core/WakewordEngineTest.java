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
