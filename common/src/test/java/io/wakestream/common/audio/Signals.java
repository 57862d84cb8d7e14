package io.wakestream.common.audio;

/** Measures used by the audio tests. */
final class Signals {

    private Signals() {
    }

    /** Signal-to-noise ratio in dB of {@code actual} against {@code reference}, over [from, to). */
    static double snrDb(float[] reference, float[] actual, int from, int to) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < to; i++) {
            signal += (double) reference[i] * reference[i];
            double error = (double) reference[i] - actual[i];
            noise += error * error;
        }
        return 10 * Math.log10(signal / noise);
    }

    static double rms(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    static float[] sine(double hz, int sampleRate, int length, double amplitude) {
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
        }
        return samples;
    }
}
