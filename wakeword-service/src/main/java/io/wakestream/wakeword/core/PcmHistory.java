package io.wakestream.wakeword.core;

/** The most recent samples of a stream, addressed by absolute sample position. */
final class PcmHistory {

    private final short[] ring;
    private final long start;
    private long end;

    PcmHistory(int capacitySamples, long startSample) {
        this.ring = new short[capacitySamples];
        this.start = startSample;
        this.end = startSample;
    }

    /** Appends {@code samples[from, to)}. */
    void append(short[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            ring[(int) Math.floorMod(end, (long) ring.length)] = samples[i];
            end++;
        }
    }

    /** Samples [from, to), clipped to what is still held. */
    short[] copy(long from, long to) {
        long first = Math.max(from, firstHeldSample());
        long stop = Math.min(to, end);
        if (stop <= first) {
            return new short[0];
        }
        short[] out = new short[(int) (stop - first)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ring[(int) Math.floorMod(first + i, (long) ring.length)];
        }
        return out;
    }

    long endSample() {
        return end;
    }

    /** The oldest sample still held: none before the stream's state started. */
    long firstHeldSample() {
        return Math.max(start, end - ring.length);
    }
}
