package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.WavWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code wakestream decide} with the shipped models (../models): the whole cascade offline on the bundled samples,
 * its JSON lines, and errors.
 */
class DecideCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODELS = Path.of("../models").toAbsolutePath().normalize().toString();

    @TempDir
    Path dir;

    private Path timer;
    private Path lights;
    private Path mention;

    @BeforeEach
    void samples() throws IOException {
        timer = sample("hey-jarvis-timer.wav");
        lights = sample("kitchen-lights.wav");
        mention = sample("mention-hey-jarvis.wav");
    }

    @Test
    void aRequestToTheDeviceIsAcceptedWithEveryStagesScore() {
        JsonNode line = single(decide(timer));
        assertThat(line.get("file").asString()).isEqualTo(timer.toString());
        assertThat(line.get("duration_ms").asLong()).isBetween(3000L, 6000L);
        JsonNode decision = line.get("decisions").get(0);
        assertThat(line.get("decisions").size()).isEqualTo(1);
        assertThat(decision.get("keyword").asString()).isEqualTo("hey jarvis");
        assertThat(decision.get("accepted").asBoolean()).as(decision.toString()).isTrue();
        assertThat(decision.get("degraded").asBoolean()).isFalse();
        assertThat(decision.get("stage_scores").propertyNames()).containsExactly("wakeword", "kws", "ftm");
        assertThat(decision.get("reasons").get(0).asString()).startsWith("wakeword+kws+ftm: combined");
        assertThat(decision.get("end_ms").asLong()).isGreaterThan(decision.get("start_ms").asLong());
        assertThat(decision.get("detection_id").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void aMentionOfThePhraseThatWakesTheDetectorIsRejected() {
        JsonNode decisions = single(decide(mention)).get("decisions");
        assertThat(decisions.size()).as("the wake-word stage fires on it").isPositive();
        for (JsonNode decision : decisions) {
            assertThat(decision.get("accepted").asBoolean()).as(decision.toString()).isFalse();
        }
    }

    @Test
    void speechWithoutThePhraseMakesNoDecision() {
        assertThat(single(decide(lights)).get("decisions").size()).isZero();
    }

    @Test
    void withLatticesEachDecisionCarriesWhatTheToolkitCollects() {
        CommandOutcome run = run("decide", "--models-dir", MODELS, "--provider", "cpu", "--with-lattices", timer.toString());
        JsonNode decision = single(run).get("decisions").get(0);
        assertThat(decision.get("end_sample").asLong()).isEqualTo(decision.get("end_ms").asLong() * 16);
        assertThat(decision.get("lattice").get("frame_ms").asInt()).isEqualTo(20);
        assertThat(decision.get("lattice").get("arcs").size()).isPositive();
        assertThat(decision.get("lattice").get("one_best").asString()).isNotBlank();
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersStillDecided() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.wav"), "not a wav file");
        CommandOutcome run = decide(broken, lights);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().lines()).singleElement().satisfies(line -> assertThat(line).contains("kitchen-lights.wav"));
        assertThat(run.err()).contains("wakestream decide: ", "broken.wav");
    }

    @Test
    void aMissingGnnIsAUserError() {
        CommandOutcome run = run("decide", "--models-dir", MODELS, "--ftm-model", "no-such-gnn", timer.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("wakestream decide: ", "no-such-gnn");
    }

    private CommandOutcome decide(Path... files) {
        List<String> args = new ArrayList<>(List.of("decide", "--models-dir", MODELS, "--provider", "cpu"));
        for (Path file : files) {
            args.add(file.toString());
        }
        return run(args.toArray(String[]::new));
    }

    private static JsonNode single(CommandOutcome run) {
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        return JSON.readTree(run.out().lines().findFirst().orElseThrow());
    }

    private Path sample(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream wav = getClass().getResourceAsStream("/samples/" + name)) {
            WavWriter.writePcm16(file, Mono16k.read(wav), 16_000);
        }
        return file;
    }

    private static CommandOutcome run(String... args) {
        return CommandOutcome.capture(() -> WakestreamCommand.create().execute(args));
    }
}
