package io.wakestream.common.audio;

/**
 * Audio decoded from a WAV file: one float array per channel, full scale at ±1, every sample finite.
 *
 * @param format            the file's sample layout
 * @param channels          {@code channels[c][i]} is sample i of channel c; all arrays have the same length
 * @param nonFiniteSamples  float samples of the file that were NaN or infinite and were replaced (NaN by 0,
 *                          an infinity by ±1)
 */
public record WavAudio(WavFormat format, float[][] channels, long nonFiniteSamples) {

    public WavAudio {
        if (channels.length != format.channels()) {
            throw new IllegalArgumentException(channels.length + " channel arrays for " + format);
        }
        for (float[] channel : channels) {
            if (channel.length != channels[0].length) {
                throw new IllegalArgumentException("channel arrays differ in length");
            }
        }
    }

    /** Samples per channel. */
    public int frames() {
        return channels[0].length;
    }

    public double durationSeconds() {
        return (double) frames() / format.sampleRate();
    }
}
