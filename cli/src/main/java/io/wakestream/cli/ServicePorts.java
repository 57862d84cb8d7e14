package io.wakestream.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The ports the in-process services listen on, by service name ({@code wakeword-service}, {@code kws-service},
 * {@code asr-lattice-service}, {@code ftm-service}, {@code ingest-gateway}); 0 picks a free one.
 *
 * @param http       {@code server.port} of the services with a public HTTP API (kws-service's enrollment API, the
 *                   ingest-gateway's page and WebSocket); the others listen on no public port
 * @param management {@code management.server.port}: where each service serves Actuator (health, info, prometheus)
 */
record ServicePorts(Map<String, Integer> http, Map<String, Integer> management) {

    /** Every port free: what tests and {@code bench load} use. */
    static ServicePorts free() {
        return new ServicePorts(Map.of("kws-service", 0, "ingest-gateway", 0),
                Map.of("wakeword-service", 0, "kws-service", 0, "asr-lattice-service", 0, "ftm-service", 0,
                        "ingest-gateway", 0));
    }

    /** The service's public HTTP port; empty for a service without one. */
    Optional<Integer> http(String service) {
        return Optional.ofNullable(http.get(service));
    }

    /** The service's management port; empty leaves its configuration file's. */
    Optional<Integer> management(String service) {
        return Optional.ofNullable(management.get(service));
    }
}
