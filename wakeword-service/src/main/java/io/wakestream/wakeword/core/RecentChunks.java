package io.wakestream.wakeword.core;

import java.util.Arrays;

/**
 * Digests of a stream's most recently processed chunks, by seq. They tell a redelivered chunk (the
 * same audio under a seq already processed) from a device that restarted under the same stream id
 * (other audio under such a seq). A redelivery comes soon after the original (a consumer retry, a
 * producer retry), so the last {@link #REMEMBERED} chunks are enough.
 */
final class RecentChunks {

    static final int REMEMBERED = 256;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** What is remembered of a seq. */
    enum Recall {
        /** The same audio was processed under this seq: a redelivery. */
        SAME_AUDIO,
        /** Other audio was processed under this seq: the device restarted. */
        OTHER_AUDIO,
        /** The seq is older than the chunks remembered. */
        FORGOTTEN
    }

    private final long[] seqs = new long[REMEMBERED];
    private final long[] digests = new long[REMEMBERED];

    RecentChunks() {
        Arrays.fill(seqs, -1);
    }

    void remember(AudioInput chunk) {
        int slot = slot(chunk.seq());
        seqs[slot] = chunk.seq();
        digests[slot] = digest(chunk);
    }

    Recall recall(AudioInput chunk) {
        int slot = slot(chunk.seq());
        if (seqs[slot] != chunk.seq()) {
            return Recall.FORGOTTEN;
        }
        return digests[slot] == digest(chunk) ? Recall.SAME_AUDIO : Recall.OTHER_AUDIO;
    }

    private static int slot(long seq) {
        return (int) Math.floorMod(seq, (long) REMEMBERED);
    }

    /**
     * 64-bit FNV-1a over position and end flag, then over the samples four at a time (each group packed into one
     * 64-bit word, then mixed with a multiply-xorshift step so that every bit reaches the high half): a quarter of
     * the multiplies of byte-wise FNV, which showed in profiles at hundreds of streams. Not cryptographic: only a
     * stream's own producer could aim for a collision, and it would only hide its own audio.
     */
    static long digest(AudioInput chunk) {
        long hash = FNV_OFFSET;
        hash = mix(hash, chunk.firstSample());
        hash = mix(hash, chunk.endOfStream() ? 1 : 0);
        short[] samples = chunk.samples();
        int i = 0;
        for (; i + 4 <= samples.length; i += 4) {
            long word = (samples[i] & 0xFFFFL) | (samples[i + 1] & 0xFFFFL) << 16 | (samples[i + 2] & 0xFFFFL) << 32
                    | (samples[i + 3] & 0xFFFFL) << 48;
            hash = (hash ^ word) * FNV_PRIME;
            hash ^= hash >>> 32;
        }
        for (; i < samples.length; i++) {
            hash = (hash ^ (samples[i] & 0xFFFFL)) * FNV_PRIME;
        }
        return hash;
    }

    private static long mix(long hash, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            hash = (hash ^ ((value >>> (8 * i)) & 0xFF)) * FNV_PRIME;
        }
        return hash;
    }
}
