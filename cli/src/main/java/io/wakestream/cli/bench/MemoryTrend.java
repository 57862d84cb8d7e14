package io.wakestream.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether memory and file descriptors leak over a step (a soak is a long step): least-squares slopes, per hour, over the
 * step's second half, so start-up and warm-up (class loading, JIT, pools filling) do not count. The heap's slope is
 * that of its floor, the lowest sample of each whole minute of the second half: heap in use saw-tooths between
 * collections, and its floor follows the live set, which is what grows when something leaks. A part of a minute has
 * no floor (its lowest sample may be a peak), so a short step has no heap slope. The floor still holds garbage the
 * collector has not reached; the live set after full collections ({@link LiveSetSampler}) does not.
 */
public final class MemoryTrend {

    private static final double HOUR_S = 3600;
    private static final double MIB = 1024 * 1024;
    private static final double FLOOR_BUCKET_S = 60;

    private MemoryTrend() {
    }

    /** Resident memory's slope over the second half of {@code stepSeconds}, in MiB per hour; null with too few samples. */
    public static Double rssMibPerHour(List<ProcessSampler.Point> points, double stepSeconds) {
        return slopePerHour(points.stream().filter(point -> point.rssBytes() >= 0).toList(), ProcessSampler.Point::seconds,
                point -> point.rssBytes() / MIB, stepSeconds);
    }

    /** Open file descriptors' slope over the second half of {@code stepSeconds}, per hour; null with too few samples. */
    public static Double fdsPerHour(List<ProcessSampler.Point> points, double stepSeconds) {
        return slopePerHour(points.stream().filter(point -> point.openFds() >= 0).toList(), ProcessSampler.Point::seconds,
                ProcessSampler.Point::openFds, stepSeconds);
    }

    /**
     * The heap floor's slope over the second half of {@code stepSeconds}, in MiB per hour; null with fewer than three
     * whole minutes in it.
     */
    public static Double heapFloorMibPerHour(List<HeapSampler.Point> points, double stepSeconds) {
        return slopePerHour(floor(points, stepSeconds / 2, stepSeconds), HeapSampler.Point::seconds,
                point -> point.heapBytes() / MIB, stepSeconds);
    }

    /**
     * The live set's slope (heap in use after a full collection, {@link LiveSetSampler}) over the second half of
     * {@code stepSeconds}, in MiB per hour; null with fewer than three samples in it.
     */
    public static Double liveSetMibPerHour(List<LiveSetSampler.Point> points, double stepSeconds) {
        return slopePerHour(points, LiveSetSampler.Point::seconds, point -> point.liveBytes() / MIB, stepSeconds);
    }

    /**
     * The committed heap's slope over the second half of {@code stepSeconds}, in MiB per hour: the collector enlarging
     * the heap, which raises the resident memory in steps without any leak; null with too few samples.
     */
    public static Double heapCommittedMibPerHour(List<HeapSampler.Point> points, double stepSeconds) {
        return slopePerHour(points, HeapSampler.Point::seconds, point -> point.committedBytes() / MIB, stepSeconds);
    }

    /**
     * The lowest sample of each minute from {@code start} that ends by {@code end}, in time order; samples after the
     * last whole minute are left out.
     */
    static List<HeapSampler.Point> floor(List<HeapSampler.Point> points, double start, double end) {
        List<HeapSampler.Point> lowest = new ArrayList<>();
        long bucket = Long.MIN_VALUE;
        long wholeMinutes = (long) Math.floor((end - start) / FLOOR_BUCKET_S);
        for (HeapSampler.Point point : points) {
            long own = (long) Math.floor((point.seconds() - start) / FLOOR_BUCKET_S);
            if (own < 0 || own >= wholeMinutes) {
                continue;
            }
            if (own != bucket) {
                lowest.add(point);
                bucket = own;
            } else if (point.heapBytes() < lowest.getLast().heapBytes()) {
                lowest.set(lowest.size() - 1, point);
            }
        }
        return lowest;
    }

    private static <T> Double slopePerHour(List<T> points, ToDoubleFunction<T> seconds, ToDoubleFunction<T> value,
                                           double stepSeconds) {
        List<double[]> half = points.stream().filter(point -> seconds.applyAsDouble(point) >= stepSeconds / 2
                        && seconds.applyAsDouble(point) <= stepSeconds)
                .map(point -> new double[] {seconds.applyAsDouble(point), value.applyAsDouble(point)}).toList();
        if (half.size() < 3) {
            return null;
        }
        return HeldRule.growth(half) * HOUR_S;
    }
}
