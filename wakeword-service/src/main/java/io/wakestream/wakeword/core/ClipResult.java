package io.wakestream.wakeword.core;

import java.util.List;

/**
 * What a detector made of one clip: its highest score, where it fired at {@code threshold}, and every score.
 */
public record ClipResult(String model, float threshold, long samples, float maxScore, List<Firing> firings,
                         List<DetectorScore> scores) {

    public record Firing(String keyword, float score, long startSample, long endSample) {
    }
}
