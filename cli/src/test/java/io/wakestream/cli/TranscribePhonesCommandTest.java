package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.audio.WavReader;
import io.wakestream.common.audio.WavWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code wakestream transcribe-phones} with common's tiny test encoder (random weights, so its phones mean
 * nothing) and the golden fixture it was made with: the command prints the toolkit's greedy phones.
 */
class TranscribePhonesCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEST_MODELS = "../common/src/test/resources/models";
    private static final Path FIXTURE = Path.of("../common/src/test/resources/phonetic");

    @TempDir
    Path dir;

    @Test
    void printsTheGreedyPhonesAndSegmentsOfTheNewestPhoneticEncoder() throws IOException {
        JsonNode golden = JSON.readTree(FIXTURE.resolve("encoder-golden.json"));
        Path wav = FIXTURE.resolve("encoder-golden.wav");

        CommandOutcome run = transcribe("--models-dir", TEST_MODELS, wav.toString());

        assertThat(run.status()).isZero();
        JsonNode line = run.jsonLines().getFirst();
        assertThat(line.get("file").asString()).isEqualTo(wav.toString());
        assertThat(line.get("phones").asString()).isEqualTo(golden.get("greedy").get("phones").asString());
        JsonNode expected = golden.get("greedy").get("segments");
        JsonNode segments = line.get("segments");
        assertThat(segments.size()).isEqualTo(expected.size());
        for (int i = 0; i < segments.size(); i++) {
            assertThat(segments.get(i).get("phone").asString()).isEqualTo(expected.get(i).get("phone").asString());
            assertThat(segments.get(i).get("start_ms").asLong()).isEqualTo(expected.get(i).get("start_ms").asLong());
            assertThat(segments.get(i).get("end_ms").asLong()).isEqualTo(expected.get(i).get("end_ms").asLong());
        }
    }

    /** A stereo file whose channels are the fixture's audio is downmixed to the same samples, so to the same phones. */
    @Test
    void anyWavFormatIsConvertedAsDetectConvertsIt() throws IOException {
        float[] mono = WavReader.read(FIXTURE.resolve("encoder-golden.wav")).channels()[0];
        byte[] pcm = Pcm16.toBytes(mono);
        byte[] stereo = new byte[2 * pcm.length];
        for (int i = 0; i < pcm.length; i += 2) {
            System.arraycopy(pcm, i, stereo, 2 * i, 2);
            System.arraycopy(pcm, i, stereo, 2 * i + 2, 2);
        }
        Path stereoWav = dir.resolve("stereo.wav");
        try (OutputStream out = Files.newOutputStream(stereoWav)) {
            WavWriter.writePcm16(out, stereo, 16_000, 2);
        }

        CommandOutcome run = transcribe("--models-dir", TEST_MODELS, "--model", "phonetic-encoder", "--model-version",
                "0.0.0-tiny", FIXTURE.resolve("encoder-golden.wav").toString(), stereoWav.toString());

        assertThat(run.jsonLines()).hasSize(2);
        assertThat(run.jsonLines().get(1).get("phones")).isEqualTo(run.jsonLines().get(0).get("phones"));
        assertThat(run.jsonLines().get(1).get("segments")).isEqualTo(run.jsonLines().get(0).get("segments"));
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersStillTranscribed() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.wav"), "not a wav file");
        Path silence = dir.resolve("silence.wav");
        WavWriter.writePcm16(silence, new float[16_000], 16_000);

        CommandOutcome run = transcribe("--models-dir", TEST_MODELS, broken.toString(), silence.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.jsonLines()).singleElement()
                .satisfies(line -> assertThat(line.get("file").asString()).endsWith("silence.wav"));
        assertThat(run.err()).contains("broken.wav");
    }

    @Test
    void aMissingModelFailsNamingIt() {
        CommandOutcome run =
                transcribe("--models-dir", dir.toString(), FIXTURE.resolve("encoder-golden.wav").toString());

        assertThat(run.status()).isNotZero();
        assertThat(run.jsonLines()).isEmpty();
        assertThat(run.err()).contains("phonetic-encoder");
    }

    private static CommandOutcome transcribe(String... args) {
        return CommandOutcome.capture(() -> new CommandLine(new TranscribePhonesCommand()).execute(args));
    }
}
