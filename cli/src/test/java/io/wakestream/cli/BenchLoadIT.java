package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench load --local}: three real-time streams through an in-process broker into wakeword-service with the
 * shipped model; the report matches detections to the inserted wake phrases and has their latencies. Times are
 * reported, never asserted.
 */
class BenchLoadIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aLocalLoadWritesAReportWithDetectionsMatchedToTheInsertedPhrasesAndASummaryLine(@TempDir Path report)
            throws Exception {
        CommandOutcome outcome = CommandOutcome.capture(() -> WakestreamCommand.create().execute("bench", "load", "--local",
                "--stages", "wakeword", "--streams", "3", "--duration", "20s", "--wake-every", "10", "--warm-up", "5s",
                "--models-dir", "../models", "--report", report.toString()));

        assertThat(outcome.status()).as(outcome.err()).isZero();
        JsonNode written = JSON.readTree(Files.readString(report.resolve("report.json")));
        assertThat(written.at("/settings/warm_up_s").asDouble()).isEqualTo(5.0);
        JsonNode run = written.at("/runs/0");
        assertThat(run.get("model").asString()).startsWith("wakeword-hey-jarvis/");
        assertThat(run.get("stages").asString()).isEqualTo("wakeword");
        JsonNode step = run.at("/steps/0");
        assertThat(step.get("streams").asInt()).isEqualTo(3);
        assertThat(step.get("chunks_sent").asLong()).as("the warm-up's chunks are not the step's").isEqualTo(3 * 200);
        assertThat(step.at("/detections/inserted_phrases").asInt()).isPositive();
        assertThat(step.at("/detections/matched_phrases").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(step.at("/detection_latency_ms/count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(step.at("/detection_latency_ms/p50_ms").isNumber()).isTrue();
        assertThat(step.at("/detection_receive_latency_ms/p99_ms").isNumber()).isTrue();
        assertThat(step.at("/lag/wakeword-service").isObject()).isTrue();
        assertThat(step.at("/processes/wakestream-local/cpu_s").asDouble()).isPositive();
        for (JsonNode plot : run.get("plots")) {
            assertThat(report.resolve(plot.asString())).isNotEmptyFile();
        }

        List<String> lines = outcome.out().lines().toList();
        JsonNode summary = JSON.readTree(lines.getLast());
        assertThat(summary.propertyNames()).containsExactly("model", "streams", "held", "p50_detection_ms",
                "p99_detection_ms", "p99_decision_ms", "cpu_s_per_stream_s");
        assertThat(summary.get("model").asString()).isEqualTo(run.get("model").asString());
        assertThat(summary.get("streams").asInt()).isEqualTo(3);
        assertThat(summary.get("p99_detection_ms").asLong()).isEqualTo(step.at("/detection_latency_ms/p99_ms").asLong());
    }
}
