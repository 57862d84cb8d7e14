package io.wakestream.common.audio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the sox command line, the reference these tests check the Java audio code against. */
final class Sox {

    private static final boolean AVAILABLE = probe();

    private Sox() {
    }

    /** Skips the calling test where sox is not installed (CI installs it). */
    static void assumeInstalled() {
        assumeTrue(AVAILABLE, "sox is not installed");
    }

    static void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sox"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Runs sox and returns what it wrote to standard output. */
    static byte[] output(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sox"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        return output;
    }

    /**
     * A repeatable test signal in the given WAV format: per channel a different tone pair, plus a
     * linear chirp from 100 Hz to 0.45 of the sample rate and white noise, normalised to -3 dBFS.
     * It has no energy in the resampling transition band around the lower Nyquist frequency fN
     * (from 0.9 fN to 1.05 fN; with 16 kHz output fN is 8 kHz): there every anti-aliasing filter
     * has its own slope by design. Energy above that band, which a resampler must not fold back,
     * stays in.
     */
    static void synthesize(Path wav, int sampleRate, int channels, int bits, String encoding, double seconds)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-R", "-n", "-r", Integer.toString(sampleRate),
                "-c", Integer.toString(channels), "-b", Integer.toString(bits), "-e", encoding, wav.toString()));
        String length = String.format(Locale.ROOT, "%.3f", seconds);
        args.addAll(List.of("synth", length));
        for (int c = 0; c < channels; c++) {
            args.addAll(List.of("sine", Integer.toString(440 + 110 * c)));
        }
        args.addAll(List.of("synth", length));
        for (int c = 0; c < channels; c++) {
            args.addAll(List.of("sine", "mix", Integer.toString(3150 - 250 * c)));
        }
        args.addAll(List.of("synth", length, "sine", "mix", "100:" + (int) (0.45 * sampleRate)));
        args.addAll(List.of("synth", length, "whitenoise", "mix"));
        double nyquist = Math.min(sampleRate, 16000) / 2.0;
        int bandStart = (int) (0.9 * nyquist);
        int bandEnd = (int) (1.05 * nyquist);
        args.addAll(List.of("sinc", bandEnd < 0.45 * sampleRate ? bandEnd + "-" + bandStart : "-" + bandStart));
        args.addAll(List.of("gain", "-n", "-3"));
        run(args.toArray(String[]::new));
    }

    /** Decodes a file sox wrote as raw 32-bit little-endian floats. */
    static float[] readRawFloats(Path raw) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(samples);
        return samples;
    }

    private static boolean probe() {
        try {
            return new ProcessBuilder("sox", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
