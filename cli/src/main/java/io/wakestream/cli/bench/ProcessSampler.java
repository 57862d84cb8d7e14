package io.wakestream.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** CPU time, resident memory and open file descriptors of one process on this machine, sampled from {@code /proc}. */
public final class ProcessSampler {

    /**
     * One sample.
     *
     * @param seconds    seconds since the step started
     * @param cpuSeconds the process's user + system CPU time since it started, in seconds
     * @param rssBytes   its resident set size, in bytes (-1 unknown)
     * @param openFds    its open file descriptors: the entries of {@code /proc/PID/fd} (-1 when that cannot be listed)
     */
    public record Point(double seconds, double cpuSeconds, long rssBytes, int openFds) {
    }

    private final String name;
    private final long pid;
    private final Path proc;
    private final double ticksPerSecond;
    // appended by the sampling thread, read by others
    private final List<Point> points = new CopyOnWriteArrayList<>();

    /**
     * @param name           the process's name in reports (a service's, say)
     * @param pid            its process id
     * @param proc           the proc file system's root, {@code /proc}
     * @param ticksPerSecond the kernel's clock ticks a second ({@code getconf CLK_TCK}), the unit of {@code /proc/PID/stat}
     */
    public ProcessSampler(String name, long pid, Path proc, double ticksPerSecond) {
        this.name = name;
        this.pid = pid;
        this.proc = proc;
        this.ticksPerSecond = ticksPerSecond;
    }

    /**
     * Samples the process now and keeps it as taken {@code seconds} after the step started.
     *
     * @throws IOException if the process's files cannot be read (it has exited, or is not on this machine)
     */
    public Point sample(double seconds) throws IOException {
        Point point = read(seconds);
        points.add(point);
        return point;
    }

    /**
     * Reads the process now, without keeping the sample.
     *
     * @throws IOException if the process's files cannot be read
     */
    public Point read(double seconds) throws IOException {
        Path dir = proc.resolve(Long.toString(pid));
        double cpu = ProcStat.cpuTicks(Files.readString(dir.resolve("stat"))) / ticksPerSecond;
        return new Point(seconds, cpu, ProcStat.residentBytes(Files.readString(dir.resolve("status"))), openFds(dir));
    }

    /** Entries of the process's {@code fd} directory; -1 when it cannot be listed (another user's process). */
    private static int openFds(Path dir) {
        try (Stream<Path> fds = Files.list(dir.resolve("fd"))) {
            return (int) fds.count();
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    /**
     * The kernel's clock ticks a second, as {@code getconf CLK_TCK} says; 100 (Linux's USER_HZ on every common
     * architecture) when it cannot be asked.
     */
    public static double clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Double.parseDouble(answer) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
