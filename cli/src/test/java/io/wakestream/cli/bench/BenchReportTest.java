package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MIB = 1024 * 1024;

    private static StepResult step(int streams, boolean held, long p99, double cpuPerStreamSecond) {
        return new StepResult(streams, 60.2, streams * 600L, 0, 3.5, held, held ? List.of() : List.of("lag grew"),
                new LatencyStats(12, 150L, p99, p99 + 5), new LatencyStats(12, 160L, p99 + 10, p99 + 20),
                new LatencyStats(0, null, null, null),
                new DetectionLedger.DetectionCounts(12, 11, 11 / 12.0, 11, 1, 0, 0), List.of("wakeword-hey-jarvis/3.0.0"),
                Map.of("wakeword-service", new StepResult.LagSummary(7, 30, 1.5)),
                Map.of("wakestream-local", new StepResult.ProcessUse(4242, 12.0, cpuPerStreamSecond, 0.25, 1 << 30,
                        0.5, 310, 312, 0.0, null)),
                Map.of("wakestream-local", new StepResult.HeapUse("http://localhost:1/actuator/prometheus", 300, 200, 60, 1.5,
                        400, 2.0)),
                List.of(new double[] {1.5, 150}, new double[] {11.5, 170}),
                List.of(new LagSampler.Point(0, Map.of("wakeword-service", 3L))),
                List.of(new StepResult.MemoryPoint("wakestream-local", 1.0, 1024.0, null, null, 310),
                        new StepResult.MemoryPoint("wakestream-local", 1.0, null, 250.0, 400.0, null)),
                StepResult.LiveSet.of(20, List.of(new LiveSetSampler.Point(20, 180 * MIB, 120), new LiveSetSampler.Point(40,
                        182 * MIB, 150), new LiveSetSampler.Point(60, 181 * MIB, 90)), 60.2));
    }

    @Test
    void theSummaryIsTheHighestHeldStepsInTheDocumentedFields() {
        List<StepResult> steps = List.of(step(10, true, 300, 0.004), step(20, true, 420, 0.0035), step(40, false, 2500, 0.003));

        Summary summary = Summary.of("wakeword-hey-jarvis/3.0.0", steps);
        JsonNode line = JSON.readTree(BenchReport.line(summary));

        assertThat(line.propertyNames()).containsExactly("model", "streams", "held", "p50_detection_ms",
                "p99_detection_ms", "p99_decision_ms", "cpu_s_per_stream_s");
        assertThat(line.get("streams").asInt()).isEqualTo(20);
        assertThat(line.get("held").asBoolean()).isTrue();
        assertThat(line.get("p99_detection_ms").asLong()).isEqualTo(420);
        assertThat(line.get("p99_decision_ms").isNull()).isTrue();
        assertThat(line.get("cpu_s_per_stream_s").asDouble()).isEqualTo(0.0035);
    }

    @Test
    void withoutAHeldStepTheSummaryIsTheFirstStepsNotHeld() {
        Summary summary = Summary.of("m", List.of(step(10, false, 2000, 0.01), step(20, false, 3000, 0.01)));

        assertThat(summary.streams()).isEqualTo(10);
        assertThat(summary.held()).isFalse();
    }

    @Test
    void theReportFileHoldsSettingsAndEachModelsStepsInSnakeCase(@TempDir Path directory) throws Exception {
        List<StepResult> steps = List.of(step(10, true, 300, 0.004));
        BenchReport report = new BenchReport("2026-12-01T06:00:00Z", Map.of("chunk_ms", 100, "producer",
                Map.of("linger_ms", 5, "compression", "lz4")),
                List.of(new BenchReport.ModelRun("wakeword-hey-jarvis/3.0.0", "wakeword", 10, steps,
                        Summary.of("wakeword-hey-jarvis/3.0.0", steps), List.of("wakeword-hey-jarvis-3.0.0-latency.png"))));

        Path file = report.write(directory);

        JsonNode written = JSON.readTree(Files.readString(file));
        assertThat(written.at("/settings/producer/compression").asString()).isEqualTo("lz4");
        JsonNode run = written.at("/runs/0");
        assertThat(run.get("highest_held_streams").asInt()).isEqualTo(10);
        JsonNode step = run.at("/steps/0");
        assertThat(step.at("/detection_latency_ms/p99_ms").asLong()).isEqualTo(300);
        assertThat(step.at("/detection_receive_latency_ms/p50_ms").asLong()).isEqualTo(160);
        assertThat(step.at("/detections/matched_phrases").asInt()).isEqualTo(11);
        assertThat(step.at("/detections/detection_rate").asDouble()).isEqualTo(11 / 12.0);
        assertThat(step.at("/lag/wakeword-service/end_records").asLong()).isEqualTo(7);
        assertThat(step.at("/processes/wakestream-local/cpu_s_per_stream_s").asDouble()).isEqualTo(0.004);
        assertThat(step.at("/processes/wakestream-local/before_cpu_s_per_s").asDouble()).isEqualTo(0.25);
        assertThat(step.at("/heap/wakestream-local/max_bytes").asLong()).isEqualTo(300);
        assertThat(step.at("/detection_latency_samples/1/1").asDouble()).isEqualTo(170);
        assertThat(step.at("/lag_samples/0/lag/wakeword-service").asLong()).isEqualTo(3);
        assertThat(step.at("/processes/wakestream-local/fds_end").asInt()).isEqualTo(312);
        assertThat(step.at("/heap/wakestream-local/floor_mib_per_hour").asDouble()).isEqualTo(1.5);
        assertThat(step.at("/memory_samples/1/heap_mib").asDouble()).isEqualTo(250.0);
        assertThat(step.at("/memory_samples/1/heap_committed_mib").asDouble()).isEqualTo(400.0);
        assertThat(step.at("/heap/wakestream-local/committed_mib_per_hour").asDouble()).isEqualTo(2.0);
        assertThat(run.at("/summary/cpu_s_per_stream_s").asDouble()).isEqualTo(0.004);
        assertThat(step.at("/live_set/max_mib").asDouble()).isEqualTo(182.0);
        assertThat(step.at("/live_set/max_pause_ms").asDouble()).isEqualTo(150.0);
        assertThat(step.at("/live_set/samples/2/live_bytes").asLong()).isEqualTo(181 * MIB);
    }

    @Test
    void theHumanSummaryGivesTheLiveSet() {
        String text = BenchReport.human(new BenchReport.ModelRun("m", "wakeword", 10, List.of(step(10, true, 300, 0.004)),
                Summary.of("m", List.of(step(10, true, 300, 0.004))), List.of()));

        assertThat(text).contains("live set after full collections, over the whole step, 180 -> 181 MiB (max 182, every "
                + "20 s, 3 samples, longest pause 150 ms), no slope (fewer than 3 samples in the second half)");
    }

    @Test
    void thePlotsAreDrawnAsPngFiles(@TempDir Path directory) throws Exception {
        List<String> files = BenchPlots.draw(directory, "openwakeword/hey_jarvis/0.1", List.of(step(10, true, 300, 0.004)));

        assertThat(files).containsExactly("openwakeword-hey_jarvis-0.1-latency.png", "openwakeword-hey_jarvis-0.1-lag.png",
                "openwakeword-hey_jarvis-0.1-cpu.png", "openwakeword-hey_jarvis-0.1-memory.png");
        for (String file : files) {
            byte[] png = Files.readAllBytes(directory.resolve(file));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        }
    }
}
