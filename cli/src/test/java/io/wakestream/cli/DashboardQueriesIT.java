package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wakestream.common.audio.Mono16k;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PromQL expression of the Grafana dashboards and the alert rules ({@link MonitoringQueries}) evaluated by a
 * real Prometheus that scrapes a running local cluster: after a wake phrase went through the whole cascade and one
 * undecodable record reached each service's input topic, each must evaluate without error and return series, and
 * every alert rule must evaluate healthy. A renamed or unpublished metric fails here, not on a blank panel.
 */
class DashboardQueriesIT {

    private static final Path DEPLOY = Path.of("../deploy").toAbsolutePath().normalize();
    // the input topics of wakeword-service, kws-service (and ftm-service, the gateway), asr-lattice-service, ftm-service
    private static final List<String> INPUT_TOPICS = List.of("voice.audio.v1", "voice.detections.v1",
            "voice.segments.v1", "voice.verifications.v1", "voice.lattices.v1");

    @TempDir
    Path work;

    @Test
    void everyDashboardAndAlertQueryReturnsSeriesFromARunningCluster() throws Exception {
        assumeTrue(Files.isExecutable(PrometheusServer.BINARY),
                "needs " + PrometheusServer.BINARY + " (Debian: apt-get install prometheus)");
        MonitoringQueries monitoring = MonitoringQueries.read(DEPLOY.resolve("grafana/dashboards"),
                DEPLOY.resolve("prometheus/rules"));
        assertThat(monitoring.queries()).as("dashboard and alert expressions").hasSizeGreaterThan(10);

        Map<String, Object> service = Map.of("wakestream.models.dir", TestModels.directory().toString(),
                "wakestream.ftm.timeout", "60s", "wakestream.gateway.wyoming.port", 0);
        try (LocalCluster cluster = LocalCluster.start(0, 2, service, ServicePorts.free());
             AudioStreamer streamer = new AudioStreamer(cluster.bootstrap(), "voice.audio.v1")) {
            float[] audio;
            try (InputStream wav = getClass().getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
                audio = Mono16k.read(wav);
            }
            streamer.stream("dashboard-it", audio, 100, 20.0);
            sendUndecodableRecords(cluster.bootstrap());

            Map<String, String> targets = new LinkedHashMap<>();
            for (String name : List.of("wakeword-service", "kws-service", "asr-lattice-service", "ftm-service",
                    "ingest-gateway")) {
                targets.put(name, hostPort(cluster.managementUrl(name).orElseThrow()));
            }
            try (PrometheusServer prometheus = PrometheusServer.start(work, targets,
                    DEPLOY.resolve("prometheus/rules").toString() + "/*.yml")) {
                // the audio went through the whole cascade, and Prometheus saw it
                awaitSeries(prometheus, "count(up == 1) == 5", Duration.ofSeconds(60));
                awaitSeries(prometheus, "sum(wakestream_ftm_decisions_total) >= 1", Duration.ofSeconds(120));

                // Kafka clients report per-partition lag only from their first metrics refresh, a minute after start
                Map<String, String> failures = unanswered(prometheus, monitoring, Duration.ofSeconds(120));
                assertThat(failures).as("expressions that fail or return no series (Prometheus log: %s)",
                        prometheus.logTail()).isEmpty();

                List<String> unhealthy = new ArrayList<>();
                for (JsonNode group : prometheus.rules().path("groups")) {
                    for (JsonNode rule : group.path("rules")) {
                        if (!"ok".equals(rule.path("health").asText())) {
                            unhealthy.add(rule.path("name").asText() + ": " + rule.path("health").asText() + " "
                                    + rule.path("lastError").asText());
                        }
                    }
                }
                assertThat(unhealthy).as("alert rules that did not evaluate").isEmpty();
            }
        }
    }

    /** One record of bytes no protobuf decoder accepts on each input topic: dead letters exist to count. */
    private static void sendUndecodableRecords(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String topic : INPUT_TOPICS) {
                producer.send(new ProducerRecord<>(topic, "dashboard-it-undecodable",
                        "not a protobuf message \u00ff".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    /**
     * Evaluates every expression until each has answered with series or {@code patience} has passed; returns those
     * that never did, with Prometheus's error or "no series".
     */
    private static Map<String, String> unanswered(PrometheusServer prometheus, MonitoringQueries monitoring,
                                                  Duration patience) throws Exception {
        List<MonitoringQueries.Query> pending = new ArrayList<>(monitoring.queries());
        Map<String, String> failures = new LinkedHashMap<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            failures.clear();
            for (MonitoringQueries.Query query : List.copyOf(pending)) {
                String failure = failure(prometheus, query);
                if (failure == null) {
                    pending.remove(query);
                } else {
                    failures.put(query.source() + " [" + query.series() + "]", failure);
                }
            }
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return failures;
            }
            Thread.sleep(2000);
        }
    }

    /** Null when the expression evaluates and its series query returns series; otherwise why not. */
    private static String failure(PrometheusServer prometheus, MonitoringQueries.Query query) throws Exception {
        try {
            prometheus.query(query.expression());
            return prometheus.query(query.series()).path("result").isEmpty() ? "no series" : null;
        } catch (PrometheusServer.PromQlException e) {
            return e.getMessage();
        }
    }

    private static void awaitSeries(PrometheusServer prometheus, String promql, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                if (!prometheus.query(promql).path("result").isEmpty()) {
                    return;
                }
                last = "no series";
            } catch (PrometheusServer.PromQlException e) {
                throw e;
            } catch (IOException e) {
                last = e.toString(); // still starting: connection refused
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("Prometheus never answered " + promql + " with series (" + last + "); its log: "
                + prometheus.logTail());
    }

    private static String hostPort(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }
}
