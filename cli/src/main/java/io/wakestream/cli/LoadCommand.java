package io.wakestream.cli;

import io.wakestream.cli.bench.BenchAudio;
import io.wakestream.cli.bench.BenchPlots;
import io.wakestream.cli.bench.BenchReport;
import io.wakestream.cli.bench.ConsumerGroup;
import io.wakestream.cli.bench.HeldRule;
import io.wakestream.cli.bench.LoadSettings;
import io.wakestream.cli.bench.LoadStep;
import io.wakestream.cli.bench.ProducerSettings;
import io.wakestream.cli.bench.StepResult;
import io.wakestream.cli.bench.Summary;
import io.wakestream.common.events.AudioChunks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wakestream bench load}: N concurrent streams at real time through Kafka, with wake phrases at known times,
 * against a running cluster or an in-process one; measures audio-to-detection and detection-to-decision latency, the
 * detection rate, consumer lag, CPU and heap; writes {@code report.json} and PNG plots, a summary on stderr, and one
 * JSON summary line per wake-word model last on stdout.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stream N concurrent streams at real time through Kafka and measure latency, detection rate, lag, CPU and heap.")
public class LoadCommand implements Callable<Integer> {

    private static final String DEFAULT_MODEL = "wakeword-hey-jarvis";

    @Option(names = "--streams", defaultValue = "10", description = "Concurrent streams (default: ${DEFAULT-VALUE}); with --find-max, the first step's.")
    int streams;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long each step streams: 90, 20s, 5m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--chunk-ms", defaultValue = "100", description = "Milliseconds of audio per chunk (default: ${DEFAULT-VALUE}).")
    int chunkMs;

    @Option(names = "--wake-every", defaultValue = "10s", converter = DurationConverter.class,
            description = "A wake phrase every this long in each wake stream, phases staggered across streams (default: ${DEFAULT-VALUE}).")
    Duration wakeEvery;

    @Option(names = "--wake-share", defaultValue = "1.0",
            description = "Share of streams that carry the wake phrase, 0 to 1; the others carry only background speech and silence (default: ${DEFAULT-VALUE}).")
    double wakeShare;

    @Option(names = "--enrolled-share", defaultValue = "0",
            description = "Share of streams, 0 to 1, for which the phrase \"" + BenchAudio.ENROLLED_PHRASE + "\" (no trained model) is "
                    + "enrolled before the step (on voice.keywords.v1, as the enrollment API does) and which say it: wakeword-service "
                    + "spots them with the phonetic encoder; --wake-share applies to the others (default: ${DEFAULT-VALUE}).")
    double enrolledShare;

    @Option(names = "--warm-up", defaultValue = "30s", converter = DurationConverter.class,
            description = "Before the first step, its load for this long, not measured: the JIT compiles the hot path, pools "
                    + "and batches fill, so that the first step does not carry a cold start's backlog; 0 for none (default: ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(names = "--settle", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long to wait for late results after a step's last chunk (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--find-max", description = "Double the streams each step (N, 2N, 4N, ...) up to --max-streams until a load is not held; report the highest held.")
    boolean findMax;

    @Option(names = "--max-streams", defaultValue = "1024", description = "The most streams --find-max tries (default: ${DEFAULT-VALUE}).")
    int maxStreams;

    @Option(names = "--p99-bound-ms", defaultValue = "1000", description = "Held only if p99 audio-to-detection is at most this (default: ${DEFAULT-VALUE}).")
    long p99BoundMs;

    @Option(names = "--lag-bound-chunks", defaultValue = "2",
            description = "Held only if wakeword-service's lag at the end is at most this many chunks per stream (default: ${DEFAULT-VALUE}).")
    double lagBoundChunks;

    @Option(names = "--linger-ms", defaultValue = "5", description = "Producer linger.ms (default: ${DEFAULT-VALUE}).")
    int lingerMs;

