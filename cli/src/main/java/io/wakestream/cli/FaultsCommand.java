package io.wakestream.cli;

import io.wakestream.cli.bench.BenchAudio;
import io.wakestream.cli.bench.ConsumerGroup;
import io.wakestream.cli.bench.DelayInterceptor;
import io.wakestream.cli.bench.Fault;
import io.wakestream.cli.bench.FaultReport;
import io.wakestream.cli.bench.FaultResult;
import io.wakestream.cli.bench.FaultRun;
import io.wakestream.cli.bench.FaultSettings;
import io.wakestream.cli.bench.LoadSettings;
import io.wakestream.cli.bench.PoisonPills;
import io.wakestream.cli.bench.ProducerSettings;
import io.wakestream.cli.bench.StreamPlan;
import io.wakestream.common.events.AudioChunks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wakestream bench faults --local}: a broker and the cascade's services as child processes under a held load,
 * with one fault a scenario (broker restart, SIGKILL of a service instance, a second instance and back, a slow stage,
 * poison pills); per scenario detections lost, decisions lost or duplicated per detection id, dead letters by reason
 * and recovery time, as {@code faults.json} and the table {@code faults.md}, the table also on stdout. Exits 1 when a
 * scenario lost or duplicated a decision.
 */
@Command(name = "faults", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Inject faults into a local cluster of child processes under load; count lost and duplicated "
                + "detections and decisions, dead letters and recovery time.")
public class FaultsCommand implements Callable<Integer> {

    /** The scenarios, in the order they run. */
    static final List<String> SCENARIOS = List.of("broker-restart", "kill", "rebalance", "slow-stage", "poison");
    private static final Set<String> SLOWABLE = Set.of("wakeword-service", "kws-service", "asr-lattice-service");

