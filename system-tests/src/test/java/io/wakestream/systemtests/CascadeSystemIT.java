package io.wakestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The images, run as a deployment runs them: Kafka and the cascade's four services in containers, real audio in,
 * decisions out. Needs a Docker engine and the images (the module's build runs scripts/build-images.sh first);
 * skipped where no engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CascadeSystemIT {

    private static final String AUDIO_TOPIC = "voice.audio.v1";
    private static final String DETECTIONS_TOPIC = "voice.detections.v1";
    private static final String DECISIONS_TOPIC = "voice.decisions.v1";
    /** common's bundled samples: three say "hey jarvis", one does not */
    private static final List<String> SAMPLES =
            List.of("hey-jarvis-weather.wav", "kitchen-lights.wav", "hey-jarvis-timer.wav", "mention-hey-jarvis.wav");
    /** every stage's result arrives well within this, or ftm-service decides without it (its timeout is 13 s) */
    private static final Duration DECISION_WAIT = Duration.ofMinutes(3);
    /** after the last decision, how long to keep reading for a second decision of the same detection */
    private static final Duration DUPLICATE_WATCH = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(CascadeSystemIT.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static CascadeCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = CascadeCluster.start(Path.of("..", "models"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceIsReady() throws Exception {
        for (ServiceImage service : CascadeCluster.SERVICES) {
            HttpResponse<String> readiness = get(cluster.url(service, "/actuator/health/readiness"));
            assertThat(readiness.statusCode()).as(service.name() + " readiness: " + readiness.body()).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void streamedAudioGetsOneDecisionPerDetectionCountedInTheMetrics() throws Exception {
        String streams = "system-" + UUID.randomUUID() + "-";
        try (CascadeEvents events = new CascadeEvents(cluster.bootstrap(), DETECTIONS_TOPIC, DECISIONS_TOPIC, streams);
             AudioProducer producer = new AudioProducer(cluster.bootstrap(), AUDIO_TOPIC)) {
            for (String sample : SAMPLES) {
                producer.stream(streams + sample, AudioProducer.sample(sample), 4.0);
            }
            awaitOneDecisionPerDetection(events);

            // a fresh cluster: the services' counters count exactly what this test streamed
            double detections = PrometheusText.sum(get(cluster.url(ServiceImage.WAKEWORD, "/actuator/prometheus")).body(),
                    "wakestream_wakeword_detections_total");
            double decisions = PrometheusText.sum(get(cluster.url(ServiceImage.FTM, "/actuator/prometheus")).body(),
                    "wakestream_ftm_decisions_total");
            assertThat(detections).isEqualTo(events.detectionIds().size());
            assertThat(decisions).isEqualTo(events.decisionCount());
        }
    }

    @Test
    @Order(3)
    void killingFtmServiceMidStreamLosesNoDecision() throws Exception {
        String streams = "restart-" + UUID.randomUUID() + "-";
        try (CascadeEvents events = new CascadeEvents(cluster.bootstrap(), DETECTIONS_TOPIC, DECISIONS_TOPIC, streams);
             AudioProducer producer = new AudioProducer(cluster.bootstrap(), AUDIO_TOPIC)) {
            CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> {
                try {
                    for (String sample : SAMPLES) {
                        producer.stream(streams + sample, AudioProducer.sample(sample), 1.0);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("streaming the samples failed", e);
                }
            });
            await("a first detection").atMost(DECISION_WAIT).until(() -> {
                events.poll(Duration.ofMillis(500));
                return !events.detectionIds().isEmpty();
            });
            cluster.kill(ServiceImage.FTM);
            LOG.info("ftm-service killed after {} detection(s)", events.detectionIds().size());
            streaming.join();
            cluster.restart(ServiceImage.FTM);
            LOG.info("ftm-service healthy again");

            awaitOneDecisionPerDetection(events);
        }
    }

    /**
     * Reads until every detection has a decision, then on for {@link #DUPLICATE_WATCH}, and checks that each
     * detection id got exactly one decision and no decision is without its detection.
     */
    private static void awaitOneDecisionPerDetection(CascadeEvents events) {
        await("a decision for every detection").atMost(DECISION_WAIT).until(() -> {
            events.poll(Duration.ofMillis(500));
            return events.everyDetectionDecided();
        });
        long watchUntil = System.nanoTime() + DUPLICATE_WATCH.toNanos();
        while (System.nanoTime() < watchUntil) {
            events.poll(Duration.ofMillis(500));
        }
        await("a decision for every detection, late ones included").atMost(DECISION_WAIT).until(() -> {
            events.poll(Duration.ofMillis(500));
            return events.everyDetectionDecided();
        });
        Map<String, Long> perDetection = events.decisionsPerDetection();
        LOG.info("{} detection(s), {} decision(s)", events.detectionIds().size(), events.decisionCount());
        assertThat(perDetection.keySet()).isEqualTo(events.detectionIds());
        assertThat(perDetection).allSatisfy((detection, decisions) -> assertThat(decisions).as(detection).isEqualTo(1L));
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