    @Option(names = "--batch-bytes", defaultValue = "65536", description = "Producer batch.size in bytes (default: ${DEFAULT-VALUE}).")
    int batchBytes;

    @Option(names = "--compression", defaultValue = "lz4", description = "Producer compression: lz4 or none (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--local", description = "Start an in-process broker and services for the measurement (as `up` does, on free ports).")
    boolean local;

    @Option(names = "--model", paramLabel = "NAME",
            description = "With --local: the wake-word model; repeat to run the whole measurement once per model (default: " + DEFAULT_MODEL + ").")
    List<String> models = new ArrayList<>();

    @Option(names = "--stages", defaultValue = "all",
            description = "wakeword: wakeword-service only (with --local, only it is started); all: the whole cascade (default: ${DEFAULT-VALUE}).")
    String stages;

    @Option(names = "--models-dir", defaultValue = "${env:WAKESTREAM_MODELS_DIR:-models}",
            description = "With --local: the models directory (default: ${DEFAULT-VALUE}).")
    String modelsDir;

    @Option(names = "--partitions", defaultValue = "6", description = "With --local: partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With --local: any service property.")
    Map<String, String> overrides = new HashMap<>();

    @Option(names = "--pid", paramLabel = "NAME=PID",
            description = "A service process on this machine whose CPU and memory to sample from /proc (repeatable).")
    Map<String, Long> pids = new LinkedHashMap<>();

    @Option(names = "--metrics", paramLabel = "NAME=URL",
            description = "A service's /actuator/prometheus URL to read its heap from (repeatable).")
    Map<String, URI> metrics = new LinkedHashMap<>();

    @Option(names = "--live-set-every", defaultValue = "0", converter = DurationConverter.class,
            description = "With --local: every this long, a full collection of this JVM (the broker's and the services' heap) "
                    + "and the heap in use after it, the live set; its slope tells a leak from uncollected garbage. Each "
                    + "pauses the services; at least 10 s, 0 for never (default: ${DEFAULT-VALUE}).")
    Duration liveSetEvery;

    @Option(names = "--report", paramLabel = "DIR", description = "Where to write report.json and the plots (default: reports/bench/<UTC time>/).")
    Path report;

    @Mixin
    KafkaOptions kafka;

    /** Where this run's report goes. */
    private Path directory;

