package io.wakestream.common.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads WAVs that sox wrote in every supported sample format and common rate, and checks the
 * decoded samples and the 16 kHz mono conversion against sox's own decoding and conversion.
 */
class SoxComparisonTest {

    private static final int[] RATES = {8000, 11025, 16000, 22050, 32000, 44100, 48000, 96000};
    private static final String[][] FORMATS = {
            {"8", "unsigned-integer"}, {"16", "signed-integer"}, {"24", "signed-integer"},
            {"32", "signed-integer"}, {"32", "floating-point"}, {"64", "floating-point"}};

    /**
     * The reference conversion: sox's very-high-quality linear-phase resampler, with its -3 dB
     * point at 97.5% of the output Nyquist frequency (7.8 kHz), where Resampler has its cutoff.
     */
    private static final String[] SOX_RATE = {"rate", "-v", "-b", "97.5"};

    /** Output samples at either end left out of the SNR: the two filters ramp in differently. */
    private static final int EDGE = 320;

    /** Measured 67-73 dB for 8-bit files (their quantization noise) and 84-99 dB for the others. */
    private static final double MIN_SNR_DB = 60;

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireSox() {
        Sox.assumeInstalled();
    }

    static List<Arguments> formats() {
        List<Arguments> cases = new ArrayList<>();
        for (int r = 0; r < RATES.length; r++) {
            for (int f = 0; f < FORMATS.length; f++) {
                int channels = 1 + (r + f) % 3;
                cases.add(Arguments.of(Integer.parseInt(FORMATS[f][0]), FORMATS[f][1], RATES[r], channels));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}-bit {1}, {2} Hz, {3} channels")
    @MethodSource("formats")
    void decodesAndConvertsLikeSox(int bits, String encoding, int rate, int channels) throws Exception {
        String name = bits + encoding + rate + "x" + channels;
        Path wav = dir.resolve(name + ".wav");
        Sox.synthesize(wav, rate, channels, bits, encoding, 0.5);

        WavAudio audio = WavReader.read(wav);
        assertThat(audio.format().sampleRate()).isEqualTo(rate);
        assertThat(audio.format().channels()).isEqualTo(channels);
        assertThat(audio.format().bitsPerSample()).isEqualTo(bits);
        assertThat(audio.frames()).isEqualTo(rate / 2);

        Path native32 = dir.resolve(name + "-native.f32");
        Sox.run(wav.toString(), "-t", "raw", "-e", "floating-point", "-b", "32", native32.toString());
        float[] interleaved = Sox.readRawFloats(native32);
        double maxDecodeError = 0;
        for (int i = 0; i < interleaved.length; i++) {
            float decoded = audio.channels()[i % channels][i / channels];
            maxDecodeError = Math.max(maxDecodeError, Math.abs(decoded - interleaved[i]));
        }

        Path mono16k = dir.resolve(name + "-16k.f32");
        List<String> convert = new ArrayList<>(List.of(wav.toString(), "-t", "raw", "-e", "floating-point",
                "-b", "32", "-c", "1", "-r", "16000", mono16k.toString()));
        convert.addAll(List.of(SOX_RATE));
        Sox.run(convert.toArray(String[]::new));
        float[] expected = Sox.readRawFloats(mono16k);
        float[] actual = Mono16k.convert(audio);

        int length = Math.min(expected.length, actual.length);
        double snr = Signals.snrDb(expected, actual, EDGE, length - EDGE);
        System.out.printf(Locale.ROOT, "sox-compare %2d-bit %-16s %6d Hz %d ch: decode max err %.2e, "
                        + "16 kHz SNR %.1f dB, lengths java %d sox %d%n",
                bits, encoding, rate, channels, maxDecodeError, snr, actual.length, expected.length);
        // sox goes through 32-bit integers: one float step at full scale for 32-bit and 64-bit files.
        assertThat(maxDecodeError).isLessThanOrEqualTo(bits >= 32 ? 0x1p-23 : 0);
        assertThat(Math.abs(expected.length - actual.length)).isLessThanOrEqualTo(1);
        assertThat(snr).isGreaterThanOrEqualTo(MIN_SNR_DB);
    }

    @Test
    void removesATone12kHzAboveOutputNyquistFromA48kHzFile() throws Exception {
        Path wav = dir.resolve("alias.wav");
        Sox.run("-n", "-r", "48000", "-b", "32", "-e", "floating-point", wav.toString(),
                "synth", "1", "sine", "1000", "synth", "1", "sine", "mix", "12000");
        float[] input = WavReader.read(wav).channels()[0];
        float[] output = Mono16k.read(wav);

        // Take out the 1 kHz tone (least squares); what remains is whatever the 12 kHz tone left behind.
        float[] residue = new float[output.length];
        float[] tone1k = Signals.sine(1000, 16000, output.length, 1);
        double scale = 0;
        double norm = 0;
        for (int i = EDGE; i < output.length - EDGE; i++) {
            scale += output[i] * tone1k[i];
            norm += tone1k[i] * tone1k[i];
        }
        for (int i = 0; i < output.length; i++) {
            residue[i] = (float) (output[i] - scale / norm * tone1k[i]);
        }
        double toneRms = Signals.rms(input, 0, input.length) / Math.sqrt(2); // two tones of equal level
        double aliasDb = 20 * Math.log10(Signals.rms(residue, EDGE, residue.length - EDGE) / toneRms);
        System.out.printf(Locale.ROOT, "12 kHz tone in a 48 kHz file: what is left of it at 16 kHz is %.1f dB%n", aliasDb);
        assertThat(aliasDb).isLessThanOrEqualTo(-95);
        assertThat(Signals.rms(output, EDGE, output.length - EDGE)).isCloseTo(toneRms, within(1e-3));
    }

    @Test
    void readsTheWavThatSoxStreamsToAPipe() throws Exception {
        Path wav = dir.resolve("piped.wav");
        Sox.synthesize(wav, 44100, 2, 24, "signed-integer", 0.25);
        // Writing to a pipe, sox cannot go back to fill in the sizes and leaves 0x7FFFF000 there.
        byte[] piped = Sox.output(wav.toString(), "-t", "wav", "-");

        float[] fromPipe = Mono16k.read(new ByteArrayInputStream(piped));

        assertThat(fromPipe).hasSize(4000).containsExactly(Mono16k.read(wav));
    }
}
