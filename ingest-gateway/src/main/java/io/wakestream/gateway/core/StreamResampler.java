package io.wakestream.gateway.core;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.Resampler;
import java.util.Arrays;

/**
 * Resamples a mono stream that arrives block by block to 16 kHz with common's {@link Resampler}, giving the same
 * samples as resampling the whole stream at once. An output sample is released once the input holds
 * {@link Resampler#halfWidth()} samples beyond its instant; {@link #finish()} releases the rest, with silence
 * after the end as the one-shot resampler assumes. Only the input still needed is kept: at most the filter's
 * width plus one block.
 */
final class StreamResampler {

    private static final float[] NONE = new float[0];

    private final Resampler resampler;
    private final long up;
    private final long down;
    /** The retained input; {@code buffer[0]} is input sample {@code bufferStart}, a multiple of {@code down}. */
    private float[] buffer = NONE;
    private long bufferStart;
    private long received;
    private long produced;

    StreamResampler(int inputRate) {
        this.resampler = inputRate == Mono16k.SAMPLE_RATE ? null : Mono16k.resamplerFrom(inputRate);
        long gcd = gcd(inputRate, Mono16k.SAMPLE_RATE);
        this.up = Mono16k.SAMPLE_RATE / gcd;
        this.down = inputRate / gcd;
    }

    /** The 16 kHz samples that {@code block} completes (possibly none). */
    float[] push(float[] block) {
        if (resampler == null) {
            received += block.length;
            produced += block.length;
            return block;
        }
        buffer = Arrays.copyOf(buffer, buffer.length + block.length);
        System.arraycopy(block, 0, buffer, buffer.length - block.length, block.length);
        received += block.length;
        long settled = received - resampler.halfWidth() - 1;
        // Output n lies at input instant n * down / up: release those with their whole filter span received.
        return release(settled < 0 ? 0 : settled * up / down + 1);
    }

    /** The remaining 16 kHz samples, up to the end of the input. */
    float[] finish() {
        if (resampler == null) {
            return NONE;
        }
        return release((received * up + down - 1) / down);
    }

    private float[] release(long until) {
        if (until <= produced) {
            return NONE;
        }
        float[] all = resampler.resample(buffer);
        long firstOutput = bufferStart / down * up;
        float[] out = Arrays.copyOfRange(all, (int) (produced - firstOutput), (int) (until - firstOutput));
        produced = until;
        long needed = Math.max(0, produced * down / up - resampler.halfWidth() - 1);
        long newStart = Math.max(bufferStart, needed / down * down);
        buffer = Arrays.copyOfRange(buffer, (int) (newStart - bufferStart), buffer.length);
        bufferStart = newStart;
        return out;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