    @Option(names = "--local", description = "Start a broker and the services as child processes (required: the only mode).")
    boolean local;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME",
            description = "Which scenarios, comma-separated: broker-restart, kill, rebalance, slow-stage, poison (default: all).")
    List<String> scenarios = new ArrayList<>(SCENARIOS);

    @Option(names = "--streams", defaultValue = "20", description = "Concurrent streams (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--duration", defaultValue = "120s", converter = DurationConverter.class,
            description = "How long each scenario's load runs (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--fault-at", defaultValue = "40s", converter = DurationConverter.class,
            description = "When the fault comes, after the load's start (default: ${DEFAULT-VALUE}).")
    Duration faultAt;

    @Option(names = "--fault-length", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long a lasting fault (slow stage, second instance, poison pills) lasts (default: ${DEFAULT-VALUE}).")
    Duration faultLength;

    @Option(names = "--wake-every", defaultValue = "10s", converter = DurationConverter.class,
            description = "A wake phrase every this long in every stream (default: ${DEFAULT-VALUE}).")
    Duration wakeEvery;

    @Option(names = "--chunk-ms", defaultValue = "100", description = "Milliseconds of audio per chunk (default: ${DEFAULT-VALUE}).")
    int chunkMs;

    @Option(names = "--kill-service", paramLabel = "SERVICE", split = ",",
            description = "Services whose instance the kill scenario kills with SIGKILL and starts again, one scenario each "
                    + "(default: wakeword-service,ftm-service).")
    List<String> killServices = new ArrayList<>(List.of("wakeword-service", "ftm-service"));

    @Option(names = "--scale-service", paramLabel = "SERVICE", split = ",",
            description = "Services the rebalance scenario scales to two instances and back, one scenario each (default: ftm-service).")
    List<String> scaleServices = new ArrayList<>(List.of("ftm-service"));

    @Option(names = "--slow-service", defaultValue = "kws-service",
            description = "The slow stage: wakeword-service, kws-service or asr-lattice-service (default: ${DEFAULT-VALUE}).")
    String slowService;

    @Option(names = "--slow-delay-ms", defaultValue = "1500",
            description = "The slow stage's delay per record consumed, in ms (default: ${DEFAULT-VALUE}).")
    long slowDelayMs;

    @Option(names = "--poison-share", defaultValue = "0.01",
            description = "Poison pills' share of the audio topic's records during the fault (default: ${DEFAULT-VALUE}).")
    double poisonShare;

    @Option(names = "--settle", defaultValue = "20s", converter = DurationConverter.class,
            description = "The least time to read on after the load (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--settle-timeout", defaultValue = "180s", converter = DurationConverter.class,
            description = "The most time to wait after the load for lag 0 and every detection decided (default: ${DEFAULT-VALUE}).")
    Duration settleTimeout;

    @Option(names = "--model", defaultValue = "wakeword-hey-jarvis", description = "The wake-word model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--models-dir", defaultValue = "${env:WAKESTREAM_MODELS_DIR:-models}",
            description = "The models directory (default: ${DEFAULT-VALUE}).")
    String modelsDir;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any property of every service.")
    Map<String, String> overrides = new HashMap<>();

    @Option(names = "--report", paramLabel = "DIR",
            description = "Where to write faults.json, faults.md and the cluster's logs (default: reports/bench/<UTC time>/).")
    Path report;

    @Override
    public Integer call() throws Exception {
        validate();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        BenchAudio audio;
        try {
            audio = BenchAudio.load(AudioChunks.SAMPLE_RATE * chunkMs / 1000, (int) (wakeEvery.toMillis() / chunkMs));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + "; give a longer --wake-every", e);
        }
        Path directory = (report != null ? report : Path.of("reports", "bench", started.toString().replace(':', '-')))
                .toAbsolutePath();
        Path work = directory.resolve("cluster");
        Path delayFile = work.resolve("slow-stage-delay-ms");
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.putIfAbsent("wakestream.models.dir", Path.of(modelsDir).toAbsolutePath().toString());
        properties.putIfAbsent("wakestream.wakeword.model", model);
        Map<String, Map<String, Object>> extra = Map.of(slowService, Map.of(
                "spring.kafka.consumer.properties.interceptor.classes", DelayInterceptor.class.getName(),
                "spring.kafka.consumer.properties." + DelayInterceptor.DELAY_FILE, delayFile.toString()));
        List<FaultResult> results = new ArrayList<>();
        Map<String, Object> clusterNote = new LinkedHashMap<>();
        try (ChildCluster cluster = ChildCluster.start(work, partitions, properties, extra, this::say)) {
            requireRunning(cluster);
            clusterNote.put("services", cluster.services());
            clusterNote.put("processes", cluster.pids());
            clusterNote.put("logs", work.resolve("logs").toString());
            Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrap());
            FaultRun run = new FaultRun(settings(client, audio, cluster, started), this::say);
            for (String scenario : SCENARIOS) {
                if (!scenarios.contains(scenario)) {
                    continue;
                }
                for (Map.Entry<String, Function<StreamPlan, Fault>> named
                        : faults(scenario, cluster, client, delayFile).entrySet()) {
                    String[] nameAndWords = named.getKey().split("\n", 2);
                    FaultResult result = run.run(nameAndWords[0], nameAndWords[1], named.getValue());
                    results.add(result);
                    say(nameAndWords[0] + ": " + (result.ok() ? "ok" : "DECISIONS LOST OR DUPLICATED") + ", "
                            + result.counts());
                }
            }
        }
        FaultReport written = new FaultReport(started.toString(), settings(), clusterNote, results);
        Path file = written.write(directory);
        say("report: " + file + ", table: " + directory.resolve("faults.md") + ", logs: " + work.resolve("logs"));
        System.out.print(FaultReport.table(results));
        if (!written.ok()) {
            System.err.println("wakestream bench faults: a scenario lost or duplicated decisions (see the table)");
            return 1;
        }
        return 0;
    }

    /** The scenario's faults (made from its streams) by "name\nwords"; kill and rebalance make one per service. */
    private Map<String, Function<StreamPlan, Fault>> faults(String scenario, ChildCluster cluster,
                                                            Map<String, Object> client, Path delayFile) {
        Map<String, Function<StreamPlan, Fault>> faults = new LinkedHashMap<>();
        switch (scenario) {
            case "broker-restart" -> faults.put("broker-restart\nthe broker stopped (SIGTERM) and started again on its log",
                    plan -> cluster::restartBroker);
            case "kill" -> killServices.forEach(service -> faults.put("kill-" + service + "\n" + service
                    + "'s instance killed (SIGKILL) and started again", plan -> () -> cluster.killAndRestart(service)));
            case "rebalance" -> scaleServices.forEach(service -> faults.put("rebalance-" + service + "\n" + service
                    + " scaled to two instances, back to one after " + faultLength.toSeconds() + " s", plan -> new Fault() {
                        @Override
                        public void begin() throws Exception {
                            cluster.scaleUp(service);
                        }

                        @Override
                        public void end() throws Exception {
                            cluster.scaleDown(service);
                        }
                    }));
            case "slow-stage" -> faults.put("slow-stage\n" + slowService + " delayed " + slowDelayMs + " ms per record for "
                    + faultLength.toSeconds() + " s", plan -> new Fault() {
                        @Override
                        public void begin() throws Exception {
                            DelayInterceptor.set(delayFile, slowDelayMs);
                        }

                        @Override
                        public void end() throws Exception {
                            DelayInterceptor.set(delayFile, 0);
                        }
                    });
            case "poison" -> faults.put("poison\n" + Math.round(poisonShare * 1000) / 10.0
                    + " % of the audio topic's records undecodable for " + faultLength.toSeconds() + " s",
                    plan -> new PoisonPills(client, LoadSettings.AUDIO_TOPIC, plan, poisonShare, chunkMs));
            default -> throw new IllegalStateException("unknown scenario " + scenario);
        }
        return faults;
    }

    private FaultSettings settings(Map<String, Object> client, BenchAudio audio, ChildCluster cluster, Instant started)
            throws Exception {
        List<ConsumerGroup> groups = new ArrayList<>(List.of(ConsumerGroup.WAKEWORD));
        ConsumerGroup.LATER_STAGES.stream().filter(group -> cluster.services().contains(group.service())).forEach(groups::add);
        List<String> deadLetterTopics;
        try (Admin admin = Admin.create(client)) {
            deadLetterTopics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.endsWith("-dlt")).sorted().toList();
        }
        return new FaultSettings(client, new ProducerSettings(5, 65536, "lz4"), audio, chunkMs, streams, duration,
                faultAt, faultLength, settle, settleTimeout, groups, deadLetterTopics,
                Long.toString(started.getEpochSecond(), 36));
    }

    private void validate() {
        if (!local) {
            throw new UserError("bench faults runs only with --local: it restarts the broker and kills service processes, "
                    + "which it can do only to a cluster it started itself (against a running cluster it is not supported)");
        }
        Set<String> unknown = new TreeSet<>(scenarios);
        SCENARIOS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new UserError("--scenarios " + unknown + ": give some of " + String.join(", ", SCENARIOS));
        }
        if (streams < 1) {
            throw new UserError("--streams " + streams + ": give at least one stream");
        }
        if (chunkMs < 10 || chunkMs > 1000 || AudioChunks.SAMPLE_RATE * chunkMs % 1000 != 0) {
            throw new UserError("--chunk-ms " + chunkMs + ": give 10 to 1000 ms");
        }
        if (wakeEvery.toMillis() % chunkMs != 0) {
            throw new UserError("--wake-every " + wakeEvery.toMillis() + " ms is not a whole number of " + chunkMs + " ms chunks");
        }
        if (faultAt.plus(faultLength).compareTo(duration) > 0) {
            throw new UserError("--fault-at " + faultAt.toSeconds() + " s plus --fault-length " + faultLength.toSeconds()
                    + " s runs past --duration " + duration.toSeconds() + " s: the fault must end while the load runs");
        }
        if (!SLOWABLE.contains(slowService)) {
            throw new UserError("--slow-service " + slowService + ": give one of " + new TreeSet<>(SLOWABLE)
                    + " (ftm-service's Kafka Streams consumers are not configured through spring.kafka.consumer)");
        }
        if (slowDelayMs < 1) {
            throw new UserError("--slow-delay-ms " + slowDelayMs + ": give at least 1 ms");
        }
        if (poisonShare <= 0 || poisonShare >= 1) {
            throw new UserError("--poison-share " + poisonShare + ": give a share above 0 and below 1");
        }
        for (String service : concat(killServices, scaleServices)) {
            if (!ChildCluster.MAIN_CLASSES.containsKey(service)) {
                throw new UserError("--kill-service/--scale-service " + service + ": give one of "
                        + String.join(", ", ChildCluster.MAIN_CLASSES.keySet()));
            }
        }
    }

    /** The services the scenarios act on must be among those started (a stage without its models is not). */
    private void requireRunning(ChildCluster cluster) {
        List<String> acted = new ArrayList<>();
        if (scenarios.contains("kill")) {
            acted.addAll(killServices);
        }
        if (scenarios.contains("rebalance")) {
            acted.addAll(scaleServices);
        }
        if (scenarios.contains("slow-stage")) {
            acted.add(slowService);
        }
        for (String service : acted) {
            if (!cluster.services().contains(service)) {
                throw new UserError(service + " is not running (its models are not under " + modelsDir
                        + "); running: " + cluster.services());
            }
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private void say(String line) {
        System.err.println("wakestream bench faults: " + line);
    }

    /** The settings the report records. */
    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("scenarios", scenarios);
        settings.put("streams", streams);
        settings.put("duration_s", duration.toSeconds());
        settings.put("fault_at_s", faultAt.toSeconds());
        settings.put("fault_length_s", faultLength.toSeconds());
        settings.put("wake_every_s", wakeEvery.toMillis() / 1000.0);
        settings.put("chunk_ms", chunkMs);
        settings.put("kill_services", killServices);
        settings.put("scale_services", scaleServices);
        settings.put("slow_service", slowService);
        settings.put("slow_delay_ms", slowDelayMs);
        settings.put("poison_share", poisonShare);
        settings.put("settle_s", settle.toSeconds());
        settings.put("settle_timeout_s", settleTimeout.toSeconds());
        settings.put("model", model);
        settings.put("partitions", partitions);
        settings.put("overrides", overrides);
        return settings;
    }
}
