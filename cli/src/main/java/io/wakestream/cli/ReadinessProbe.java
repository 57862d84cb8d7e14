package io.wakestream.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits for a service's Actuator readiness probe ({@code /actuator/health/readiness}) to answer 200: its models are
 * loaded, its Kafka clients connected and, for ftm-service, its Kafka Streams client is {@code RUNNING}. Records
 * streamed before then are not lost, but a stage that is not ready yet decides late (degraded decisions).
 */
final class ReadinessProbe {

    /** Checked between tries: throws when waiting on is pointless (e.g. the process exited). */
    @FunctionalInterface
    interface Liveness {
        void check();
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Polls {@code actuatorBase + /actuator/health/readiness} once a second until it answers 200.
     *
     * @param actuatorBase the service's Actuator base URL, e.g. {@code http://localhost:9081}
     * @param timeout      the most time to wait
     * @return true once ready, false when {@code timeout} passed first
     */
    boolean await(String actuatorBase, Duration timeout, Liveness liveness) throws InterruptedException {
        URI readiness = URI.create(actuatorBase + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            liveness.check();
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notListening) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return false;
    }
}
