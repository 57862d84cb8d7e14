package io.wakestream.cli.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live set of this JVM's heap: the heap in use right after a full collection ({@link System#gc()}, a stop-the-world
 * full collection under G1 and the serial collector). Heap in use sampled between collections mixes the live set with
 * garbage the collector has not reached yet (under G1 even {@code jvm_gc_live_data_size_bytes} is the old generation
 * after any collection), so only this tells a slow leak from old garbage. Each sample pauses the whole JVM for the
 * collection; the pause is recorded with it.
 */
public final class LiveSetSampler {

    /**
     * One sample.
     *
     * @param seconds   seconds since the step started
     * @param liveBytes heap in use after the full collection, in bytes
     * @param pauseMs   how long the collection call took, in ms
     */
    public record Point(double seconds, long liveBytes, double pauseMs) {
    }

    // appended by the sampling thread, read by others
    private final List<Point> points = new CopyOnWriteArrayList<>();

    /**
     * Runs a full collection and keeps the heap in use after it as taken {@code seconds} after the step started.
     *
     * @throws IllegalStateException if no collection ran (e.g. {@code -XX:+DisableExplicitGC})
     */
    public Point sample(double seconds) {
        long before = collections();
        long start = System.nanoTime();
        System.gc();
        double pauseMs = (System.nanoTime() - start) / 1e6;
        if (collections() == before) {
            throw new IllegalStateException("System.gc() ran no collection (explicit collections disabled?): "
                    + "the live set cannot be measured in this JVM");
        }
        Point point = new Point(seconds, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), pauseMs);
        points.add(point);
        return point;
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(count -> count > 0).sum();
    }
}
