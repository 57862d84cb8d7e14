package io.wakestream.cli.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The one-line result of a model's run, printed as JSON on stdout.
 *
 * @param model            the wake-word model (the detections' model, or as asked with {@code --model})
 * @param streams          the streams of the reported step: with {@code --find-max}, the highest held load's (the first
 *                         step's when none was held)
 * @param held             whether that load was held
 * @param p50DetectionMs   its median audio-to-detection latency (record CreateTime), in ms; null without detections
 * @param p99DetectionMs   its 99th percentile, in ms; null without detections
 * @param p99DecisionMs    its 99th percentile detection-to-decision latency, in ms; null without decisions
 * @param cpuSPerStreamS   CPU seconds per stream-second, summed over the sampled processes; null when none was sampled
 */
public record Summary(String model, int streams, boolean held, Long p50DetectionMs, Long p99DetectionMs, Long p99DecisionMs,
                      @JsonProperty("cpu_s_per_stream_s") Double cpuSPerStreamS) {

    /** The summary of a run's steps: the highest held step's, or the first step's when none was held. */
    public static Summary of(String model, List<StepResult> steps) {
        StepResult reported = steps.stream().filter(StepResult::held).reduce((a, b) -> b.streams() > a.streams() ? b : a)
                .orElse(steps.getFirst());
        Double cpu = reported.processes().isEmpty() ? null
                : reported.processes().values().stream().mapToDouble(StepResult.ProcessUse::cpuSPerStreamS).sum();
        return new Summary(model, reported.streams(), reported.held(), reported.detectionLatencyMs().p50Ms(),
                reported.detectionLatencyMs().p99Ms(), reported.decisionLatencyMs().p99Ms(), cpu);
    }
}
