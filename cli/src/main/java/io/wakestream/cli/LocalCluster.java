package io.wakestream.cli;

import io.wakestream.asr.AsrLatticeServiceApplication;
import io.wakestream.asr.core.LanguageModelBundle;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.ftm.FtmServiceApplication;
import io.wakestream.ftm.core.FtmConfig;
import io.wakestream.gateway.IngestGatewayApplication;
import io.wakestream.gateway.web.WyomingServer;
import io.wakestream.kws.KwsServiceApplication;
import io.wakestream.kws.core.KeywordVerifierConfig;
import io.wakestream.wakeword.WakewordServiceApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A single-node KRaft broker in this process plus the services, for a laptop. */
final class LocalCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
    /** How long the commands wait for a local cluster's services to be ready (JVM start-up on a loaded machine). */
    static final Duration READY = Duration.ofMinutes(5);
    private static final List<String> SERVICES = List.of("wakeword-service", "kws-service", "asr-lattice-service",
            "ftm-service", "ingest-gateway");

    /** Which services a local cluster runs. */
    enum Stages {
        /** wakeword-service alone, at its model's own threshold: no later stage, no gateway. */
        WAKEWORD,
        /** every service whose models are there, and the ingest-gateway. */
        ALL
    }

    private final LocalKafkaBroker broker;
    private final ConfigurableApplicationContext wakeword;
    private final ConfigurableApplicationContext kws;
    private final ConfigurableApplicationContext asr;
    private final ConfigurableApplicationContext ftm;
    private final ConfigurableApplicationContext gateway;

    private LocalCluster(LocalKafkaBroker broker, ConfigurableApplicationContext wakeword, ConfigurableApplicationContext kws,
                         ConfigurableApplicationContext asr, ConfigurableApplicationContext ftm,
                         ConfigurableApplicationContext gateway) {
        this.broker = broker;
        this.wakeword = wakeword;
        this.kws = kws;
        this.asr = asr;
        this.ftm = ftm;
        this.gateway = gateway;
    }

    /**
     * Starts the broker on {@code port} (0 picks a free one), then the services against it: wakeword-service,
     * kws-service unless the models directory has no verifier model, asr-lattice-service unless it has no
     * phonetic encoder or language model, ftm-service unless it has no lattice GNN (a service not started is
     * named in a warning and in {@link #describe()}), and the ingest-gateway, its page pointed at kws-service.
     * With ftm-service, wakeword-service fires at the cascade's detection threshold (the GNN manifest's {@code architecture.detection_threshold}) unless
     * {@code wakestream.wakeword.threshold} is set: the later stages decide.
     *
     * @param serviceProperties Spring properties passed to every service, e.g. the models directory
     * @param ports             each service's public HTTP port (where it has one) and management (Actuator) port
     */
    static LocalCluster start(int port, int partitions, Map<String, Object> serviceProperties,
                              ServicePorts ports) throws Exception {
        return start(port, partitions, serviceProperties, ports, Stages.ALL);
    }

    /**
     * As {@link #start(int, int, Map, ServicePorts)}, with {@link Stages#WAKEWORD} starting the broker and wakeword-service only
     * (at the model's own threshold: there is no later stage to decide).
     */
    static LocalCluster start(int port, int partitions, Map<String, Object> serviceProperties,
                              ServicePorts ports, Stages stages) throws Exception {
        LocalKafkaBroker broker = LocalKafkaBroker.start(port, partitions);
        ConfigurableApplicationContext wakeword = null;
        ConfigurableApplicationContext kws = null;
        ConfigurableApplicationContext asr = null;
        ConfigurableApplicationContext ftm = null;
        try {
            Map<String, Object> properties = new HashMap<>(serviceProperties);
            properties.put("spring.kafka.bootstrap-servers", broker.bootstrap());
            properties.put("wakestream.topics.partitions", partitions);
            properties.put("spring.main.banner-mode", "off");
            properties.putIfAbsent("spring.kafka.streams.state-dir", broker.streamsStateDir().toString());
            ModelRepository models = new ModelRepository(Path.of(String.valueOf(
                    properties.getOrDefault("wakestream.models.dir", "models"))));
            Map<String, Object> wakewordProperties = new HashMap<>(properties);
            // springdoc is on this process's classpath for kws-service; wakeword-service has no API to describe.
            wakewordProperties.putIfAbsent("springdoc.api-docs.enabled", false);
            Optional<Object> cascadeThreshold = stages == Stages.ALL ? ftmDetectionThreshold(properties, models) : Optional.empty();
            cascadeThreshold.ifPresent(threshold -> wakewordProperties.putIfAbsent("wakestream.wakeword.threshold", threshold));
            wakeword = new SpringApplicationBuilder(WakewordServiceApplication.class)
                    .main(WakewordServiceApplication.class)
                    .run(arguments(wakewordProperties, ports, "wakeword-service"));
            if (stages == Stages.WAKEWORD) {
                return new LocalCluster(broker, wakeword, null, null, null, null);
            }
            if (hasVerifier(properties, models)) {
                Map<String, Object> kwsProperties = new HashMap<>(properties);
                // The gateway's page edits the enrolled phrase from the browser; a free port is not known yet.
                ports.http("ingest-gateway").filter(gatewayPort -> gatewayPort != 0).ifPresent(gatewayPort ->
                        kwsProperties.putIfAbsent("wakestream.kws.cors-origins",
                                "http://localhost:" + gatewayPort + ",http://127.0.0.1:" + gatewayPort));
                kws = KwsServiceApplication.builder().run(arguments(kwsProperties, ports, "kws-service"));
            }
            Map<String, Object> quiet = new HashMap<>(properties);
            quiet.putIfAbsent("springdoc.api-docs.enabled", false);
            if (hasLatticeModels(properties, models)) {
                asr = AsrLatticeServiceApplication.builder().run(arguments(quiet, ports, "asr-lattice-service"));
            }
            ftm = cascadeThreshold.isEmpty() ? null
                    : FtmServiceApplication.builder().run(arguments(quiet, ports, "ftm-service"));
            Map<String, Object> gatewayProperties = new HashMap<>(quiet);
            if (kws != null) {
                gatewayProperties.putIfAbsent("wakestream.gateway.kws-url", urlOf(kws));
            }
            ConfigurableApplicationContext gateway = IngestGatewayApplication.builder()
                    .run(arguments(gatewayProperties, ports, "ingest-gateway"));
            return new LocalCluster(broker, wakeword, kws, asr, ftm, gateway);
        } catch (RuntimeException e) {
            if (ftm != null) {
                ftm.close();
            }
            if (asr != null) {
                asr.close();
            }
            if (kws != null) {
                kws.close();
            }
            if (wakeword != null) {
                wakeword.close();
            }
            broker.close();
            throw e;
        }
    }

    // Command-line arguments outrank a service's own configuration file; default properties would not.
    private static String[] arguments(Map<String, Object> properties, ServicePorts ports, String service) {
        Map<String, Object> all = new HashMap<>(properties);
        ports.http(service).ifPresent(http -> all.putIfAbsent("server.port", http));
        ports.management(service).ifPresent(management -> all.putIfAbsent("management.server.port", management));
        return all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
    }

    static boolean hasVerifier(Map<String, Object> properties, ModelRepository models) {
        String model = String.valueOf(properties.getOrDefault("wakestream.kws.model", KeywordVerifierConfig.DEFAULT_MODEL));
        if (models.versions(model).isEmpty()) {
            LOG.warn("kws-service is not started: no model {} under {} (keyword verification needs it)", model, models.root());
            return false;
        }
        return true;
    }

    /** The newest lattice GNN's detection threshold, or empty (with a warning) when there is no GNN model. */
    static Optional<Object> ftmDetectionThreshold(Map<String, Object> properties, ModelRepository models) {
        String model = String.valueOf(properties.getOrDefault("wakestream.ftm.model", FtmConfig.DEFAULT_MODEL));
        if (models.versions(model).isEmpty()) {
            LOG.warn("ftm-service is not started: no model {} under {} (decisions need the lattice GNN)", model, models.root());
            return Optional.empty();
        }
        return Optional.ofNullable(models.loadLatest(model).manifest().architecture().get("detection_threshold"));
    }

    static boolean hasLatticeModels(Map<String, Object> properties, ModelRepository models) {
        String encoder = String.valueOf(properties.getOrDefault("wakestream.asr.encoder", PhoneticEncoderConfig.DEFAULT_MODEL));
        String lm = String.valueOf(properties.getOrDefault("wakestream.asr.lm", LanguageModelBundle.DEFAULT_MODEL));
        for (String model : new String[] {encoder, lm}) {
            if (models.versions(model).isEmpty()) {
                LOG.warn("asr-lattice-service is not started: no model {} under {} (lattices need {} and {})", model,
                        models.root(), encoder, lm);
                return false;
            }
        }
        return true;
    }

    String bootstrap() {
        return broker.bootstrap();
    }

    /** Where kws-service's enrollment API listens; empty when it was not started. */
    Optional<String> kwsUrl() {
        return Optional.ofNullable(kws).map(LocalCluster::urlOf);
    }

    /**
     * Where a service serves Actuator ({@code /actuator/health}, {@code /actuator/info}, {@code /actuator/prometheus}):
     * its management port. Empty when the service was not started.
     *
     * @param service {@code wakeword-service}, {@code kws-service}, {@code asr-lattice-service}, {@code ftm-service}
     *                or {@code ingest-gateway}
     * @throws IllegalArgumentException for another name
     */
    Optional<String> managementUrl(String service) {
        ConfigurableApplicationContext context = switch (service) {
            case "wakeword-service" -> wakeword;
            case "kws-service" -> kws;
            case "asr-lattice-service" -> asr;
            case "ftm-service" -> ftm;
            case "ingest-gateway" -> gateway;
            default -> throw new IllegalArgumentException("no service " + service + " in a local cluster");
        };
        return Optional.ofNullable(context)
                .map(started -> "http://localhost:" + started.getEnvironment().getProperty("local.management.port"));
    }

    /**
     * Where the ingest-gateway's page and WebSocket ({@code /v1/audio}) are.
     *
     * @throws IllegalStateException if the cluster runs {@link Stages#WAKEWORD} only
     */
    String gatewayUrl() {
        if (gateway == null) {
            throw new IllegalStateException("the ingest-gateway was not started: the cluster runs wakeword-service only");
        }
        return urlOf(gateway);
    }

    /** The ingest-gateway's Wyoming port; empty when its Wyoming server is disabled or the gateway was not started. */
    Optional<Integer> wyomingPort() {
        return Optional.ofNullable(gateway)
                .map(context -> context.getBeanProvider(WyomingServer.class).getIfAvailable()).map(WyomingServer::port);
    }

    private static String urlOf(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Waits until every started service is ready (its readiness probe answers 200; ftm-service's Kafka Streams client
     * runs): audio streamed earlier is not lost, but its decisions come late and degraded.
     *
     * @throws IllegalStateException naming the service that was not ready within {@code timeout}
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        ReadinessProbe probe = new ReadinessProbe();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String service : SERVICES) {
            Optional<String> url = managementUrl(service);
            if (url.isPresent() && !probe.await(url.get(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> { })) {
                throw new IllegalStateException(service + " was not ready within " + timeout.toSeconds() + " s ("
                        + url.get() + "/actuator/health/readiness)");
            }
        }
    }

    /** One line naming what runs where: public URLs, and each service's Actuator (management) URL. */
    String describe() {
        String wakewordService = "wakeword-service (Actuator " + managementUrl("wakeword-service").orElseThrow() + ")";
        if (gateway == null) {
            return "Kafka at " + bootstrap() + ", " + wakewordService + " (no later stage started)";
        }
        return "Kafka at " + bootstrap() + ", " + wakewordService
                + kwsUrl().map(url -> ", kws-service at " + url + " (enrollment API; Actuator "
                        + managementUrl("kws-service").orElseThrow() + ")")
                        .orElse(" (kws-service not started: no verifier model)")
                + managementUrl("asr-lattice-service").map(url -> ", asr-lattice-service (Actuator " + url + ")")
                        .orElse(" (asr-lattice-service not started: no phonetic encoder or language model)")
                + managementUrl("ftm-service").map(url -> ", ftm-service (Actuator " + url + ")")
                        .orElse(" (ftm-service not started: no lattice GNN)")
                + ", ingest-gateway at " + gatewayUrl() + " (web page; WebSocket /v1/audio"
                + wyomingPort().map(wyoming -> "; Wyoming port " + wyoming).orElse("") + "; Actuator "
                + managementUrl("ingest-gateway").orElseThrow() + ")";
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (ftm != null) {
            ftm.close();
        }
        if (asr != null) {
            asr.close();
        }
        if (kws != null) {
            kws.close();
        }
        wakeword.close();
        broker.close();
    }
}
