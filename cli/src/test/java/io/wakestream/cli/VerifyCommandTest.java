package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.WavWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code wakestream verify} with kws-service's tiny test verifier: the JSON lines, errors, and a too-short clip. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsOneLineAFileWithPhonesScoreVerdictAndSegments() throws IOException {
        Path trigger = dir.resolve("trigger.wav");
        try (InputStream wav = getClass().getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
            WavWriter.writePcm16(trigger, Arrays.copyOf(Mono16k.read(wav), 25_600), 16_000);
        }
        Path shortClip = dir.resolve("short.wav");
        WavWriter.writePcm16(shortClip, new float[1600], 16_000);

        CommandOutcome run = verify("--models-dir", TestModels.directory().toString(), "--phrase", "Hey Jarvis",
                trigger.toString(), shortClip.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.jsonLines()).hasSize(2);
        JsonNode line = run.jsonLines().getFirst();
        assertThat(line.get("file").asString()).isEqualTo(trigger.toString());
        assertThat(line.get("phrase").asString()).isEqualTo("Hey Jarvis");
        assertThat(line.get("phones").asString()).isEqualTo("HH EY JH AA R V IH S");
        double score = line.get("score").asDouble();
        assertThat(score).isBetween(0.0, 1.0);
        assertThat(line.get("accepted").asBoolean()).isEqualTo(score >= 0.5);
        assertThat(line.get("segments")).hasSize(8);
        JsonNode first = line.get("segments").get(0);
        assertThat(first.get("unit").asString()).isEqualTo("HH");
        assertThat(first.get("end_ms").asLong()).isGreaterThan(first.get("start_ms").asLong());
        assertThat(line.has("reason")).isFalse();

        JsonNode tooShort = run.jsonLines().get(1);
        assertThat(tooShort.get("reason").asString()).isEqualTo("too_short");
        assertThat(tooShort.get("accepted").asBoolean()).isFalse();
        assertThat(tooShort.get("segments")).isEmpty();
    }

    @Test
    void theThresholdOptionDecidesTheVerdict() throws IOException {
        Path noise = dir.resolve("noise.wav");
        float[] samples = new float[16_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.1 * Math.sin(i * 0.3));
        }
        WavWriter.writePcm16(noise, samples, 16_000);

        CommandOutcome lenient = verify("--models-dir", TestModels.directory().toString(), "--threshold", "0",
                "--phrase", "hey jarvis", noise.toString());
        CommandOutcome strict = verify("--models-dir", TestModels.directory().toString(), "--threshold", "1",
                "--phrase", "hey jarvis", noise.toString());

        assertThat(lenient.jsonLines().getFirst().get("accepted").asBoolean()).isTrue();
        assertThat(strict.jsonLines().getFirst().get("accepted").asBoolean()).isFalse();
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersStillVerified() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.wav"), "not a wav file");
        Path silence = dir.resolve("silence.wav");
        WavWriter.writePcm16(silence, new float[32_000], 16_000);

        CommandOutcome run = verify("--models-dir", TestModels.directory().toString(), "--phrase", "hey jarvis",
                broken.toString(), silence.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.jsonLines()).singleElement()
                .satisfies(line -> assertThat(line.get("file").asString()).endsWith("silence.wav"));
        assertThat(run.err()).contains("broken.wav");
    }

    private static CommandOutcome verify(String... args) {
        return CommandOutcome.capture(() -> new CommandLine(new VerifyCommand()).execute(args));
    }
}
