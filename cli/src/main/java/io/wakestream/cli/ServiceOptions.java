package io.wakestream.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the in-process services started by {@code up} and {@code demo}. */
public class ServiceOptions {

    @Option(names = "--port", defaultValue = "9092", description = "Broker port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--models-dir", defaultValue = "${env:WAKESTREAM_MODELS_DIR:-models}",
            description = "Models directory (default: ${DEFAULT-VALUE}).")
    String modelsDir;

    @Option(names = "--kws-http-port", defaultValue = "8082",
            description = "kws-service's HTTP port (enrollment API), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int kwsHttpPort;

    @Option(names = "--gateway-http-port", defaultValue = "8085",
            description = "ingest-gateway's HTTP port (web page, WebSocket), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int gatewayHttpPort;

    @Option(names = "--wakeword-management-port", defaultValue = "9081",
            description = "wakeword-service's management port (Actuator), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int wakewordManagementPort;

    @Option(names = "--kws-management-port", defaultValue = "9082",
            description = "kws-service's management port (Actuator), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int kwsManagementPort;

    @Option(names = "--asr-management-port", defaultValue = "9083",
            description = "asr-lattice-service's management port (Actuator), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int asrManagementPort;

    @Option(names = "--ftm-management-port", defaultValue = "9084",
            description = "ftm-service's management port (Actuator), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int ftmManagementPort;

    @Option(names = "--gateway-management-port", defaultValue = "9085",
            description = "ingest-gateway's management port (Actuator), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int gatewayManagementPort;

    @Option(names = "--wyoming-port", defaultValue = "10400",
            description = "ingest-gateway's Wyoming port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int wyomingPort;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Any service property, e.g. --set wakestream.wakeword.threshold=0.6")
    Map<String, String> overrides = new HashMap<>();

    /** Properties of every service (a --set server.port or management.server.port would apply to all of them). */
    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.putIfAbsent("wakestream.models.dir", modelsDir);
        properties.putIfAbsent("wakestream.gateway.wyoming.port", wyomingPort);
        return properties;
    }

    /** Each service's public HTTP and management ports. */
    ServicePorts ports() {
        return new ServicePorts(Map.of("kws-service", kwsHttpPort, "ingest-gateway", gatewayHttpPort),
                Map.of("wakeword-service", wakewordManagementPort, "kws-service", kwsManagementPort,
                        "asr-lattice-service", asrManagementPort, "ftm-service", ftmManagementPort,
                        "ingest-gateway", gatewayManagementPort));
    }
}
