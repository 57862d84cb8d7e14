package io.wakestream.common.frontend;

import java.util.Arrays;

/**
 * Triangular filters on the HTK mel scale, peak 1, evaluated at the FFT bin frequencies,
 * stored sparsely: each filter keeps only its run of non-zero weights.
 */
final class MelFilterbank {

    private final int[] firstBin;
    private final double[][] weights;

    MelFilterbank(int nMels, int bins, double binHz, double minHz, double maxHz) {
        double minMel = hzToMel(minHz);
        double maxMel = hzToMel(maxHz);
        double[] edgesHz = new double[nMels + 2];
        for (int i = 0; i < edgesHz.length; i++) {
            // As numpy.linspace: start + i * step, with the last point exactly the end.
            double mel = i == edgesHz.length - 1 ? maxMel : minMel + i * ((maxMel - minMel) / (nMels + 1));
            edgesHz[i] = melToHz(mel);
        }
        firstBin = new int[nMels];
        weights = new double[nMels][];
        for (int m = 0; m < nMels; m++) {
            double left = edgesHz[m];
            double centre = edgesHz[m + 1];
            double right = edgesHz[m + 2];
            double[] row = new double[bins];
            int first = bins;
            int last = -1;
            for (int k = 0; k < bins; k++) {
                double hz = k * binHz;
                row[k] = Math.max(0, Math.min((hz - left) / (centre - left), (right - hz) / (right - centre)));
                if (row[k] > 0) {
                    first = Math.min(first, k);
                    last = k;
                }
            }
            firstBin[m] = Math.min(first, bins);
            weights[m] = last < first ? new double[0] : Arrays.copyOfRange(row, first, last + 1);
        }
    }

    int size() {
        return weights.length;
    }

    /** {@code energies[m] = sum_k filter_m[k] * power[k]}. */
    void apply(double[] power, double[] energies) {
        for (int m = 0; m < weights.length; m++) {
            double[] row = weights[m];
            int offset = firstBin[m];
            double sum = 0;
            for (int k = 0; k < row.length; k++) {
                sum += row[k] * power[offset + k];
            }
            energies[m] = sum;
        }
    }

    static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }
}
