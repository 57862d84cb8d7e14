package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRankValuesOfTheSortedLatencies() {
        long[] latencies = LongStream.rangeClosed(1, 200).map(i -> 201 - i).toArray(); // 200 .. 1, unsorted order

        LatencyStats stats = LatencyStats.of(latencies);

        assertThat(stats.count()).isEqualTo(200);
        assertThat(stats.p50Ms()).isEqualTo(100); // rank ceil(0.5 · 200) = 100
        assertThat(stats.p99Ms()).isEqualTo(198); // rank ceil(0.99 · 200) = 198
        assertThat(stats.maxMs()).isEqualTo(200);
        assertThat(latencies[0]).as("the input is left as it was").isEqualTo(200);
    }

    @Test
    void aSingleLatencyIsEveryPercentile() {
        assertThat(LatencyStats.of(new long[] {42})).isEqualTo(new LatencyStats(1, 42L, 42L, 42L));
    }

    @Test
    void noLatenciesGiveNoFigures() {
        assertThat(LatencyStats.of(new long[0])).isEqualTo(new LatencyStats(0, null, null, null));
    }
}
