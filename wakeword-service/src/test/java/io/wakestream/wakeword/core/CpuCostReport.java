package io.wakestream.wakeword.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Shared by the detectors' CPU benchmarks: seeded noise input and a best/median CPU-per-audio-second line. */
public final class CpuCostReport {

    public static final int RUNS = 5;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuCostReport() {
    }

    /** Runs {@code run} once to warm up, then {@link #RUNS} times, and prints its CPU and wall time per audio second. */
    public static void report(String name, int audioSeconds, Runnable run) {
        run.run();
        long[] cpuNanos = new long[RUNS];
        long[] wallNanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            run.run();
            cpuNanos[i] = THREADS.getCurrentThreadCpuTime() - cpu;
            wallNanos[i] = System.nanoTime() - wall;
        }
        Arrays.sort(cpuNanos);
        Arrays.sort(wallNanos);
        System.out.printf("%-32s CPU %7.3f ms per audio second (median %7.3f), wall %7.3f ms, real-time factor %.5f%n",
                name, cpuNanos[0] / 1e6 / audioSeconds, cpuNanos[RUNS / 2] / 1e6 / audioSeconds,
                wallNanos[0] / 1e6 / audioSeconds, cpuNanos[0] / 1e9 / audioSeconds);
    }

    /** Uniform noise in [-0.1, 0.1), the same for every run. */
    public static float[] noise(int samples) {
        SplittableRandom random = new SplittableRandom(7);
        float[] noise = new float[samples];
        for (int i = 0; i < samples; i++) {
            noise[i] = (float) random.nextDouble(-0.1, 0.1);
        }
        return noise;
    }
}
