package io.wakestream.common.frontend;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Log-mel features of one 400-sample frame. Holds its own FFT and scratch buffers so that a
 * frame allocates nothing; one instance per thread (each stream has its own).
 */
final class FrameAnalyzer {

    private final double[] window;
    private final MelFilterbank filterbank;
    private final DoubleFFT_1D fft = new DoubleFFT_1D(LogMelFrontend.FFT_SIZE);
    private final double[] spectrum = new double[LogMelFrontend.FFT_SIZE];
    private final double[] power = new double[LogMelFrontend.SPECTRUM_BINS];
    private final double[] energies;

    FrameAnalyzer(double[] window, MelFilterbank filterbank) {
        this.window = window;
        this.filterbank = filterbank;
        this.energies = new double[filterbank.size()];
    }

    /** Writes the log-mel features of {@code samples[offset, offset + 400)} into {@code features}. */
    void analyze(float[] samples, int offset, float[] features) {
        for (int i = 0; i < window.length; i++) {
            spectrum[i] = samples[offset + i] * window[i];
        }
        Arrays.fill(spectrum, window.length, spectrum.length, 0.0);
        fft.realForward(spectrum);
        // realForward packs Re[0] and Re[N/2] into slots 0 and 1, then (Re[k], Im[k]) pairs.
        int half = LogMelFrontend.FFT_SIZE / 2;
        power[0] = spectrum[0] * spectrum[0];
        power[half] = spectrum[1] * spectrum[1];
        for (int k = 1; k < half; k++) {
            double re = spectrum[2 * k];
            double im = spectrum[2 * k + 1];
            power[k] = re * re + im * im;
        }
        filterbank.apply(power, energies);
        for (int m = 0; m < energies.length; m++) {
            features[m] = (float) Math.log(energies[m] + LogMelFrontend.LOG_FLOOR);
        }
    }
}
