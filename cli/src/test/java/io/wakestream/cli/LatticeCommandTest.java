package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.WavWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code wakestream lattice} with the shipped phonetic encoder and language model (../models): the JSON lines, the
 * text formats, the cut of a long file, and errors. The encoder is weak, so no word is asserted.
 */
class LatticeCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODELS = Path.of("../models").toAbsolutePath().normalize().toString();

    @TempDir
    Path dir;

    Path timer;

    @BeforeEach
    void sample() throws IOException {
        timer = dir.resolve("timer.wav");
        try (InputStream wav = getClass().getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
            WavWriter.writePcm16(timer, Mono16k.read(wav), 16_000);
        }
    }

    @Test
    void printsOneJsonLineAFileWithTheOneBestAndTheArcs() {
        CommandOutcome run = run("lattice", "--models-dir", MODELS, "--provider", "cpu", timer.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        JsonNode line = JSON.readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(line.get("file").asString()).isEqualTo(timer.toString());
        assertThat(line.get("one_best").asString()).isNotBlank();
        assertThat(line.has("truncated")).isFalse();
        assertThat(line.get("arcs").size()).isPositive();
        for (JsonNode arc : line.get("arcs")) {
            assertThat(arc.get("to").asInt()).isGreaterThan(arc.get("from").asInt());
            assertThat(arc.get("word").asString()).isNotBlank();
            assertThat(arc.get("end_ms").asLong()).isGreaterThanOrEqualTo(arc.get("start_ms").asLong());
            assertThat(arc.get("start_ms").asLong() % 20).isZero();
            assertThat(arc.get("am_cost").asDouble()).isNotNegative();
            assertThat(arc.get("lm_cost").asDouble()).isNotNegative();
            assertThat(arc.get("posterior").asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void slfAndFstPrintTheTextFormats() {
        CommandOutcome slf = run("lattice", "--models-dir", MODELS, "--provider", "cpu", "--format", "slf", timer.toString());
        assertThat(slf.status()).as(slf.err()).isZero();
        assertThat(slf.out()).contains("VERSION=1.0", "UTTERANCE=timer.wav", "I=0", "J=0");

        CommandOutcome fst = run("lattice", "--models-dir", MODELS, "--provider", "cpu", "--format", "fst", timer.toString());
        assertThat(fst.status()).as(fst.err()).isZero();
        assertThat(fst.out()).startsWith("# " + timer).contains("\t</s>\t</s>\t", "# symbols", "<eps>\t0");
    }

    @Test
    void aFileLongerThanTheMaximumIsCutAndSaysSo() {
        CommandOutcome run = run("lattice", "--models-dir", MODELS, "--provider", "cpu", "--max-seconds", "1.5", timer.toString());

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode line = JSON.readTree(run.out().lines().findFirst().orElseThrow());
        assertThat(line.get("truncated").asBoolean()).isTrue();
        assertThat(line.get("decoded_ms").asLong()).isEqualTo(1500);
        for (JsonNode arc : line.get("arcs")) {
            assertThat(arc.get("end_ms").asLong()).isLessThanOrEqualTo(1500);
        }
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersStillDecoded() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.wav"), "not a wav file");

        CommandOutcome run = run("lattice", "--models-dir", MODELS, "--provider", "cpu", broken.toString(), timer.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().lines()).singleElement().satisfies(line -> assertThat(line).contains("timer.wav"));
        assertThat(run.err()).contains("broken.wav");
    }

    @Test
    void aMissingLanguageModelIsAUserError() {
        CommandOutcome run = run("lattice", "--models-dir", dir.toString(), timer.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("wakestream lattice: ").contains("lm-requests", "--models-dir");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theDemoShowsALatticeByItsOneBest() {
        String shown = DemoCommand.shown("voice.lattices.v1", "{\"detection_id\":\"d\",\"nodes\":3,\"arcs\":[{\"word\":\"hey\"},"
                + "{\"word\":\"</s>\"}],\"one_best\":\"hey\",\"model\":\"m\",\"truncated\":true}");
        assertThat(JSON.readTree(shown)).isEqualTo(JSON.readTree(
                "{\"detection_id\":\"d\",\"one_best\":\"hey\",\"arcs\":2,\"nodes\":3,\"truncated\":true}"));
        assertThat(DemoCommand.shown("voice.detections.v1", "{\"x\":1}")).isEqualTo("{\"x\":1}");
    }

    private static CommandOutcome run(String... args) {
        return CommandOutcome.capture(() -> WakestreamCommand.create().execute(args));
    }
}
