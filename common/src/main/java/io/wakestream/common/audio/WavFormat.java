package io.wakestream.common.audio;

/**
 * The sample layout of a WAV file's data chunk.
 *
 * @param encoding      how one sample is stored
 * @param bitsPerSample the container size of one sample: 8, 16, 24, 32 or 64
 * @param channels      interleaved channels per frame, at least 1
 * @param sampleRate    frames per second
 */
public record WavFormat(SampleEncoding encoding, int bitsPerSample, int channels, int sampleRate) {

    public WavFormat {
        if (channels < 1) {
            throw new IllegalArgumentException("channels " + channels + ", expected at least 1");
        }
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sample rate " + sampleRate + ", expected at least 1");
        }
    }

    /** Bytes of one sample of one channel. */
    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** Bytes of one frame: one sample of every channel. */
    public int blockAlign() {
        return bytesPerSample() * channels;
    }

    @Override
    public String toString() {
        return bitsPerSample + "-bit " + encoding.name().toLowerCase().replace('_', ' ') + ", "
                + channels + " channel" + (channels == 1 ? "" : "s") + ", " + sampleRate + " Hz";
    }
}
