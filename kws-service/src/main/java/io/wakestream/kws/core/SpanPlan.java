package io.wakestream.kws.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the verifier looks for the phrase in a clip of U encoder frames: windows ("spans") of
 * L = max(minFrames, framesPerPhone x K + marginFrames) frames for a phrase of K phones. A clip of at
 * most L frames is one span; a longer clip gets spans starting at 0, hop, 2 hop, ... while they fit,
 * plus a last span ending exactly at U when those do not reach it. The numbers are the verifier
 * manifest's {@code architecture.span_*}.
 *
 * @param minFrames      span_min_frames
 * @param framesPerPhone span_frames_per_phone
 * @param marginFrames   span_margin_frames
 * @param hopFrames      span_hop_frames
 */
public record SpanPlan(int minFrames, int framesPerPhone, int marginFrames, int hopFrames) {

    /** Frames [start, end) of the clip's encoder outputs. */
    public record Span(int start, int end) {

        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
            }
        }

        public int frames() {
            return end - start;
        }
    }

    public SpanPlan {
        if (minFrames < 1 || framesPerPhone < 0 || marginFrames < 0 || hopFrames < 1) {
            throw new IllegalArgumentException("span settings need min_frames >= 1, frames_per_phone >= 0, margin_frames >= 0"
                    + " and hop_frames >= 1; got " + minFrames + ", " + framesPerPhone + ", " + marginFrames + ", " + hopFrames);
        }
    }

    /** L for a phrase of {@code phones} phones. */
    public int length(int phones) {
        return Math.max(minFrames, framesPerPhone * phones + marginFrames);
    }

    /** The spans of a clip of {@code frames} outputs for a phrase of {@code phones} phones, in order of start. */
    public List<Span> spans(int frames, int phones) {
        if (frames < 0 || phones < 1) {
            throw new IllegalArgumentException("need frames >= 0 and phones >= 1, got " + frames + " and " + phones);
        }
        int length = length(phones);
        if (frames <= length) {
            return List.of(new Span(0, frames));
        }
        List<Span> spans = new ArrayList<>();
        int start = 0;
        for (; start + length <= frames; start += hopFrames) {
            spans.add(new Span(start, start + length));
        }
        if (spans.getLast().end() != frames) {
            spans.add(new Span(frames - length, frames));
        }
        return List.copyOf(spans);
    }
}
