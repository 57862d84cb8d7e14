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
        // only the last ring.length samples can stay
        int skip = Math.max(0, to - from - ring.length);
        end += skip;
        from += skip;
        while (from < to) {
            int at = slot(end);
            int run = Math.min(to - from, ring.length - at);
            System.arraycopy(samples, from, ring, at, run);
            from += run;
            end += run;
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
        int copied = 0;
        while (copied < out.length) {
            int at = slot(first + copied);
            int run = Math.min(out.length - copied, ring.length - at);
            System.arraycopy(ring, at, out, copied, run);
            copied += run;
        }
        return out;
    }

    private int slot(long sample) {
        return (int) Math.floorMod(sample, (long) ring.length);
    }

    long endSample() {
        return end;
    }

    /** The oldest sample still held: none before the stream's state started. */
    long firstHeldSample() {
        return Math.max(start, end - ring.length);
    }
}
