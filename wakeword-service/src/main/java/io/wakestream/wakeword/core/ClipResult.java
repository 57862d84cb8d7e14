package io.wakestream.wakeword.core;

import java.util.List;

/** What a detector made of one clip: its highest score, where it fired, and every score. */
public record ClipResult(long samples, float maxScore, List<Firing> firings, List<DetectorScore> scores) {

    public record Firing(String keyword, float score, long startSample, long endSample) {
    }
}
