package io.wakestream.systemtests;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.wakestream.common.model.ModelRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;

/**
 * The deployment under test: the Kafka image (KRaft, one node) and the cascade's four service images, each in its
 * container on one Docker network, configured as docker-compose.yml configures them.
 */
final class CascadeCluster implements AutoCloseable {

    static final List<ServiceImage> SERVICES =
            List.of(ServiceImage.WAKEWORD, ServiceImage.KWS, ServiceImage.ASR_LATTICE, ServiceImage.FTM);

    // JVM start-up of four services at once on a small machine takes minutes
    private static final Duration SERVICE_START = Duration.ofMinutes(8);
    private static final String INTERNAL_BOOTSTRAP = "kafka:29092";

    private final Network network;
    private final GenericContainer<?> kafka;
    private final int kafkaHostPort;
    private final Map<ServiceImage, GenericContainer<?>> services;

    private CascadeCluster(Network network, GenericContainer<?> kafka, int kafkaHostPort,
                           Map<ServiceImage, GenericContainer<?>> services) {
        this.network = network;
        this.kafka = kafka;
        this.kafkaHostPort = kafkaHostPort;
        this.services = services;
    }

    /** Starts Kafka, then the four services; returns once every container's health check passes. */
    static CascadeCluster start(Path modelsDir) {
        Network network = Network.newNetwork();
        int kafkaHostPort = freePort();
        GenericContainer<?> kafka = new GenericContainer<>(ServiceImage.image("kafka"))
                .withNetwork(network)
                .withNetworkAliases("kafka")
                // the advertised host listener must carry the host's port: bind a fixed, free one
                .withEnv("KAFKA_LISTENERS", "INTERNAL://:29092,EXTERNAL://:9092,CONTROLLER://:9093")
                .withEnv("KAFKA_ADVERTISED_LISTENERS", "INTERNAL://" + INTERNAL_BOOTSTRAP + ",EXTERNAL://localhost:" + kafkaHostPort)
                .withEnv("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .withEnv("KAFKA_INTER_BROKER_LISTENER_NAME", "INTERNAL")
                .withLogConsumer(new ContainerLogFile("kafka"))
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(3)));
        kafka.setPortBindings(List.of(kafkaHostPort + ":9092"));
        Map<ServiceImage, GenericContainer<?>> services = new LinkedHashMap<>();
        try {
            kafka.start();
            for (ServiceImage service : SERVICES) {
                GenericContainer<?> container = new GenericContainer<>(service.image())
                        .withNetwork(network)
                        .withNetworkAliases(service.name())
                        .withEnv("KAFKA_BOOTSTRAP_SERVERS", INTERNAL_BOOTSTRAP)
                        .withExposedPorts(service.managementPort())
                        .withLogConsumer(new ContainerLogFile(service.name()))
                        .waitingFor(Wait.forHealthcheck().withStartupTimeout(SERVICE_START));
                services.put(service, container);
            }
            // as `wakestream up` and docker-compose.yml: wakeword-service fires at the lattice GNN's threshold
            services.get(ServiceImage.WAKEWORD).withEnv("WAKESTREAM_WAKEWORD_THRESHOLD", cascadeThreshold(modelsDir));
            services.get(ServiceImage.FTM).withEnv("SPRING_KAFKA_STREAMS_STATE_DIR", "/var/lib/wakestream/streams");
            Startables.deepStart(services.values()).join();
            return new CascadeCluster(network, kafka, kafkaHostPort, services);
        } catch (RuntimeException e) {
            services.values().forEach(GenericContainer::stop);
            kafka.stop();
            network.close();
            throw e;
        }
    }

    /** The bundled lattice GNN's {@code architecture.detection_threshold}, the threshold the cascade fires at. */
    private static String cascadeThreshold(Path modelsDir) {
        Object threshold = new ModelRepository(modelsDir).loadLatest("ftm-lattice-gnn").manifest().architecture()
                .get("detection_threshold");
        if (threshold == null) {
            throw new IllegalStateException("the ftm-lattice-gnn manifest under " + modelsDir + " names no detection_threshold");
        }
        return threshold.toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Kafka's host listener", e);
        }
    }

    /** Where programs on this host reach Kafka. */
    String bootstrap() {
        return "localhost:" + kafkaHostPort;
    }

    /**
     * {@code path} on the service's management (Actuator) port, as mapped on this host now (a restarted container may be mapped to
     * another port, so this asks Docker each time).
     */
    URI url(ServiceImage service, String path) {
        String id = services.get(service).getContainerId();
        Ports.Binding[] bindings = docker().inspectContainerCmd(id).exec().getNetworkSettings().getPorts()
                .getBindings().get(ExposedPort.tcp(service.managementPort()));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException(service.name() + "'s port " + service.managementPort() + " is not mapped to this host");
        }
        return URI.create("http://localhost:" + bindings[0].getHostPortSpec() + path);
    }

    /** Kills the service's container (SIGKILL: no shutdown hook, no offset commit, no transaction end). */
    void kill(ServiceImage service) {
        docker().killContainerCmd(services.get(service).getContainerId()).exec();
    }

    /** Starts a killed service's container again and waits until its health check passes. */
    void restart(ServiceImage service) {
        String id = services.get(service).getContainerId();
        docker().startContainerCmd(id).exec();
        await(service.name() + " healthy after its restart").atMost(SERVICE_START).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    var health = docker().inspectContainerCmd(id).exec().getState().getHealth();
                    return health != null && "healthy".equals(health.getStatus());
                });
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    @Override
    public void close() {
        services.values().forEach(GenericContainer::stop);
        kafka.stop();
        network.close();
    }
}
