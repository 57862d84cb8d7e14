package io.wakestream.wakeword.core;

/** The most recent samples of a stream, addressed by absolute sample position. */
final class PcmHistory {

    private final short[] ring;
    private long end;

    PcmHistory(int capacitySamples, long startSample) {
        this.ring = new short[capacitySamples];
        this.end = startSample;
    }

    void append(short[] samples) {
        for (short sample : samples) {
            ring[(int) Math.floorMod(end, (long) ring.length)] = sample;
            end++;
        }
    }

    /** Samples [from, to), clipped to what is still held. */
    short[] copy(long from, long to) {
        long start = Math.max(from, Math.max(0, end - ring.length));
        long stop = Math.min(to, end);
        if (stop <= start) {
            return new short[0];
        }
        short[] out = new short[(int) (stop - start)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ring[(int) Math.floorMod(start + i, (long) ring.length)];
        }
        return out;
    }

    long endSample() {
        return end;
    }

    long firstHeldSample() {
        return Math.max(0, end - ring.length);
    }
}
