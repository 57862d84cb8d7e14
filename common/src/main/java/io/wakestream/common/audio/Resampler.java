package io.wakestream.common.audio;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc, evaluated as a polyphase filter.
 *
 * <p>The design, relative to the lower of the two Nyquist frequencies fN (8 kHz when converting to
 * 16 kHz): flat pass band up to 0.95 fN (7.6 kHz, the top of the log-mel frontend's band), stop
 * band from fN on, attenuated by at least 100 dB, so nothing folds back into the output band
 * when downsampling and no image survives when upsampling. The filter is linear-phase and its
 * delay is compensated: output sample n is the input evaluated at time n / outputRate.
 *
 * <p>When the rate ratio reduces to at most {@value #MAX_EXACT_PHASES} output phases (44.1 kHz
 * to 16 kHz needs 160, 22.05 kHz 320, 8, 32, 48 and 96 kHz at most 2) every phase's taps are
 * tabulated exactly. Other ratios (11.025 kHz needs 640) interpolate the taps linearly between
 * {@value #MAX_EXACT_PHASES} tabulated phases, which keeps the table small at an error below -100 dB.
 *
 * <p>Samples before the start and after the end of the input count as silence. Instances are
 * immutable and thread-safe.
 */
public final class Resampler {

    /** Pass-band edge as a fraction of the lower Nyquist frequency. */
    public static final double PASSBAND_FRACTION = 0.95;

    /** Minimum stop-band attenuation, in dB. */
    public static final double STOPBAND_ATTENUATION_DB = 100;

    static final int MAX_EXACT_PHASES = 512;

    private final int inputRate;
    private final int outputRate;
    private final int up;
    private final int down;
    private final PolyphaseFilter filter;

    public Resampler(int inputRate, int outputRate) {
        if (inputRate < 1 || outputRate < 1) {
            throw new IllegalArgumentException("sample rates must be positive: " + inputRate + " -> " + outputRate);
        }
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        int gcd = gcd(inputRate, outputRate);
        this.up = outputRate / gcd;
        this.down = inputRate / gcd;
        double nyquist = Math.min(inputRate, outputRate) / 2.0;
        double passEdge = PASSBAND_FRACTION * nyquist;
        this.filter = inputRate == outputRate ? null : new PolyphaseFilter(
                (passEdge + nyquist) / 2 / inputRate,
                (nyquist - passEdge) / inputRate,
                STOPBAND_ATTENUATION_DB,
                Math.min(up, MAX_EXACT_PHASES));
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    /**
     * Input samples on each side of an output instant that weigh on it (0 when the rates are equal): a caller
     * that resamples a stream block by block needs this much input beyond a block's end before that block's
     * last outputs are final.
     */
    public int halfWidth() {
        return filter == null ? 0 : filter.halfTaps();
    }

    /** Output samples for an input of {@code inputLength}: every output instant within the input's span. */
    public int outputLength(int inputLength) {
        return (int) (((long) inputLength * up + down - 1) / down);
    }

    public float[] resample(float[] input) {
        if (filter == null) {
            return input.clone();
        }
        float[] output = new float[outputLength(input.length)];
        int phases = filter.phases();
        int halfTaps = filter.halfTaps();
        for (int n = 0; n < output.length; n++) {
            long position = (long) n * down;
            int base = (int) (position / up) - halfTaps + 1;
            long phasePosition = (position % up) * phases;
            int phase = (int) (phasePosition / up);
            double fraction = (double) (phasePosition % up) / up;
            double value = convolve(input, base, filter.row(phase));
            if (fraction != 0) {
                value += fraction * (convolve(input, base, filter.row(phase + 1)) - value);
            }
            output[n] = (float) value;
        }
        return output;
    }

    private static double convolve(float[] input, int base, double[] taps) {
        int first = Math.max(0, -base);
        int last = Math.min(taps.length, input.length - base);
        double sum = 0;
        for (int k = first; k < last; k++) {
            sum += input[base + k] * taps[k];
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
