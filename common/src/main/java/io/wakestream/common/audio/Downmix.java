package io.wakestream.common.audio;

/** Mixes channels down to mono as the mean of the channels, so a full-scale signal stays in range. */
public final class Downmix {

    private Downmix() {
    }

    public static float[] mono(float[][] channels) {
        if (channels.length == 1) {
            return channels[0].clone();
        }
        int frames = channels[0].length;
        float[] mono = new float[frames];
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (float[] channel : channels) {
                sum += channel[i];
            }
            mono[i] = (float) (sum / channels.length);
        }
        return mono;
    }
}
