package io.wakestream.common.audio;

/** Kaiser's window and his empirical design formulas for windowed-sinc low-pass filters. */
final class KaiserWindow {

    private KaiserWindow() {
    }

    /** The shape parameter beta that gives {@code attenuationDb} of stop-band attenuation (Kaiser, 1974). */
    static double beta(double attenuationDb) {
        if (attenuationDb > 50) {
            return 0.1102 * (attenuationDb - 8.7);
        }
        if (attenuationDb >= 21) {
            return 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        }
        return 0;
    }

    /**
     * Filter length (taps) that reaches {@code attenuationDb} with a transition band of
     * {@code transitionWidth} cycles per sample.
     */
    static int length(double attenuationDb, double transitionWidth) {
        return (int) Math.ceil((attenuationDb - 7.95) / (14.36 * transitionWidth)) + 1;
    }

    /** The window at {@code x} in [-1, 1] (0 outside), 1 at the centre. */
    static double at(double x, double beta) {
        if (x < -1 || x > 1) {
            return 0;
        }
        return besselI0(beta * Math.sqrt(1 - x * x)) / besselI0(beta);
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; term > 1e-17 * sum; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
