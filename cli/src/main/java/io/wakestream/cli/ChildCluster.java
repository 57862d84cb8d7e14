package io.wakestream.cli;

import io.wakestream.common.model.ModelRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A broker and the cascade's services, each in a child JVM of its own ({@link ChildJvm}), so that faults can hit one
 * process: restart the broker (its log is kept, {@code wakestream broker}), kill a service instance with SIGKILL, start
 * a second instance of a service and stop it again. Which services run follows {@link LocalCluster}'s rules (a stage
 * whose models are missing is left out), with wakeword-service at the cascade's threshold; no ingest-gateway. Logs go
 * to {@code <work>/logs}, the broker's log and Kafka Streams state under {@code <work>}.
 */
final class ChildCluster implements AutoCloseable {

    /** The services in cascade order, with their main classes. */
    static final Map<String, String> MAIN_CLASSES = orderedMainClasses();

    private static final Duration READY = Duration.ofMinutes(5);
    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseSerialGC");

    private final Path work;
    private final int partitions;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, Map<String, Object>> serviceProperties;
    private final Consumer<String> progress;
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();
    private final ReadinessProbe readiness = new ReadinessProbe();
    private final Thread stopOnExit = new Thread(this::closeQuietly, "faults-cluster-shutdown");
    private ChildJvm broker;
    private int started;

    /** One running service instance: its process and HTTP port. */
    record Instance(String service, ChildJvm process, int httpPort) {
    }

