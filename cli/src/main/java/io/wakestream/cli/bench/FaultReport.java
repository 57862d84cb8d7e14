package io.wakestream.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report of a {@code bench faults} run: {@code faults.json} (settings and every scenario's {@link FaultResult}) and
 * {@code faults.md}, the fault table.
 *
 * @param startedAt the run's start, ISO-8601 UTC
 * @param settings  the command's settings
 * @param cluster   what ran where (processes, services)
 * @param scenarios one result per scenario, in the order run
 */
public record FaultReport(String startedAt, Map<String, Object> settings, Map<String, Object> cluster,
                          List<FaultResult> scenarios) {

    /** Writes {@code faults.json} and {@code faults.md} into {@code directory}; returns the JSON file's path. */
    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("faults.json");
        BenchReport.JSON.writeValue(file.toFile(), this);
        Files.writeString(directory.resolve("faults.md"), table(scenarios));
        return file;
    }

    /** Whether every scenario lost no decision and duplicated none. */
    public boolean ok() {
        return scenarios.stream().allMatch(FaultResult::ok);
    }

    /** The fault table in Markdown: one row a scenario. */
    public static String table(List<FaultResult> scenarios) {
        StringBuilder table = new StringBuilder("""
                | scenario | phrases found / streamed | detections lost | phrases detected again (new id) | decisions lost | decisions duplicated (raw duplicate records) | degraded decisions | DLT records (reason) | recovery s | first decision after fault s |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                """);
        for (FaultResult result : scenarios) {
            FaultLedger.Counts counts = result.counts();
            table.append("| ").append(result.scenario())
                    .append(" | ").append(counts.matchedPhrases()).append(" / ").append(counts.insertedPhrases())
                    .append(" | ").append(counts.detectionsLost())
                    .append(" | ").append(counts.extraDetectionsOnPhrases())
                    .append(" | ").append(counts.decisionsLost())
                    .append(" | ").append(counts.decisionsDuplicated()).append(" (").append(counts.duplicateDecisionRecords()).append(")")
                    .append(" | ").append(counts.degradedDecisions())
                    .append(" | ").append(deadLetters(counts, result.poisonSent()))
                    .append(" | ").append(seconds(result.recoveryS()))
                    .append(" | ").append(seconds(counts.firstDecisionAfterFaultS()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String deadLetters(FaultLedger.Counts counts, long poisonSent) {
        String records = counts.deadLetters().isEmpty() ? "0" : counts.deadLetters().entrySet().stream()
                .map(topic -> topic.getValue().entrySet().stream()
                        .map(reason -> reason.getValue() + " " + reason.getKey()).collect(Collectors.joining(", "))
                        + " on " + topic.getKey())
                .collect(Collectors.joining("; "));
        return poisonSent > 0 ? records + " (" + poisonSent + " pills sent)" : records;
    }

    private static String seconds(Double value) {
        return value == null ? "never" : String.format(Locale.ROOT, "%.1f", value);
    }
}
