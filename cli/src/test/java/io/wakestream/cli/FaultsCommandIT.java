package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench faults --local} with one real fault: a broker and the cascade's services as child processes (the test
 * models), three streams, wakeword-service's instance killed with SIGKILL mid-load and started again. Every detection
 * must still get exactly one decision; times are reported, never asserted.
 */
class FaultsCommandIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aKilledWakewordServiceLosesNoDecisionAndDuplicatesNone(@TempDir Path report) throws Exception {
        CommandOutcome outcome = CommandOutcome.capture(() -> WakestreamCommand.create().execute("bench", "faults", "--local",
                "--scenarios", "kill", "--kill-service", "wakeword-service", "--streams", "3", "--duration", "40s",
                "--fault-at", "12s", "--fault-length", "1s", "--settle", "5s", "--settle-timeout", "120s",
                "--models-dir", TestModels.directory().toString(), "--report", report.toString()));

        assertThat(outcome.status()).as(outcome.err()).isZero();
        JsonNode written = JSON.readTree(Files.readString(report.resolve("faults.json")));
        assertThat(written.at("/cluster/services")).extracting(JsonNode::asString)
                .containsExactly("wakeword-service", "kws-service", "asr-lattice-service", "ftm-service");
        JsonNode scenario = written.at("/scenarios/0");
        assertThat(scenario.get("scenario").asString()).isEqualTo("kill-wakeword-service");
        assertThat(scenario.get("settled").asBoolean()).isTrue();
        assertThat(scenario.get("chunks_sent").asLong()).isEqualTo(3 * 400);
        JsonNode counts = scenario.get("counts");
        assertThat(counts.get("detections").asInt()).isPositive();
        assertThat(counts.get("decided").asInt()).isEqualTo(counts.get("detections").asInt());
        assertThat(counts.get("decisions_lost").asInt()).isZero();
        assertThat(counts.get("decisions_duplicated").asInt()).isZero();
        assertThat(scenario.get("ok").asBoolean()).isTrue();
        assertThat(Files.readString(report.resolve("faults.md"))).contains("| kill-wakeword-service |");
        assertThat(outcome.out()).contains("| kill-wakeword-service |");
        assertThat(report.resolve("cluster/logs/wakeword-service-1.log")).isNotEmptyFile();
        assertThat(report.resolve("cluster/logs/wakeword-service-5.log")).isNotEmptyFile();
    }
}
