package io.wakestream.common.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resampler's documented response: flat to 0.95 fN, in phase, at least ~100 dB down from fN on. */
class ResamplerTest {

    private static final int OUT = 16000;
    /** Output samples at each end left out: a sine that starts abruptly is not band-limited there. */
    private static final int EDGE = 800;

    @ParameterizedTest(name = "{0} Hz, {1} Hz tone")
    @CsvSource({
            "48000, 100", "48000, 1000", "48000, 3150", "48000, 7600",
            "44100, 440", "44100, 7600",
            "96000, 2000", "96000, 7600",
            "22050, 5000", "22050, 7600",
            "32000, 6000",
            // 11.025 kHz and 44.056 kHz need more than 512 phases and take the interpolated path.
            "11025, 1000", "11025, 5237",
            "44056, 3000", "44056, 7600",
            "8000, 1000", "8000, 3800"})
    void passesTonesInThePassBandUnchangedAndInPhase(int inputRate, double hz) {
        float[] input = Signals.sine(hz, inputRate, inputRate, 0.5);
        float[] output = new Resampler(inputRate, OUT).resample(input);
        float[] ideal = Signals.sine(hz, OUT, output.length, 0.5);

        double snr = Signals.snrDb(ideal, output, EDGE, output.length - EDGE);
        System.out.printf(Locale.ROOT, "resampler %d -> 16000, %.0f Hz: %.1f dB SNR against the ideal sine%n",
                inputRate, hz, snr);
        assertThat(snr).isGreaterThanOrEqualTo(95);
    }

    @ParameterizedTest(name = "{0} Hz, {1} Hz tone")
    @CsvSource({"48000, 8000", "48000, 8100", "48000, 12000", "48000, 21600",
            "44100, 8050", "44100, 16000", "96000, 9000", "96000, 40000", "22050, 8000", "22050, 10000",
            "44056, 8200"})
    void removesTonesAboveTheOutputNyquistFrequency(int inputRate, double hz) {
        float[] output = new Resampler(inputRate, OUT).resample(Signals.sine(hz, inputRate, inputRate, 0.5));

        double levelDb = 20 * Math.log10(Signals.rms(output, EDGE, output.length - EDGE) / (0.5 / Math.sqrt(2)));
        System.out.printf(Locale.ROOT, "resampler %d -> 16000, %.0f Hz: %.1f dB%n", inputRate, hz, levelDb);
        assertThat(levelDb).isLessThanOrEqualTo(-98);
    }

    @Test
    void upsamplingLeavesNoImageAboveTheInputNyquistFrequency() {
        float[] output = new Resampler(8000, OUT).resample(Signals.sine(3000, 8000, 8000, 0.5));
        float[] ideal = Signals.sine(3000, OUT, output.length, 0.5);
        float[] image = new float[output.length];
        for (int i = 0; i < image.length; i++) {
            image[i] = output[i] - ideal[i];
        }

        double imageDb = 20 * Math.log10(Signals.rms(image, EDGE, image.length - EDGE) / (0.5 / Math.sqrt(2)));
        assertThat(imageDb).isLessThanOrEqualTo(-98);
    }

    @Test
    void sameRateIsACopy() {
        float[] input = Signals.sine(440, OUT, 1000, 0.5);
        float[] output = new Resampler(OUT, OUT).resample(input);

        assertThat(output).isNotSameAs(input).containsExactly(input);
    }

    @Test
    void outputCoversTheInputSpan() {
        assertThat(new Resampler(48000, OUT).outputLength(48000)).isEqualTo(16000);
        assertThat(new Resampler(48000, OUT).outputLength(48001)).isEqualTo(16001);
        assertThat(new Resampler(44100, OUT).outputLength(441)).isEqualTo(160);
        assertThat(new Resampler(8000, OUT).outputLength(3)).isEqualTo(6);
        assertThat(new Resampler(44100, OUT).resample(new float[0])).isEmpty();
    }
}
