package io.wakestream.kws.core;

import java.util.Arrays;

/**
 * A monotonic partition of T frames into K contiguous, non-empty segments, one per text unit in order.
 *
 * @param starts segment k covers frames [starts[k], ends[k])
 * @param ends   exclusive ends; ends[k] == starts[k + 1], ends[K - 1] == T
 * @param score  the summed similarity of the partition (for {@link SequencePartitioner}: D[T-1][K-1])
 */
public record Partition(int[] starts, int[] ends, double score) {

    public Partition {
        if (starts.length != ends.length || starts.length == 0) {
            throw new IllegalArgumentException("a partition needs as many starts as ends, at least one");
        }
        starts = starts.clone();
        ends = ends.clone();
        for (int k = 0; k < starts.length; k++) {
            boolean contiguous = k == 0 ? starts[0] == 0 : starts[k] == ends[k - 1];
            if (!contiguous || ends[k] <= starts[k]) {
                throw new IllegalArgumentException("segments must be contiguous, non-empty and start at 0: starts "
                        + Arrays.toString(starts) + ", ends " + Arrays.toString(ends));
            }
        }
    }

    /** K: the number of segments. */
    public int units() {
        return starts.length;
    }

    /** T: the frames covered. */
    public int frames() {
        return ends[ends.length - 1];
    }

    public int start(int unit) {
        return starts[unit];
    }

    public int end(int unit) {
        return ends[unit];
    }

    /** Frames of segment {@code unit}. */
    public int length(int unit) {
        return ends[unit] - starts[unit];
    }

    @Override
    public int[] starts() {
        return starts.clone();
    }

    @Override
    public int[] ends() {
        return ends.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Partition p && Arrays.equals(starts, p.starts) && Arrays.equals(ends, p.ends)
                && Double.compare(score, p.score) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(starts) + Arrays.hashCode(ends)) + Double.hashCode(score);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Partition[");
        for (int k = 0; k < starts.length; k++) {
            text.append(k == 0 ? "" : ", ").append('[').append(starts[k]).append(", ").append(ends[k]).append(')');
        }
        return text.append(" score ").append(score).append(']').toString();
    }
}
