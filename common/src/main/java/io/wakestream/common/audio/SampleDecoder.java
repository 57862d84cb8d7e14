package io.wakestream.common.audio;

/** Turns interleaved little-endian samples of one {@link WavFormat} into planar floats, full scale at ±1. */
abstract class SampleDecoder {

    private final int channels;
    private final int bytesPerSample;

    private SampleDecoder(WavFormat format) {
        this.channels = format.channels();
        this.bytesPerSample = format.bytesPerSample();
    }

    static SampleDecoder of(WavFormat format) {
        return switch (format.encoding()) {
            case UNSIGNED_INT -> new SampleDecoder(format) {
                @Override
                float sample(byte[] data, int at) {
                    return ((data[at] & 0xFF) - 128) / 128f;
                }
            };
            case SIGNED_INT -> switch (format.bitsPerSample()) {
                case 16 -> new SampleDecoder(format) {
                    @Override
                    float sample(byte[] data, int at) {
                        return (short) ((data[at] & 0xFF) | data[at + 1] << 8) / 32768f;
                    }
                };
                case 24 -> new SampleDecoder(format) {
                    @Override
                    float sample(byte[] data, int at) {
                        return ((data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | data[at + 2] << 16) / 8388608f;
                    }
                };
                case 32 -> new SampleDecoder(format) {
                    @Override
                    float sample(byte[] data, int at) {
                        return (float) (int32(data, at) / 2147483648.0);
                    }
                };
                default -> throw new IllegalArgumentException("no decoder for " + format);
            };
            case FLOAT -> switch (format.bitsPerSample()) {
                case 32 -> new SampleDecoder(format) {
                    @Override
                    float sample(byte[] data, int at) {
                        return Float.intBitsToFloat(int32(data, at));
                    }
                };
                case 64 -> new SampleDecoder(format) {
                    @Override
                    float sample(byte[] data, int at) {
                        long bits = (int32(data, at) & 0xFFFFFFFFL) | (long) int32(data, at + 4) << 32;
                        return (float) Double.longBitsToDouble(bits);
                    }
                };
                default -> throw new IllegalArgumentException("no decoder for " + format);
            };
        };
    }

    /**
     * Decodes {@code frames} frames from the start of {@code data} into {@code out[channel][frame]} and
     * returns how many float samples were NaN or infinite. Those are replaced where they are read, before
     * mixing or resampling could spread them: NaN by silence, an infinity by full scale of its sign, as
     * a conversion to 16-bit PCM would turn them.
     */
    final long decode(byte[] data, int frames, float[][] out) {
        long nonFinite = 0;
        int at = 0;
        for (int frame = 0; frame < frames; frame++) {
            for (int channel = 0; channel < channels; channel++) {
                float value = sample(data, at);
                if (!Float.isFinite(value)) {
                    nonFinite++;
                    value = Float.isNaN(value) ? 0f : Math.signum(value);
                }
                out[channel][frame] = value;
                at += bytesPerSample;
            }
        }
        return nonFinite;
    }

    abstract float sample(byte[] data, int at);

    private static int int32(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | data[at + 3] << 24;
    }
}