    @Override
    public Integer call() throws Exception {
        LocalCluster.Stages chosen = validate();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int chunkSamples = AudioChunks.SAMPLE_RATE * chunkMs / 1000;
        BenchAudio audio;
        try {
            audio = BenchAudio.load(chunkSamples, (int) (wakeEvery.toMillis() / chunkMs));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + "; give a longer --wake-every", e);
        }
        directory = report != null ? report : Path.of("reports", "bench", started.toString().replace(':', '-'));
        List<BenchReport.ModelRun> runs = new ArrayList<>();
        for (String model : local ? (models.isEmpty() ? List.of(DEFAULT_MODEL) : models) : List.of("")) {
            runs.add(local ? runLocal(model, chosen, audio, started) : runAgainst(kafka.client(), audio, started, chosen));
        }
        BenchReport written = new BenchReport(started.toString(), settings(), runs);
        Path file = written.write(directory);
        for (BenchReport.ModelRun run : runs) {
            System.err.println(BenchReport.human(run));
        }
        System.err.println("report: " + file + ", plots: " + runs.stream().flatMap(run -> run.plots().stream()).toList());
        runs.forEach(run -> System.out.println(BenchReport.line(run.summary())));
        return 0;
    }

    private LocalCluster.Stages validate() {
        if (streams < 1 || (findMax && maxStreams < streams)) {
            throw new UserError("--streams " + streams + (findMax ? " with --max-streams " + maxStreams : "")
                    + ": give at least one stream, and --max-streams not below --streams");
        }
        if (chunkMs < 10 || chunkMs > 1000 || AudioChunks.SAMPLE_RATE * chunkMs % 1000 != 0) {
            throw new UserError("--chunk-ms " + chunkMs + ": give 10 to 1000 ms");
        }
        if (wakeEvery.toMillis() % chunkMs != 0) {
            throw new UserError("--wake-every " + wakeEvery.toMillis() + " ms is not a whole number of "
                    + chunkMs + " ms chunks");
        }
        if (duration.toMillis() < chunkMs) {
            throw new UserError("--duration " + duration.toMillis() + " ms is shorter than one chunk");
        }
        if (!warmUp.isZero() && warmUp.toMillis() < chunkMs) {
            throw new UserError("--warm-up " + warmUp.toMillis() + " ms: give 0 or at least one chunk");
        }
        if (wakeShare < 0 || wakeShare > 1) {
            throw new UserError("--wake-share " + wakeShare + ": give a share from 0 to 1");
        }
        if (enrolledShare < 0 || enrolledShare > 1) {
            throw new UserError("--enrolled-share " + enrolledShare + ": give a share from 0 to 1");
        }
        if (!compression.equals("lz4") && !compression.equals("none")) {
            throw new UserError("--compression " + compression + ": give lz4 or none");
        }
        if (!liveSetEvery.isZero() && (!local || liveSetEvery.toSeconds() < 10)) {
            throw new UserError("--live-set-every " + liveSetEvery.toMillis() + " ms: give 0, or with --local at least 10 s "
                    + "(it collects this JVM's heap, which holds the services only with --local)");
        }
        if (!local && (!models.isEmpty() || !overrides.isEmpty())) {
            throw new UserError("--model and --set configure the in-process cluster: use them with --local (against a "
                    + "running cluster the model is whatever its wakeword-service runs)");
        }
        pids.forEach((name, pid) -> {
            if (!Files.isReadable(Path.of("/proc", Long.toString(pid), "stat"))) {
                throw new UserError("--pid " + name + "=" + pid + ": no such process on this machine (/proc/" + pid
                        + "/stat cannot be read); give the process id of a service running here");
            }
        });
        return switch (stages) {
            case "wakeword" -> LocalCluster.Stages.WAKEWORD;
            case "all" -> LocalCluster.Stages.ALL;
            default -> throw new UserError("--stages " + stages + ": give wakeword or all");
        };
    }

    private BenchReport.ModelRun runLocal(String model, LocalCluster.Stages chosen, BenchAudio audio, Instant started)
            throws Exception {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.putIfAbsent("wakestream.models.dir", modelsDir);
        properties.putIfAbsent("wakestream.wakeword.model", model);
        properties.putIfAbsent("wakestream.gateway.wyoming.port", 0);
        try (LocalCluster cluster = LocalCluster.start(0, partitions, properties, ServicePorts.free(), chosen)) {
            System.err.println("wakestream bench load: " + model + " on " + cluster.describe());
            cluster.awaitReady(LocalCluster.READY);
            Map<String, Long> processes = new LinkedHashMap<>(Map.of("wakestream-local", ProcessHandle.current().pid()));
            processes.putAll(pids);
            // all in-process services share one JVM heap: one endpoint shows it
            Map<String, URI> heap = new LinkedHashMap<>(Map.of("wakestream-local",
                    URI.create(cluster.managementUrl("wakeword-service").orElseThrow() + "/actuator/prometheus")));
            heap.putAll(metrics);
            LoadSettings settings = settings(Map.of("bootstrap.servers", cluster.bootstrap()), audio, chosen, processes,
                    Map.of("wakestream-local",
                    "in-process cluster: the broker, the services and the load generator all run in this JVM"), heap, started);
            return measure(model, settings, chosen);
        }
    }

    private BenchReport.ModelRun runAgainst(Map<String, Object> client, BenchAudio audio, Instant started,
                                            LocalCluster.Stages chosen) throws Exception {
        kafka.requireBroker();
        return measure("", settings(client, audio, chosen, pids, Map.of(), metrics, started), chosen);
    }

    private LoadSettings settings(Map<String, Object> client, BenchAudio audio, LocalCluster.Stages chosen,
                                  Map<String, Long> processes, Map<String, String> notes, Map<String, URI> heap,
                                  Instant started) {
        List<ConsumerGroup> groups = new ArrayList<>(List.of(ConsumerGroup.WAKEWORD));
        if (chosen == LocalCluster.Stages.ALL) {
            groups.addAll(ConsumerGroup.LATER_STAGES);
        }
        return new LoadSettings(client, new ProducerSettings(lingerMs, batchBytes, compression), audio, chunkMs, duration,
                settle, wakeShare, enrolledShare, groups, processes, notes, heap, new HeldRule(lagBoundChunks, p99BoundMs),
                liveSetEvery, Long.toString(started.getEpochSecond(), 36));
    }

    /** Runs the steps (one, or doubling ones with --find-max) and draws the model's plots. */
    private BenchReport.ModelRun measure(String model, LoadSettings settings, LocalCluster.Stages chosen) throws Exception {
        LoadStep step = new LoadStep(settings, line -> System.err.println("wakestream bench load: " + line));
        if (!warmUp.isZero()) {
            System.err.println("wakestream bench load: warm-up: " + streams + " streams for " + warmUp.toSeconds() + " s, not measured");
            new LoadStep(settings.withDuration(warmUp), line -> { }).run(streams);
        }
        List<StepResult> steps = new ArrayList<>();
        for (int n = streams; n <= (findMax ? maxStreams : streams); n *= 2) {
            StepResult result = step.run(n);
            steps.add(result);
            System.err.println("wakestream bench load: " + n + " streams " + (result.held() ? "held" : "not held: "
                    + String.join("; ", result.notHeldReasons())));
            if (!result.held()) {
                break;
            }
        }
        List<String> seen = steps.stream().flatMap(result -> result.models().stream()).distinct().toList();
        String label = !seen.isEmpty() ? String.join(",", seen) : model.isEmpty() ? "unknown" : model;
        Integer highest = steps.stream().filter(StepResult::held).map(StepResult::streams).max(Integer::compare).orElse(null);
        List<String> plots = BenchPlots.draw(directory, label, steps);
        return new BenchReport.ModelRun(label, chosen.name().toLowerCase(), highest, steps, Summary.of(label, steps), plots);
    }

    /** The settings the report records. */
    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("streams", streams);
        settings.put("duration_s", duration.toMillis() / 1000.0);
        settings.put("chunk_ms", chunkMs);
        settings.put("wake_every_s", wakeEvery.toMillis() / 1000.0);
        settings.put("wake_share", wakeShare);
        settings.put("enrolled_share", enrolledShare);
        settings.put("enrolled_phrase", BenchAudio.ENROLLED_PHRASE);
        settings.put("warm_up_s", warmUp.toMillis() / 1000.0);
        settings.put("settle_s", settle.toMillis() / 1000.0);
        settings.put("live_set_every_s", liveSetEvery.toMillis() / 1000.0);
        settings.put("find_max", findMax);
        settings.put("max_streams", maxStreams);
        settings.put("p99_bound_ms", p99BoundMs);
        settings.put("lag_bound_chunks", lagBoundChunks);
        settings.put("producer", Map.of("linger_ms", lingerMs, "batch_bytes", batchBytes, "compression", compression,
                "acks", "all", "idempotence", true));
        settings.put("local", local);
        settings.put("stages", stages);
        if (local) {
            settings.put("models_dir", modelsDir);
            settings.put("partitions", partitions);
            settings.put("set", overrides);
        } else {
            settings.put("bootstrap", kafka.bootstrap);
        }
        settings.put("pids", pids);
        settings.put("metrics", metrics);
        return settings;
    }
}
