package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTrendTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void residentMemoryGrowingOneMibAMinuteIsSixtyMibAnHour() {
        List<ProcessSampler.Point> points = new ArrayList<>();
        for (int s = 0; s <= 600; s++) {
            points.add(new ProcessSampler.Point(s, s * 0.01, 500 * MIB + s * MIB / 60, 300));
        }

        assertThat(MemoryTrend.rssMibPerHour(points, 600)).isCloseTo(60, within(1e-6));
        assertThat(MemoryTrend.fdsPerHour(points, 600)).isCloseTo(0, within(1e-9));
    }

    @Test
    void warmUpInTheFirstHalfDoesNotCount() {
        List<ProcessSampler.Point> points = new ArrayList<>();
        for (int s = 0; s <= 600; s++) {
            points.add(new ProcessSampler.Point(s, 0, (s < 200 ? 200 + s : 400) * MIB, s < 200 ? 100 + s : 300));
        }

        assertThat(MemoryTrend.rssMibPerHour(points, 600)).isCloseTo(0, within(1e-6));
        assertThat(MemoryTrend.fdsPerHour(points, 600)).isCloseTo(0, within(1e-6));
    }

    @Test
    void theHeapsSawToothIsIgnoredAndItsRisingFloorIsFound() {
        List<HeapSampler.Point> points = new ArrayList<>();
        for (int s = 0; s < 1200; s++) {
            // collected every 20 s back to a live set that grows 2 MiB a minute
            long live = 100 * MIB + s * 2 * MIB / 60;
            points.add(new HeapSampler.Point(s, live + (s % 20) * 10 * MIB, 2 * live));
        }

        assertThat(MemoryTrend.floor(points, 0, 1200)).hasSize(20);
        assertThat(MemoryTrend.heapFloorMibPerHour(points, 1200)).isCloseTo(120, within(1.0));
        assertThat(MemoryTrend.heapCommittedMibPerHour(points, 1200)).isCloseTo(240, within(1e-6));
    }

    @Test
    void aPartMinuteAtTheHalfsEndHasNoFloor() {
        List<HeapSampler.Point> points = new ArrayList<>();
        for (int s = 0; s <= 480; s++) {
            // a flat live set of 100 MiB, collected every 20 s; the last sample is a peak
            points.add(new HeapSampler.Point(s, 100 * MIB + (s % 20) * 10 * MIB + (s == 480 ? 500 * MIB : 0), 400 * MIB));
        }

        assertThat(MemoryTrend.floor(points, 240, 480)).hasSize(4).allMatch(point -> point.seconds() < 480);
        assertThat(MemoryTrend.heapFloorMibPerHour(points, 480)).isCloseTo(0, within(1.0));
    }

    @Test
    void aStepTooShortForASlopeHasNone() {
        List<HeapSampler.Point> points = List.of(new HeapSampler.Point(0, MIB, 4 * MIB), new HeapSampler.Point(30, 2 * MIB, 4 * MIB));

        assertThat(MemoryTrend.heapFloorMibPerHour(points, 60)).isNull();
    }

    @Test
    void theLiveSetsSlopeCountsOnlyTheSecondHalfAndNeedsThreeSamplesThere() {
        List<LiveSetSampler.Point> points = new ArrayList<>();
        for (int s = 120; s <= 1200; s += 120) {
            // warm-up to 400 MiB in the first half, then 1 MiB every 2 minutes: 30 MiB an hour
            points.add(new LiveSetSampler.Point(s, (s <= 600 ? 100 + s / 2 : 400 + (s - 600) / 120) * MIB, 200));
        }

        assertThat(MemoryTrend.liveSetMibPerHour(points, 1200)).isCloseTo(30, within(1e-6));
        assertThat(MemoryTrend.liveSetMibPerHour(points.subList(0, 6), 1200)).isNull();
    }
}
