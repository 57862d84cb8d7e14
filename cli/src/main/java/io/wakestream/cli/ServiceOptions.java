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

    @Option(names = "--http-port", defaultValue = "8081",
            description = "wakeword-service's HTTP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--kws-http-port", defaultValue = "8082",
            description = "kws-service's HTTP port (enrollment API), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int kwsHttpPort;

    @Option(names = "--asr-http-port", defaultValue = "8083",
            description = "asr-lattice-service's HTTP port (actuator), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int asrHttpPort;

    @Option(names = "--ftm-http-port", defaultValue = "8084",
            description = "ftm-service's HTTP port (actuator), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int ftmHttpPort;

    @Option(names = "--gateway-http-port", defaultValue = "8085",
            description = "ingest-gateway's HTTP port (web page, WebSocket), 0 for any free one (default: ${DEFAULT-VALUE}).")
    int gatewayHttpPort;

    @Option(names = "--wyoming-port", defaultValue = "10400",
            description = "ingest-gateway's Wyoming port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int wyomingPort;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Any service property, e.g. --set wakestream.wakeword.threshold=0.6")
    Map<String, String> overrides = new HashMap<>();

    /** Properties of every service (a --set server.port would apply to all of them). */
    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.putIfAbsent("wakestream.models.dir", modelsDir);
        properties.putIfAbsent("wakestream.gateway.wyoming.port", wyomingPort);
        return properties;
    }

    /** Each service's HTTP port by name. */
    Map<String, Integer> httpPorts() {
        return Map.of("wakeword-service", httpPort, "kws-service", kwsHttpPort, "asr-lattice-service", asrHttpPort,
                "ftm-service", ftmHttpPort, "ingest-gateway", gatewayHttpPort);
    }
}
