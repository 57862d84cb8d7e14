package io.wakestream.gateway.core;

/**
 * The layout of a client's PCM: interleaved frames of {@code channels} samples of {@code sampleFormat} at
 * {@code sampleRate} Hz.
 */
public record ClientFormat(int sampleRate, int channels, SampleFormat sampleFormat) {

    public static final int MIN_RATE = 8_000;
    public static final int MAX_RATE = 192_000;
    public static final int MAX_CHANNELS = 8;

    /** @throws RejectedException (bad handshake) when the rate or channel count is out of range */
    public ClientFormat {
        if (sampleRate < MIN_RATE || sampleRate > MAX_RATE) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE,
                    "sample_rate " + sampleRate + " is outside " + MIN_RATE + ".." + MAX_RATE + " Hz");
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE,
                    "channels " + channels + " is outside 1.." + MAX_CHANNELS);
        }
        if (sampleFormat == null) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE, "sample_format is missing");
        }
    }

    /** Bytes of one frame (one sample of every channel). */
    public int frameBytes() {
        return channels * sampleFormat.bytes();
    }
}
