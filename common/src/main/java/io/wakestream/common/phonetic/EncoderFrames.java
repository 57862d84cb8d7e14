package io.wakestream.common.phonetic;

import java.util.Arrays;
import java.util.List;

/**
 * Consecutive outputs of a phonetic encoder: output {@code first + i} covers
 * [(first + i) outputFrameMs, (first + i + 1) outputFrameMs) ms of its stream.
 *
 * @param first         index of the first output, counted from the stream's start
 * @param count         outputs held
 * @param phones        V: log-posteriors per output (blank first)
 * @param embeddingSize E: embedding values per output
 * @param logProbs      {@code count x V} natural-log posteriors, row-major; not copied
 * @param embeddings    {@code count x E} embedding vectors, row-major; not copied
 */
public record EncoderFrames(long first, int count, int phones, int embeddingSize, float[] logProbs, float[] embeddings) {

    public EncoderFrames {
        if (first < 0 || count < 0 || phones < 1 || embeddingSize < 0
                || logProbs.length != (long) count * phones || embeddings.length != (long) count * embeddingSize) {
            throw new IllegalArgumentException("inconsistent encoder frames: first " + first + ", count " + count + ", "
                    + logProbs.length + " log-probs for " + phones + " phones, " + embeddings.length
                    + " embedding values for size " + embeddingSize);
        }
    }

    /** No outputs, starting at {@code first}. */
    public static EncoderFrames empty(long first, int phones, int embeddingSize) {
        return new EncoderFrames(first, 0, phones, embeddingSize, new float[0], new float[0]);
    }

    /** Index just after the last output held. */
    public long end() {
        return first + count;
    }

    /** The log-posteriors as {@code [count][V]}, copied: what {@link CtcGreedyDecoder} and {@link CtcAlignment} take. */
    public float[][] logProbRows() {
        return rows(logProbs, phones);
    }

    /** The embeddings as {@code [count][E]}, copied. */
    public float[][] embeddingRows() {
        return rows(embeddings, embeddingSize);
    }

    /**
     * Joins consecutive frames (each starting where the previous ends) into one.
     *
     * @throws IllegalArgumentException if the list is empty, the parts do not follow on or differ in V or E
     */
    public static EncoderFrames concat(List<EncoderFrames> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        EncoderFrames head = parts.getFirst();
        int count = 0;
        for (EncoderFrames part : parts) {
            if (part.first != head.first + count || part.phones != head.phones || part.embeddingSize != head.embeddingSize) {
                throw new IllegalArgumentException("frames do not follow on: expected output " + (head.first + count)
                        + " with " + head.phones + " phones and embedding " + head.embeddingSize + ", got " + part);
            }
            count += part.count;
        }
        float[] logProbs = new float[count * head.phones];
        float[] embeddings = new float[count * head.embeddingSize];
        int at = 0;
        for (EncoderFrames part : parts) {
            System.arraycopy(part.logProbs, 0, logProbs, at * head.phones, part.logProbs.length);
            System.arraycopy(part.embeddings, 0, embeddings, at * head.embeddingSize, part.embeddings.length);
            at += part.count;
        }
        return new EncoderFrames(head.first, count, head.phones, head.embeddingSize, logProbs, embeddings);
    }

    private float[][] rows(float[] values, int width) {
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = Arrays.copyOfRange(values, i * width, (i + 1) * width);
        }
        return rows;
    }

    @Override
    public String toString() {
        return "EncoderFrames[first " + first + ", count " + count + ", phones " + phones + ", embedding " + embeddingSize + "]";
    }
}
