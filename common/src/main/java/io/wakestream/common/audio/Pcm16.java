package io.wakestream.common.audio;

import com.google.protobuf.ByteString;

/**
 * Conversions between float samples (full scale at ±1) and PCM_S16LE bytes, the encoding of
 * {@code AudioChunk.pcm}: a sample is {@code int16 / 32768}, so every int16 survives a round trip.
 */
public final class Pcm16 {

    private Pcm16() {
    }

    public static float toFloat(short sample) {
        return sample / 32768f;
    }

    /** Rounds to the nearest int16 step and clips to [-32768, 32767]; NaN becomes 0. */
    public static short toShort(float sample) {
        long scaled = Math.round(sample * 32768.0);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, scaled));
    }

    /** The sample at {@code byteOffset} of little-endian PCM. */
    /** Each sample as {@link #toShort(float)} converts it. */
    public static short[] toShorts(float[] samples) {
        short[] pcm = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            pcm[i] = toShort(samples[i]);
        }
        return pcm;
    }

    public static short sampleAt(byte[] pcm, int byteOffset) {
        return (short) ((pcm[byteOffset] & 0xFF) | pcm[byteOffset + 1] << 8);
    }

    public static float[] toFloats(byte[] pcm) {
        requireEven(pcm.length);
        float[] samples = new float[pcm.length / 2];
        toFloats(pcm, 0, samples, 0, samples.length);
        return samples;
    }

    public static float[] toFloats(ByteString pcm) {
        requireEven(pcm.size());
        float[] samples = new float[pcm.size() / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = toFloat((short) ((pcm.byteAt(2 * i) & 0xFF) | pcm.byteAt(2 * i + 1) << 8));
        }
        return samples;
    }

    /** Decodes {@code count} samples from {@code pcm[byteOffset...]} into {@code out[outOffset...]}. */
    public static void toFloats(byte[] pcm, int byteOffset, float[] out, int outOffset, int count) {
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = toFloat(sampleAt(pcm, byteOffset + 2 * i));
        }
    }

    public static byte[] toBytes(float[] samples) {
        return toBytes(samples, 0, samples.length);
    }

    public static byte[] toBytes(float[] samples, int offset, int count) {
        byte[] pcm = new byte[2 * count];
        for (int i = 0; i < count; i++) {
            short sample = toShort(samples[offset + i]);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return pcm;
    }

    public static ByteString toByteString(float[] samples) {
        return ByteString.copyFrom(toBytes(samples));
    }

    private static void requireEven(int byteCount) {
        if (byteCount % 2 != 0) {
            throw new IllegalArgumentException(byteCount + " bytes of PCM_S16LE, expected an even count");
        }
    }
}
