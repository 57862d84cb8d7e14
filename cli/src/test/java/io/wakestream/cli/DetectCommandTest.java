package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.WavWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code wakestream detect} on the bundled TTS samples with the openWakeWord baseline. */
class DetectCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void findsHeyJarvisInRequestsAndNothingInOtherSpeech() throws Exception {
        Path weather = copySample("hey-jarvis-weather.wav");
        Path timer = copySample("hey-jarvis-timer.wav");
        Path lights = copySample("kitchen-lights.wav");

        List<JsonNode> lines = detect("--models-dir", "../models", weather.toString(), timer.toString(),
                lights.toString());

        assertThat(lines).hasSize(3);
        for (JsonNode positive : lines.subList(0, 2)) {
            assertThat(positive.get("max_score").asDouble()).isGreaterThan(0.5);
            assertThat(positive.get("detections")).hasSize(1);
            JsonNode detection = positive.get("detections").get(0);
            assertThat(detection.get("keyword").asString()).isEqualTo("hey jarvis");
            // The phrase ends within the first two seconds (0.5 s of leading silence, then "hey jarvis").
            assertThat(detection.get("end_ms").asLong()).isBetween(700L, 2000L);
            assertThat(detection.get("start_ms").asLong()).isLessThan(detection.get("end_ms").asLong());
        }
        assertThat(lines.get(2).get("detections")).isEmpty();
        assertThat(lines.get(2).get("max_score").asDouble()).isLessThan(0.5);
        assertThat(lines.get(0).get("duration_ms").asLong()).isBetween(4000L, 5000L);
        assertThat(lines.get(0).get("model").asString()).isEqualTo("openwakeword/hey_jarvis/0.1");
        assertThat(lines.get(0).get("threshold").asDouble()).isEqualTo(0.5);
    }

    @Test
    void unreadableFileIsReportedAndTheOthersStillScored() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.wav"), "not a wav file");
        Path silence = dir.resolve("silence.wav");
        WavWriter.writePcm16(silence, new float[16_000], 16_000);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines;
        try {
            lines = detect("--models-dir", "../models", broken.toString(), silence.toString());
        } finally {
            System.setErr(originalErr);
        }

        assertThat(lines).singleElement().satisfies(line -> assertThat(line.get("file").asString())
                .endsWith("silence.wav"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.wav");
    }

    private List<JsonNode> detect(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            new CommandLine(new DetectCommand()).execute(args);
        } finally {
            System.setOut(originalOut);
        }
        return out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    private Path copySample(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }
}
