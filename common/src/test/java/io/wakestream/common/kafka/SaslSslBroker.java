package io.wakestream.common.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft broker whose only client listener is SASL_SSL with SCRAM-SHA-512, as a secured production
 * cluster has it: a self-signed certificate for localhost made with the JDK's keytool, users created at format time
 * (the broker's own, {@code admin}, and the ones asked for). Clients connect with {@link #clientProperties}.
 */
public final class SaslSslBroker implements AutoCloseable {

    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final String CONTROLLER = "CONTROLLER";
    private static final String LISTENER = "SASL_SSL";

    private final KafkaRaftServer server;
    private final Path directory;
    private final Path truststore;
    private final String storePassword;
    private final String bootstrap;

    private SaslSslBroker(KafkaRaftServer server, Path directory, Path truststore, String storePassword, String bootstrap) {
        this.server = server;
        this.directory = directory;
        this.truststore = truststore;
        this.storePassword = storePassword;
        this.bootstrap = bootstrap;
    }

    /**
     * Formats a fresh log directory with SCRAM credentials for {@code users} (name → password) and starts the broker.
     *
     * @throws Exception when keytool fails or the broker does not answer within a minute
     */
    public static SaslSslBroker start(Map<String, String> users, String storePassword) throws Exception {
        Path directory = Files.createTempDirectory("wakestream-sasl-ssl-");
        Path keystore = directory.resolve("broker.p12");
        Path truststore = directory.resolve("truststore.p12");
        Path certificate = directory.resolve("broker.pem");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", storePassword, "-keypass", storePassword);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", storePassword,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-keystore",
                truststore.toString(), "-storetype", "PKCS12", "-storepass", storePassword);

        String adminPassword = "admin-" + Uuid.randomUuid();
        Map<String, String> credentials = new HashMap<>(users);
        credentials.put("admin", adminPassword);
        List<String> scram = new ArrayList<>();
        credentials.forEach((name, password) -> scram.add(MECHANISM + "=[name=" + name + ",password=" + password + "]"));

        int brokerPort = freePort();
        int controllerPort = freePort();
        Path logDir = Files.createDirectories(directory.resolve("log"));
        String prefix = "listener.name." + LISTENER.toLowerCase() + ".";
        Map<String, Object> config = new HashMap<>(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controllerPort),
                Map.entry("listeners", LISTENER + "://localhost:" + brokerPort + "," + CONTROLLER + "://localhost:" + controllerPort),
                Map.entry("advertised.listeners", LISTENER + "://localhost:" + brokerPort),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("listener.security.protocol.map", LISTENER + ":SASL_SSL," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("inter.broker.listener.name", LISTENER),
                Map.entry("sasl.enabled.mechanisms", MECHANISM),
                Map.entry("sasl.mechanism.inter.broker.protocol", MECHANISM),
                Map.entry(prefix + MECHANISM.toLowerCase() + ".sasl.jaas.config", jaas("admin", adminPassword)),
                Map.entry(prefix + "ssl.keystore.location", keystore.toString()),
                Map.entry(prefix + "ssl.keystore.password", storePassword),
                Map.entry(prefix + "ssl.keystore.type", "PKCS12"),
                Map.entry(prefix + "ssl.truststore.location", truststore.toString()),
                Map.entry(prefix + "ssl.truststore.password", storePassword),
                Map.entry(prefix + "ssl.truststore.type", "PKCS12"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // one process on a busy machine: a stalled heartbeat must not fence the only broker
                Map.entry("broker.session.timeout.ms", "120000")));
        new Formatter()
                .setPrintStream(System.err)
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(CONTROLLER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setScramArguments(scram)
                .run();
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        SaslSslBroker broker = new SaslSslBroker(server, directory, truststore, storePassword, "localhost:" + brokerPort);
        try (Admin admin = Admin.create(broker.clientProperties("admin", adminPassword))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
        return broker;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** A plain Kafka client's settings for {@code user}: bootstrap, SASL_SSL, SCRAM, the broker's truststore. */
    public Map<String, Object> clientProperties(String user, String password) {
        return Map.of("bootstrap.servers", bootstrap, "security.protocol", "SASL_SSL", "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaas(user, password), "ssl.truststore.location", truststore.toString(),
                "ssl.truststore.password", storePassword, "ssl.truststore.type", "PKCS12");
    }

    /** The same settings as Spring Boot properties, the way an operator configures a service. */
    public List<String> springProperties(String user, String password) {
        return List.of("--spring.kafka.bootstrap-servers=" + bootstrap, "--spring.kafka.security.protocol=SASL_SSL",
                "--spring.kafka.ssl.trust-store-location=file:" + truststore,
                "--spring.kafka.ssl.trust-store-password=" + storePassword, "--spring.kafka.ssl.trust-store-type=PKCS12",
                "--spring.kafka.properties.sasl.mechanism=" + MECHANISM,
                "--spring.kafka.properties.sasl.jaas.config=" + jaas(user, password));
    }

    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
