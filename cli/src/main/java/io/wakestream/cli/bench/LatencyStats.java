package io.wakestream.cli.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, by the nearest-rank method (the value at rank ⌈p/100 · n⌉ of the sorted values):
 * every figure is one of the measured values, never an interpolation.
 *
 * @param count how many latencies
 * @param p50Ms median, in milliseconds; null when there are none
 * @param p99Ms 99th percentile, in milliseconds; null when there are none
 * @param maxMs the largest, in milliseconds; null when there are none
 */
public record LatencyStats(int count, Long p50Ms, Long p99Ms, Long maxMs) {

    /** The statistics of {@code latenciesMs} (milliseconds; the array is not changed). */
    public static LatencyStats of(long[] latenciesMs) {
        if (latenciesMs.length == 0) {
            return new LatencyStats(0, null, null, null);
        }
        long[] sorted = latenciesMs.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The nearest-rank {@code percent}th percentile of {@code sorted} (ascending, not empty). */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
