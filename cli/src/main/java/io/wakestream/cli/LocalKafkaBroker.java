package io.wakestream.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in KRaft mode (combined broker and controller) running in this process, with its log in
 * a temporary directory that is deleted on close, or in a kept directory ({@link #startKept}) that a later broker on
 * the same ports takes up again. Unlike the test kit's broker it listens on the port asked for, so other processes can
 * reach it at a well-known address.
 */
final class LocalKafkaBroker implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final Path logDir;
    private final Path streamsStateDir;
    private final String bootstrap;
    private final boolean kept;

    private LocalKafkaBroker(KafkaRaftServer server, Path logDir, Path streamsStateDir, String bootstrap, boolean kept) {
        this.server = server;
        this.logDir = logDir;
        this.streamsStateDir = streamsStateDir;
        this.bootstrap = bootstrap;
        this.kept = kept;
    }

    /**
     * A fresh directory for the Kafka Streams clients of this broker's services, deleted with the broker: local
     * state from an earlier broker's topics (the default under java.io.tmpdir outlives it) would not match this
     * one's changelogs.
     */
    Path streamsStateDir() {
        return streamsStateDir;
    }

    /** Formats a fresh log directory and starts the broker on {@code port} (0: any free port). */
    static LocalKafkaBroker start(int port, int defaultPartitions) throws Exception {
        Path logDir = Files.createTempDirectory("wakestream-kafka-");
        return start(port > 0 ? port : freePort(), freePort(), defaultPartitions, logDir,
                Files.createTempDirectory("wakestream-streams-"), false);
    }

    /**
     * Starts the broker on {@code port} with its controller on {@code controllerPort} and its log in {@code dataDir},
     * which is formatted only when it holds no broker yet and is kept on close: a broker started again on the same
     * ports over the same directory has every topic, record and committed offset of the one before.
     *
     * @throws IllegalArgumentException if a port is not 1 to 65535
     */
    static LocalKafkaBroker startKept(int port, int controllerPort, int defaultPartitions, Path dataDir) throws Exception {
        if (port < 1 || port > 65535 || controllerPort < 1 || controllerPort > 65535) {
            throw new IllegalArgumentException("ports " + port + " and " + controllerPort + ": give 1 to 65535 (a kept "
                    + "broker comes back on the same ports)");
        }
        Path logDir = Files.createDirectories(dataDir.resolve("kafka"));
        return start(port, controllerPort, defaultPartitions, logDir, Files.createDirectories(dataDir.resolve("streams")),
                true);
    }

    private static LocalKafkaBroker start(int brokerPort, int controllerPort, int defaultPartitions, Path logDir,
                                          Path streamsStateDir, boolean kept) throws Exception {
        Map<String, Object> config = Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER + "://localhost:"
                        + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("num.partitions", Integer.toString(defaultPartitions)),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The controller fences a broker whose heartbeats stop for this long (default 9 s). Here both
                // share one process: on a busy machine a stalled heartbeat would fence the only broker, leaving
                // every partition without a leader (producers then see no metadata or NOT_LEADER_OR_FOLLOWER).
                Map.entry("broker.session.timeout.ms", "120000"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        LocalKafkaBroker broker = new LocalKafkaBroker(server, logDir, streamsStateDir, "localhost:" + brokerPort, kept);
        broker.awaitReady();
        return broker;
    }

    private static void format(Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(System.err)
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(CONTROLLER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    String bootstrap() {
        return bootstrap;
    }

    private void awaitReady() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (!kept) {
            delete(logDir);
            delete(streamsStateDir);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