    private ChildCluster(Path work, int partitions, int brokerPort, int controllerPort,
                         Map<String, Map<String, Object>> serviceProperties, Consumer<String> progress) {
        this.work = work;
        this.partitions = partitions;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.serviceProperties = serviceProperties;
        this.progress = progress;
        // Ctrl-C: child processes outlive their parent unless stopped
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the broker, then one instance of each service whose models are under {@code wakestream.models.dir}, and
     * returns once every one is ready (its readiness probe answers 200).
     *
     * @param properties every service's properties (models dir, wake-word model, ...)
     * @param extra      further properties of one service, by service name
     * @throws IllegalStateException if a process exits or is not ready within 5 minutes (its log is named)
     */
    static ChildCluster start(Path work, int partitions, Map<String, Object> properties,
                              Map<String, Map<String, Object>> extra, Consumer<String> progress) throws Exception {
        ModelRepository models = new ModelRepository(Path.of(String.valueOf(
                properties.getOrDefault("wakestream.models.dir", "models"))));
        Optional<Object> threshold = LocalCluster.ftmDetectionThreshold(properties, models);
        Map<String, Map<String, Object>> chosen = new LinkedHashMap<>();
        for (String service : MAIN_CLASSES.keySet()) {
            boolean runs = switch (service) {
                case "kws-service" -> LocalCluster.hasVerifier(properties, models);
                case "asr-lattice-service" -> LocalCluster.hasLatticeModels(properties, models);
                case "ftm-service" -> threshold.isPresent();
                default -> true;
            };
            if (runs) {
                Map<String, Object> own = new HashMap<>(properties);
                own.put("spring.main.banner-mode", "off");
                own.put("wakestream.topics.partitions", partitions);
                if (!service.equals("kws-service")) {
                    own.putIfAbsent("springdoc.api-docs.enabled", false);
                }
                if (service.equals("wakeword-service")) {
                    threshold.ifPresent(value -> own.putIfAbsent("wakestream.wakeword.threshold", value));
                }
                own.putAll(extra.getOrDefault(service, Map.of()));
                chosen.put(service, own);
            }
        }
        ChildCluster cluster = new ChildCluster(work, partitions, LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort(),
                chosen, progress);
        try {
            cluster.startBroker();
            List<Instance> starting = new ArrayList<>();
            for (String service : chosen.keySet()) {
                starting.add(cluster.launch(service));
            }
            for (Instance instance : starting) {
                cluster.awaitReady(instance);
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static Map<String, String> orderedMainClasses() {
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("wakeword-service", "io.wakestream.wakeword.WakewordServiceApplication");
        classes.put("kws-service", "io.wakestream.kws.KwsServiceApplication");
        classes.put("asr-lattice-service", "io.wakestream.asr.AsrLatticeServiceApplication");
        classes.put("ftm-service", "io.wakestream.ftm.FtmServiceApplication");
        return classes;
    }

    String bootstrap() {
        return "localhost:" + brokerPort;
    }

    /** The services running, in cascade order. */
    List<String> services() {
        return List.copyOf(serviceProperties.keySet());
    }

    /** Every live process's id by name ({@code broker}, {@code wakeword-service#1}, ...). */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (broker != null && broker.alive()) {
            pids.put(broker.name(), broker.pid());
        }
        instances.values().forEach(list -> list.forEach(instance -> pids.put(instance.process().name(), instance.process().pid())));
        return pids;
    }

    /** Stops the broker with SIGTERM (a clean shutdown) and starts it again on the same ports and log; returns once it answers. */
    void restartBroker() throws Exception {
        broker.stop(GRACE);
        startBroker();
    }

    /**
     * Kills {@code service}'s first instance with SIGKILL and starts a new one in its place.
     *
     * @return the new instance, once it is ready
     */
    Instance killAndRestart(String service) throws Exception {
        Instance victim = instancesOf(service).removeFirst();
        victim.process().kill();
        progress.accept("killed " + victim.process().name() + " (pid " + victim.process().pid() + ") with SIGKILL");
        Instance restarted = launch(service);
        awaitReady(restarted);
        return restarted;
    }

    /** Starts one more instance of {@code service}; returns once it is ready (its consumers then rebalance). */
    Instance scaleUp(String service) throws Exception {
        Instance added = launch(service);
        awaitReady(added);
        return added;
    }

    /** Stops {@code service}'s newest instance with SIGTERM; its partitions go back to the others. */
    void scaleDown(String service) throws InterruptedException {
        List<Instance> list = instancesOf(service);
        if (list.size() < 2) {
            throw new IllegalStateException(service + " runs " + list.size() + " instance(s): nothing to scale down");
        }
        Instance last = list.removeLast();
        last.process().stop(GRACE);
        progress.accept("stopped " + last.process().name() + " with SIGTERM");
    }

    private List<Instance> instancesOf(String service) {
        List<Instance> list = instances.get(service);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(service + " is not running here; running: " + services());
        }
        return list;
    }

    private void startBroker() throws Exception {
        broker = ChildJvm.start("broker", WakestreamCommand.class.getName(), JVM_OPTIONS,
                List.of("broker", "--port", Integer.toString(brokerPort), "--controller-port", Integer.toString(controllerPort),
                        "--data-dir", work.resolve("broker").toString(), "--partitions", Integer.toString(partitions)),
                work.resolve("logs").resolve("broker.log"));
        long deadline = System.nanoTime() + READY.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000))) {
            while (true) {
                requireAlive(broker);
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    progress.accept("broker up at " + bootstrap() + " (pid " + broker.pid() + ")");
                    return;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the broker did not answer within " + READY.toMinutes()
                                + " min; see " + broker.log());
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    private Instance launch(String service) throws IOException {
        int port = LocalKafkaBroker.freePort();
        int number = ++started;
        Map<String, Object> properties = new LinkedHashMap<>(serviceProperties.get(service));
        properties.put("spring.kafka.bootstrap-servers", bootstrap());
        properties.put("server.port", port);
        // Actuator on the same port, whatever the service's own configuration says: the readiness probe is found
        // there, and a second instance of a service must not collide with the first on a fixed management port
        properties.put("management.server.port", port);
        // each Kafka Streams instance needs a state directory of its own (a restart takes up its predecessor's)
        properties.put("spring.kafka.streams.state-dir", work.resolve("state").resolve(service + "-"
                + instancesOfOrEmpty(service).size()).toString());
        String name = service + "#" + number;
        List<String> arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
        ChildJvm process = ChildJvm.start(name, MAIN_CLASSES.get(service), JVM_OPTIONS, arguments,
                work.resolve("logs").resolve(name.replace('#', '-') + ".log"));
        Instance instance = new Instance(service, process, port);
        instances.computeIfAbsent(service, key -> new ArrayList<>()).add(instance);
        progress.accept("starting " + name + " (pid " + process.pid() + ", HTTP port " + port + ")");
        return instance;
    }

    private List<Instance> instancesOfOrEmpty(String service) {
        return instances.getOrDefault(service, List.of());
    }

    private void awaitReady(Instance instance) throws Exception {
        if (readiness.await("http://localhost:" + instance.httpPort(), READY, () -> requireAlive(instance.process()))) {
            progress.accept(instance.process().name() + " ready");
            return;
        }
        throw new IllegalStateException(instance.process().name() + " was not ready within " + READY.toMinutes()
                + " min; see " + instance.process().log());
    }

    private static void requireAlive(ChildJvm process) {
        if (!process.alive()) {
            throw new IllegalStateException(process.name() + " exited; see " + process.log());
        }
    }

    private void closeQuietly() {
        try {
            stopAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the services (SIGTERM, in reverse cascade order), then the broker; the work directory stays. */
    @Override
    public void close() throws InterruptedException {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops them too
        }
    }

    private synchronized void stopAll() throws InterruptedException {
        List<String> order = new ArrayList<>(instances.keySet());
        java.util.Collections.reverse(order);
        for (String service : order) {
            for (Instance instance : instances.get(service)) {
                instance.process().stop(GRACE);
            }
        }
        instances.clear();
        if (broker != null && broker.alive()) {
            broker.stop(GRACE);
        }
    }
}
