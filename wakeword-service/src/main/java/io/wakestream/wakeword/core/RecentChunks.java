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
     * 64-bit FNV-1a over position, end flag and samples. Not cryptographic: only a stream's own producer
     * could aim for a collision, and it would only hide its own audio.
     */
    static long digest(AudioInput chunk) {
        long hash = FNV_OFFSET;
        hash = mix(hash, chunk.firstSample());
        hash = mix(hash, chunk.endOfStream() ? 1 : 0);
        for (short sample : chunk.samples()) {
            hash = (hash ^ (sample & 0xFF)) * FNV_PRIME;
            hash = (hash ^ ((sample >> 8) & 0xFF)) * FNV_PRIME;
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
