package io.wakestream.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one load step: N streams at real time for the step's duration, while lag, CPU, memory, open file descriptors and
 * heap are sampled every second (and, if asked, this JVM's live set by a full collection every so often) and the
 * results are read back; then judges whether the load was held.
 */
public final class LoadStep {

    private static final Logger LOG = LoggerFactory.getLogger(LoadStep.class);
    private static final Duration GROUP_READY = Duration.ofSeconds(60);
    /** How long each process's CPU is measured before a step, without its load. */
    static final Duration BEFORE = Duration.ofSeconds(3);

    private final LoadSettings settings;
    private final Consumer<String> progress;

    /** @param progress where a line saying what the step does goes (the command's stderr) */
    public LoadStep(LoadSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the step with {@code streams} streams and returns what it measured. */
    public StepResult run(int streams) throws Exception {
        StreamPlan plan = StreamPlan.of(settings.audio(), "bench-" + settings.runTag() + "-" + streams + "-", streams,
                settings.wakeShare(), settings.enrolledShare(), settings.chunksPerStream());
        ProduceLog produced = new ProduceLog(streams, plan.chunksPerStream(), plan.chunkSamples());
        DetectionLedger ledger = new DetectionLedger(plan, produced);
        double ticks = ProcessSampler.clockTicksPerSecond();
        List<ProcessSampler> processes = new ArrayList<>();
        settings.processes().forEach((name, pid) -> processes.add(new ProcessSampler(name, pid, Path.of("/proc"), ticks)));
        List<HeapSampler> heaps = new ArrayList<>();
        settings.metrics().forEach((name, url) -> heaps.add(new HeapSampler(name, url)));
        ConsumerGroup audioGroup = settings.groups().getFirst();
        try (LagSampler lag = new LagSampler(settings.client(), settings.groups())) {
            if (!lag.awaitStable(audioGroup, GROUP_READY)) {
                progress.accept("warning: " + audioGroup.service() + "'s consumer group " + audioGroup.groupId()
                        + " is not stable after " + GROUP_READY.toSeconds() + " s; measuring anyway");
            }
            Map<String, Double> before = cpuBefore(processes);
            List<ProcessSampler.Point> cpuStart = new ArrayList<>();
            List<ProcessSampler.Point> cpuEnd = new ArrayList<>();
            Sampling sampling = new Sampling(lag, processes, heaps);
            LiveSetSampler liveSet = new LiveSetSampler();
            // two threads: a full collection must not hold up the once-a-second samples
            ScheduledExecutorService monitor = Executors.newScheduledThreadPool(2,
                    runnable -> Thread.ofPlatform().name("bench-monitor").daemon().unstarted(runnable));
            LoadGenerator generator = new LoadGenerator(settings.producer().on(settings.client()), LoadSettings.AUDIO_TOPIC,
                    plan, produced, settings.chunkMs());
            long startEpochMs;
            double seconds;
            try (PhraseEnrollments enrollments = PhraseEnrollments.enroll(settings.client(), LoadSettings.KEYWORDS_TOPIC, plan);
                 ResultConsumer results = new ResultConsumer(settings.client(), LoadSettings.DETECTIONS_TOPIC,
                    LoadSettings.DECISIONS_TOPIC, ledger); generator) {
                progress.accept("step: " + streams + " streams for " + settings.duration().toSeconds() + " s");
                long start = System.nanoTime();
                startEpochMs = System.currentTimeMillis();
                for (ProcessSampler process : processes) {
                    cpuStart.add(process.sample(0));
                }
                monitor.scheduleAtFixedRate(() -> sampling.sample((System.nanoTime() - start) / 1e9), 0, 1, TimeUnit.SECONDS);
                long every = settings.liveSetEvery().toMillis();
                ScheduledFuture<?> collections = every <= 0 ? null : monitor.scheduleAtFixedRate(() -> sampling.attempt(
                        "live set", () -> liveSet.sample((System.nanoTime() - start) / 1e9)), every, every, TimeUnit.MILLISECONDS);
                generator.run();
                if (collections != null) {
                    // only while the step produces audio (a collection in the settling time would pause for nothing);
                    // one under way now took its time before the step's end
                    collections.cancel(false);
                }
                seconds = (System.nanoTime() - start) / 1e9;
                for (ProcessSampler process : processes) {
                    cpuEnd.add(process.sample(seconds));
                }
                Thread.sleep(settings.settle().toMillis());
            } finally {
                monitor.shutdownNow();
                monitor.awaitTermination(10, TimeUnit.SECONDS);
            }
            if (generator.failed() > 0) {
                progress.accept("warning: " + generator.failed() + " of " + generator.sent() + " chunks were not "
                        + "acknowledged, the first because: " + generator.firstFailure().getMessage());
            }
            return result(streams, seconds, generator, ledger, lag.points(), processes, before, cpuStart, cpuEnd, heaps,
                    liveSet, startEpochMs);
        }
    }

    private StepResult result(int streams, double seconds, LoadGenerator generator, DetectionLedger ledger,
                              List<LagSampler.Point> lagPoints, List<ProcessSampler> processes,
                              Map<String, Double> before, List<ProcessSampler.Point> cpuStart, List<ProcessSampler.Point> cpuEnd,
                              List<HeapSampler> heaps, LiveSetSampler liveSet, long startEpochMs) {
        LatencyStats detection = ledger.detectionLatency();
        Map<String, List<double[]>> lagByService = new LinkedHashMap<>();
        for (ConsumerGroup group : settings.groups()) {
            lagByService.put(group.service(), lagPoints.stream().filter(point -> point.lag().containsKey(group.service()))
                    .map(point -> new double[] {point.seconds(), point.lag().get(group.service())}).toList());
        }
        Map<String, StepResult.LagSummary> lag = new LinkedHashMap<>();
        lagByService.forEach((service, all) -> {
            List<double[]> series = all.stream().filter(point -> point[0] <= seconds).toList();
            if (!series.isEmpty()) {
                lag.put(service, new StepResult.LagSummary((long) series.getLast()[1],
                        (long) series.stream().mapToDouble(point -> point[1]).max().orElse(0),
                        HeldRule.secondHalfGrowth(series, seconds)));
            }
        });
        // the first group is wakeword-service's on the audio; what remains are the later stages'
        List<double[]> audioLag = lagByService.remove(settings.groups().getFirst().service());
        HeldRule.Verdict verdict = settings.rule().judge(streams, seconds, audioLag, lagByService, detection.p99Ms());
        Map<String, StepResult.ProcessUse> cpu = new LinkedHashMap<>();
        for (int i = 0; i < processes.size(); i++) {
            ProcessSampler process = processes.get(i);
            double used = cpuEnd.get(i).cpuSeconds() - cpuStart.get(i).cpuSeconds();
            List<ProcessSampler.Point> points = process.points();
            cpu.put(process.name(), new StepResult.ProcessUse(process.pid(), used, used / (streams * seconds),
                    before.get(process.name()), points.stream().mapToLong(ProcessSampler.Point::rssBytes).max().orElse(-1),
                    MemoryTrend.rssMibPerHour(points, seconds), cpuStart.get(i).openFds(), cpuEnd.get(i).openFds(),
                    MemoryTrend.fdsPerHour(points, seconds), settings.processNotes().get(process.name())));
        }
        Map<String, StepResult.HeapUse> heap = new LinkedHashMap<>();
        for (HeapSampler sampler : heaps) {
            List<HeapSampler.Point> points = sampler.points();
            heap.put(sampler.name(), new StepResult.HeapUse(sampler.url().toString(),
                    points.stream().mapToLong(HeapSampler.Point::heapBytes).max().orElse(-1),
                    Math.round(points.stream().mapToLong(HeapSampler.Point::heapBytes).average().orElse(-1)), points.size(),
                    MemoryTrend.heapFloorMibPerHour(points, seconds),
                    points.stream().mapToLong(HeapSampler.Point::committedBytes).max().orElse(-1),
                    MemoryTrend.heapCommittedMibPerHour(points, seconds)));
        }
        List<double[]> latencies = ledger.detectionLatencies().stream()
                .map(timed -> new double[] {(timed.producedAtMs() - startEpochMs) / 1000.0, timed.latencyMs()}).toList();
        return new StepResult(streams, seconds, generator.sent(), generator.failed(), generator.maxLateMs(), verdict.held(),
                verdict.reasons(), detection, ledger.receiveLatency(), ledger.decisionLatency(), ledger.counts(),
                ledger.models(), lag, cpu, heap, latencies, lagPoints, memory(processes, heaps),
                StepResult.LiveSet.of(settings.liveSetEvery().toMillis() / 1000.0, liveSet.points(), seconds));
    }

    private static List<StepResult.MemoryPoint> memory(List<ProcessSampler> processes, List<HeapSampler> heaps) {
        double mib = 1024 * 1024;
        List<StepResult.MemoryPoint> points = new ArrayList<>();
        for (ProcessSampler process : processes) {
            process.points().forEach(point -> points.add(new StepResult.MemoryPoint(process.name(), point.seconds(),
                    point.rssBytes() < 0 ? null : point.rssBytes() / mib, null, null,
                    point.openFds() < 0 ? null : point.openFds())));
        }
        for (HeapSampler heap : heaps) {
            heap.points().forEach(point -> points.add(new StepResult.MemoryPoint(heap.name(), point.seconds(), null,
                    point.heapBytes() / mib, point.committedBytes() / mib, null)));
        }
        return points;
    }

    /** Each process's CPU seconds per second over {@link #BEFORE}, by name. */
    private static Map<String, Double> cpuBefore(List<ProcessSampler> processes) throws Exception {
        List<ProcessSampler.Point> first = new ArrayList<>();
        for (ProcessSampler process : processes) {
            first.add(process.read(0));
        }
        long start = System.nanoTime();
        Thread.sleep(BEFORE.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int i = 0; i < processes.size(); i++) {
            rates.put(processes.get(i).name(), (processes.get(i).read(seconds).cpuSeconds() - first.get(i).cpuSeconds()) / seconds);
        }
        return rates;
    }

    /** One round of sampling a second; a sampler that fails is reported once and tried again next time. */
    private final class Sampling {

        private final LagSampler lag;
        private final List<ProcessSampler> processes;
        private final List<HeapSampler> heaps;
        private final Set<String> reported = ConcurrentHashMap.newKeySet();

        Sampling(LagSampler lag, List<ProcessSampler> processes, List<HeapSampler> heaps) {
            this.lag = lag;
            this.processes = processes;
            this.heaps = heaps;
        }

        void sample(double seconds) {
            attempt("consumer lag", () -> lag.sample(seconds));
            for (ProcessSampler process : processes) {
                attempt("process " + process.name() + " (pid " + process.pid() + ")", () -> process.sample(seconds));
            }
            for (HeapSampler heap : heaps) {
                attempt("heap of " + heap.name() + " at " + heap.url(), () -> heap.sample(seconds));
            }
        }

        void attempt(String what, Callable<?> sampler) {
            try {
                sampler.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (reported.add(what)) {
                    progress.accept("warning: cannot sample " + what + ": " + e.getMessage());
                    LOG.debug("sampling {} failed", what, e);
                }
            }
        }
    }
}
