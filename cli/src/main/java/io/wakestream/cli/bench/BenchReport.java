package io.wakestream.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON report of a {@code bench load} run, {@code report.json}: the run's settings, then per wake-word model its
 * steps ({@link StepResult}) and its summary. Field names are snake case.
 *
 * @param startedAt the run's start, ISO-8601 UTC
 * @param settings  the command's settings: streams, durations, chunking, producer, bounds
 * @param runs      one per wake-word model
 */
public record BenchReport(String startedAt, Map<String, Object> settings, List<ModelRun> runs) {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final JsonMapper LINE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /**
     * @param model              the wake-word model
     * @param stages             {@code wakeword} or {@code all}
     * @param highestHeldStreams the most streams a step held; null when none did
     * @param steps              the steps, in the order run
     * @param summary            what the summary line says
     * @param plots              the PNG files drawn for this model, relative to the report's directory
     */
    public record ModelRun(String model, String stages, Integer highestHeldStreams, List<StepResult> steps, Summary summary,
                           List<String> plots) {
    }

    /** Writes {@code report.json} into {@code directory} and returns its path. */
    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("report.json");
        JSON.writeValue(file.toFile(), this);
        return file;
    }

    /** The summary as one line of JSON: {@code {"model","streams","held","p50_detection_ms","p99_detection_ms","p99_decision_ms","cpu_s_per_stream_s"}}. */
    public static String line(Summary summary) {
        return LINE.writeValueAsString(summary);
    }

    /** A few lines for a person: each step's load, whether held, latencies, detection rate, lag, CPU. */
    public static String human(ModelRun run) {
        StringBuilder text = new StringBuilder("bench load, model " + run.model() + " (stages: " + run.stages() + ")\n");
        for (StepResult step : run.steps()) {
            DetectionLedger.DetectionCounts counts = step.detections();
            text.append(String.format("  %d streams, %.0f s: %s; audio-to-detection p50 %s / p99 %s / max %s ms "
                            + "(received: p99 %s ms); detection-to-decision p99 %s ms; phrases found %d of %d, %d false "
                            + "detections; lag at end %s; CPU %s; generator late by up to %.0f ms%n",
                    step.streams(), step.durationS(), step.held() ? "held" : "NOT held " + step.notHeldReasons(),
                    shown(step.detectionLatencyMs().p50Ms()), shown(step.detectionLatencyMs().p99Ms()),
                    shown(step.detectionLatencyMs().maxMs()), shown(step.detectionReceiveLatencyMs().p99Ms()),
                    shown(step.decisionLatencyMs().p99Ms()), counts.matchedPhrases(), counts.insertedPhrases(),
                    counts.falseDetections(), lagText(step), cpuText(step), step.maxSendLateMs()));
            String trends = trendText(step);
            if (!trends.isEmpty()) {
                text.append("    memory (slopes over the step's second half): ").append(trends).append('\n');
            }
        }
        text.append("  highest load held: ").append(run.highestHeldStreams() == null ? "none" : run.highestHeldStreams() + " streams");
        return text.toString();
    }

    private static String lagText(StepResult step) {
        return step.lag().isEmpty() ? "not sampled" : step.lag().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue().endRecords()).toList().toString();
    }

    private static String cpuText(StepResult step) {
        return step.processes().isEmpty() ? "not sampled" : step.processes().entrySet().stream()
                .map(entry -> String.format("%s %.2f ms per stream-second (%.0f ms a second before the load)", entry.getKey(),
                        entry.getValue().cpuSPerStreamS() * 1000, entry.getValue().beforeCpuSPerS() * 1000))
                .toList().toString();
    }

    private static String trendText(StepResult step) {
        List<String> parts = new ArrayList<>();
        step.processes().forEach((name, use) -> {
            if (use.rssMibPerHour() != null) {
                parts.add(String.format("%s RSS %+.1f MiB/h (max %.0f MiB), open files %d -> %d (%+.1f/h)", name,
                        use.rssMibPerHour(), use.maxRssBytes() / (1024.0 * 1024), use.fdsStart(), use.fdsEnd(),
                        use.fdsPerHour() == null ? 0 : use.fdsPerHour()));
            }
        });
        step.heap().forEach((name, use) -> {
            if (use.floorMibPerHour() != null) {
                parts.add(String.format("%s heap floor %+.1f MiB/h, heap committed %+.1f MiB/h (max %.0f MiB)", name,
                        use.floorMibPerHour(), use.committedMibPerHour() == null ? 0 : use.committedMibPerHour(),
                        use.maxCommittedBytes() / (1024.0 * 1024)));
            }
        });
        StepResult.LiveSet live = step.liveSet();
        if (live != null) {
            parts.add(String.format("live set after full collections, over the whole step, %.0f -> %.0f MiB (max %.0f, "
                            + "every %.0f s, %d samples, longest pause %.0f ms), %s", live.firstMib(), live.lastMib(),
                    live.maxMib(), live.everyS(), live.samples().size(), live.maxPauseMs(), live.mibPerHour() == null
                            ? "no slope (fewer than 3 samples in the second half)"
                            : String.format("%+.1f MiB/h over the second half", live.mibPerHour())));
        }
        return String.join("; ", parts);
    }

    private static String shown(Long ms) {
        return ms == null ? "-" : ms.toString();
    }
}
