package io.wakestream.common.frontend;

/**
 * The log-mel frontend shared by training and serving (ARCHITECTURE.md, "The audio frontend"):
 * 16 kHz mono, frames of 400 samples every 160, frame t covering samples [160 t, 160 t + 400)
 * with no padding, dither or pre-emphasis; periodic Hann window, 512-point FFT, power of bins
 * 0..256; triangular HTK-mel filters between 20 and 7600 Hz, peak 1; natural log of
 * (mel energy + 1e-6). The numpy reference is training/wakestream_training/frontend.py.
 *
 * <p>Immutable and thread-safe: share one per n_mels, and give each audio stream its own
 * {@link #newStream()}.
 */
public final class LogMelFrontend {

    public static final int SAMPLE_RATE = 16000;
    public static final int FRAME_LENGTH = 400;
    public static final int HOP_LENGTH = 160;
    public static final int FFT_SIZE = 512;
    public static final int SPECTRUM_BINS = FFT_SIZE / 2 + 1;
    public static final double MIN_HZ = 20.0;
    public static final double MAX_HZ = 7600.0;
    public static final double LOG_FLOOR = 1e-6;

    /** Filters narrower than an FFT bin would be empty; models use 40 or 80. */
    public static final int MAX_MELS = 128;

    private final int nMels;
    private final double[] window;
    private final MelFilterbank filterbank;

    /** @param nMels number of mel filters, as named in the model's manifest (40 or 80) */
    public LogMelFrontend(int nMels) {
        if (nMels < 1 || nMels > MAX_MELS) {
            throw new IllegalArgumentException("n_mels " + nMels + ", expected 1.." + MAX_MELS + " (models use 40 or 80)");
        }
        this.nMels = nMels;
        this.window = periodicHann(FRAME_LENGTH);
        this.filterbank = new MelFilterbank(nMels, SPECTRUM_BINS, (double) SAMPLE_RATE / FFT_SIZE, MIN_HZ, MAX_HZ);
    }

    public int nMels() {
        return nMels;
    }

    /** Frames of a signal of {@code samples} samples: 0 below 400, else 1 + (samples - 400) / 160. */
    public static long frameCount(long samples) {
        return samples < FRAME_LENGTH ? 0 : 1 + (samples - FRAME_LENGTH) / HOP_LENGTH;
    }

    /** The first sample of frame {@code frame}. */
    public static long frameStart(long frame) {
        return frame * HOP_LENGTH;
    }

    /** Features of a whole signal, {@code [frame][mel]}. */
    public float[][] compute(float[] samples) {
        FrameAnalyzer analyzer = newAnalyzer();
        float[][] features = new float[(int) frameCount(samples.length)][nMels];
        for (int t = 0; t < features.length; t++) {
            analyzer.analyze(samples, t * HOP_LENGTH, features[t]);
        }
        return features;
    }

    /** A streaming computation for one audio stream, starting at sample 0. */
    public LogMelStream newStream() {
        return new LogMelStream(this, newAnalyzer());
    }

    private FrameAnalyzer newAnalyzer() {
        return new FrameAnalyzer(window, filterbank);
    }

    private static double[] periodicHann(int length) {
        double[] window = new double[length];
        for (int n = 0; n < length; n++) {
            window[n] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * n / length);
        }
        return window;
    }
}
