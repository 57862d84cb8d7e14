package io.wakestream.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one fault scenario: a held load of streams that each carry a wake phrase every loop, through the whole
 * cascade; the fault injected {@code faultAt} into it and taken away {@code faultLength} later; then reading on until
 * every consumer group's lag is 0 and every detection has its decision (or the settle timeout). Lag is sampled every
 * second; detections, decisions and dead letters are recorded by a {@link FaultRecorder}.
 */
public final class FaultRun {

    private static final Duration GROUP_READY = Duration.ofSeconds(120);

    private final FaultSettings settings;
    private final Consumer<String> progress;

    /** @param progress where a line saying what the scenario does goes (the command's stderr) */
    public FaultRun(FaultSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Runs scenario {@code name}.
     *
     * @param description the fault in words, for the report
     * @param faultOf     makes the fault, given the scenario's streams (the poison pills are keyed by them)
     */
    public FaultResult run(String name, String description, Function<StreamPlan, Fault> faultOf) throws Exception {
        StreamPlan plan = StreamPlan.of(settings.audio(), "faults-" + settings.runTag() + "-" + name + "-",
                settings.streams(), 1.0, 0.0, settings.chunksPerStream());
        ProduceLog produced = new ProduceLog(settings.streams(), plan.chunksPerStream(), plan.chunkSamples());
        FaultLedger ledger = new FaultLedger(plan, new DetectionLedger(plan, produced));
        Fault fault = faultOf.apply(plan);
        ConsumerGroup audioGroup = settings.groups().getFirst();
        try (LagSampler lag = new LagSampler(settings.client(), settings.groups())) {
            if (!lag.awaitStable(audioGroup, GROUP_READY)) {
                progress.accept("warning: " + audioGroup.groupId() + " is not stable; running anyway");
            }
            ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
                    runnable -> Thread.ofPlatform().name("faults-monitor").daemon().unstarted(runnable));
            LoadGenerator generator = new LoadGenerator(settings.producer().on(settings.client()), LoadSettings.AUDIO_TOPIC,
                    plan, produced, settings.chunkMs());
            Set<String> reported = ConcurrentHashMap.newKeySet();
            long start = System.nanoTime();
            double faultAt;
            double actionDone;
            double faultOver;
            double loadEnd;
            double settledAt;
            boolean settled;
            long faultAtMs;
            FaultLedger.Counts counts;
            try (FaultRecorder recorder = new FaultRecorder(settings.client(), LoadSettings.DETECTIONS_TOPIC,
                    LoadSettings.DECISIONS_TOPIC, settings.deadLetterTopics(), ledger); generator) {
                monitor.scheduleAtFixedRate(() -> sample(lag, seconds(start), reported), 0, 1, TimeUnit.SECONDS);
                Thread load = Thread.ofPlatform().name("faults-load").start(generator::run);
                progress.accept(name + ": " + settings.streams() + " streams for " + settings.duration().toSeconds()
                        + " s, the fault at " + settings.faultAt().toSeconds() + " s");
                sleepUntil(start, settings.faultAt());
                faultAt = seconds(start);
                faultAtMs = System.currentTimeMillis();
                progress.accept(name + ": fault: " + description);
                fault.begin();
                actionDone = seconds(start);
                sleepUntil(start, settings.faultAt().plus(settings.faultLength()));
                fault.end();
                faultOver = seconds(start);
                progress.accept(name + ": fault over at " + Math.round(faultOver) + " s");
                load.join();
                loadEnd = seconds(start);
                settled = settle(start, loadEnd, lag, ledger);
                settledAt = seconds(start);
            } finally {
                monitor.shutdownNow();
                monitor.awaitTermination(10, TimeUnit.SECONDS);
                if (fault instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            counts = ledger.counts(faultAtMs);
            List<LagSampler.Point> points = lag.points();
            boolean ok = counts.decisionsLost() == 0 && counts.decisionsDuplicated() == 0;
            return new FaultResult(name, description, settings.streams(), generator.sent(), generator.failed(),
                    fault.poisonSent(), faultAt, actionDone - faultAt, faultOver, loadEnd, settledAt, settled,
                    FaultResult.recoverySeconds(points, faultAt, faultOver), counts, ok, points);
        }
    }

    /** Waits until every lag is 0 and every detection is decided, at least the settle time and at most its timeout. */
    private boolean settle(long start, double loadEnd, LagSampler lag, FaultLedger ledger) throws InterruptedException {
        long least = System.nanoTime() + settings.settle().toNanos();
        long most = System.nanoTime() + settings.settleTimeout().toNanos();
        while (System.nanoTime() < most) {
            List<LagSampler.Point> points = lag.points();
            boolean drained = !points.isEmpty() && points.getLast().seconds() > loadEnd
                    && points.getLast().lag().size() == settings.groups().size()
                    && points.getLast().lag().values().stream().allMatch(behind -> behind == 0);
            if (drained && ledger.undecided() == 0 && System.nanoTime() >= least) {
                return true;
            }
            Thread.sleep(1000);
        }
        progress.accept("warning: not settled after " + settings.settleTimeout().toSeconds() + " s: "
                + ledger.undecided() + " detection(s) without a decision; last lag "
                + (lag.points().isEmpty() ? "unknown" : lag.points().getLast().lag()));
        return false;
    }

    private void sample(LagSampler lag, double seconds, Set<String> reported) {
        try {
            lag.sample(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the broker may be down (that may be the fault): say so once a scenario, sample again next second
            if (reported.add(e.getClass().getName())) {
                progress.accept("lag not sampled at " + Math.round(seconds) + " s: " + e.getMessage());
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void sleepUntil(long start, Duration offset) throws InterruptedException {
        long wait = start + offset.toNanos() - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
