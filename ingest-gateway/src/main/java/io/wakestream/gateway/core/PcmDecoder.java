package io.wakestream.gateway.core;

import java.util.Locale;

/**
 * Decodes a client's interleaved PCM into mono floats (the mean of the channels), full scale at ±1. A NaN
 * sample counts as silence and an infinite one as full scale of its sign, as a conversion to 16-bit PCM turns
 * them, so that one bad float cannot spread through the resampler.
 */
final class PcmDecoder {

    private final ClientFormat format;

    PcmDecoder(ClientFormat format) {
        this.format = format;
    }

    /** @throws RejectedException (bad audio) when {@code pcm} is not a whole number of frames */
    float[] decode(byte[] pcm) {
        int frameBytes = format.frameBytes();
        if (pcm.length % frameBytes != 0) {
            throw new RejectedException(RejectReason.BAD_AUDIO, pcm.length + " bytes of audio are not whole frames of "
                    + frameBytes + " bytes (" + format.channels() + " channel(s) of " + format.sampleFormat().name()
                    .toLowerCase(Locale.ROOT) + ")");
        }
        int channels = format.channels();
        float[] mono = new float[pcm.length / frameBytes];
        int at = 0;
        for (int frame = 0; frame < mono.length; frame++) {
            float sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += sample(pcm, at);
                at += format.sampleFormat().bytes();
            }
            mono[frame] = sum / channels;
        }
        return mono;
    }

    private float sample(byte[] pcm, int at) {
        if (format.sampleFormat() == SampleFormat.S16LE) {
            return (short) ((pcm[at] & 0xFF) | pcm[at + 1] << 8) / 32768f;
        }
        float value = Float.intBitsToFloat(
                (pcm[at] & 0xFF) | (pcm[at + 1] & 0xFF) << 8 | (pcm[at + 2] & 0xFF) << 16 | pcm[at + 3] << 24);
        if (Float.isFinite(value)) {
            return value;
        }
        return Float.isNaN(value) ? 0f : Math.signum(value);
    }
}
