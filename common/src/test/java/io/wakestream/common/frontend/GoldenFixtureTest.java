package io.wakestream.common.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.WavAudio;
import io.wakestream.common.audio.WavReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Pins the Java frontend to the numpy reference (training/wakestream_training/frontend.py) through
 * the golden fixture it wrote.
 */
class GoldenFixtureTest {

    /**
     * The fixture holds float64 features rounded to 6 decimals (error up to 5e-7); Java returns
     * float32 (half a step is up to 4.8e-7 for |x| < 16) computed in double by a different FFT
     * (relative differences near 1e-12). 2e-6 leaves room for those and nothing else: a wrong
     * window, filter edge or log base moves features by 1e-3 or far more.
     */
    private static final double TOLERANCE = 2e-6;

    @ParameterizedTest(name = "{0} mels")
    @ValueSource(ints = {40, 80})
    void matchesTheNumpyReference(int nMels) throws IOException {
        float[] samples = goldenSamples();
        JsonNode golden = resource("golden-logmel-" + nMels + ".json");
        JsonNode expected = golden.get("features");

        float[][] actual = new LogMelFrontend(nMels).compute(samples);

        assertThat(golden.get("n_mels").asInt()).isEqualTo(nMels);
        assertThat(actual).hasNumberOfRows(golden.get("frames").asInt()).hasNumberOfRows(expected.size());
        double maxDiff = 0;
        for (int t = 0; t < actual.length; t++) {
            assertThat(actual[t]).hasSize(nMels);
            for (int m = 0; m < nMels; m++) {
                maxDiff = Math.max(maxDiff, Math.abs(actual[t][m] - expected.get(t).get(m).asDouble()));
            }
        }
        System.out.printf(Locale.ROOT, "golden %d mels, %d frames: max abs diff %.2e%n", nMels, actual.length, maxDiff);
        assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
    }

    static float[] goldenSamples() throws IOException {
        try (InputStream in = GoldenFixtureTest.class.getResourceAsStream("/frontend/golden.wav")) {
            WavAudio audio = WavReader.read(in);
            assertThat(audio.format().sampleRate()).isEqualTo(LogMelFrontend.SAMPLE_RATE);
            assertThat(audio.format().channels()).isEqualTo(1);
            return audio.channels()[0];
        }
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = GoldenFixtureTest.class.getResourceAsStream("/frontend/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
