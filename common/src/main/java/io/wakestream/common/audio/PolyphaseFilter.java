package io.wakestream.common.audio;

/**
 * A Kaiser-windowed sinc low-pass, tabulated at {@code phases + 1} fractional delays so a
 * resampler can evaluate it at any output instant between two input samples.
 *
 * <p>Row j holds the taps for an output instant {@code j / phases} of an input sample after input
 * sample {@code i0}: tap k weighs input sample {@code i0 - halfTaps + 1 + k}. The extra row
 * {@code phases} (a whole sample later) lets a caller interpolate between rows j and j + 1.
 */
final class PolyphaseFilter {

    private final int phases;
    private final int halfTaps;
    private final double[][] rows;

    /**
     * @param cutoff         -6 dB frequency in cycles per input sample (below 0.5)
     * @param transition     width of the transition band in cycles per input sample
     * @param attenuationDb  stop-band attenuation
     * @param phases         number of fractional delays per input sample
     */
    PolyphaseFilter(double cutoff, double transition, double attenuationDb, int phases) {
        this.phases = phases;
        this.halfTaps = (KaiserWindow.length(attenuationDb, transition) + 1) / 2;
        double beta = KaiserWindow.beta(attenuationDb);
        this.rows = new double[phases + 1][2 * halfTaps];
        for (int j = 0; j <= phases; j++) {
            double fraction = (double) j / phases;
            for (int k = 0; k < 2 * halfTaps; k++) {
                double delay = fraction + halfTaps - 1 - k;
                rows[j][k] = 2 * cutoff * sinc(2 * cutoff * delay) * KaiserWindow.at(delay / halfTaps, beta);
            }
        }
    }

    int phases() {
        return phases;
    }

    int halfTaps() {
        return halfTaps;
    }

    int taps() {
        return 2 * halfTaps;
    }

    double[] row(int phase) {
        return rows[phase];
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }
}
