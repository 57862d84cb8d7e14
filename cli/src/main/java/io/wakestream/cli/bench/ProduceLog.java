package io.wakestream.cli.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each chunk of each stream was handed to the producer (epoch milliseconds, the clock Kafka's CreateTime uses),
 * so that a detection can be traced back to the chunk that held its last sample. Written by the load generator's
 * thread, read by the result consumer's.
 */
public final class ProduceLog {

    private static final long NOT_PRODUCED = -1;

    private final AtomicLongArray[] producedAtMs;
    private final int chunkSamples;

    /**
     * @param streams         how many streams
     * @param chunksPerStream chunks each stream sends
     * @param chunkSamples    samples per chunk (16 kHz)
     */
    public ProduceLog(int streams, int chunksPerStream, int chunkSamples) {
        this.producedAtMs = new AtomicLongArray[streams];
        for (int stream = 0; stream < streams; stream++) {
            producedAtMs[stream] = new AtomicLongArray(chunksPerStream);
            for (int seq = 0; seq < chunksPerStream; seq++) {
                producedAtMs[stream].set(seq, NOT_PRODUCED);
            }
        }
        this.chunkSamples = chunkSamples;
    }

    /** Records that chunk {@code seq} of stream {@code stream} was produced at {@code epochMs}. */
    public void produced(int stream, int seq, long epochMs) {
        producedAtMs[stream].set(seq, epochMs);
    }

    /**
     * When the chunk holding sample {@code endSample - 1} (a detection's last sample; {@code end_sample} is exclusive)
     * was produced, in epoch milliseconds; -1 when this run did not produce it.
     */
    public long producedAtOfEnd(int stream, long endSample) {
        long seq = (endSample - 1) / chunkSamples;
        if (stream < 0 || stream >= producedAtMs.length || endSample <= 0 || seq >= producedAtMs[stream].length()) {
            return NOT_PRODUCED;
        }
        return producedAtMs[stream].get((int) seq);
    }

    public int chunkSamples() {
        return chunkSamples;
    }
}
