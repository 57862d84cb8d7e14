package io.wakestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server ({@code /usr/bin/prometheus}) as a child process: it scrapes the given targets'
 * {@code /actuator/prometheus} every second, one job per service, evaluates the given rules files every second, and
 * answers instant queries.
 */
final class PrometheusServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final Path log;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusServer(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /**
     * @param work    an empty directory for the configuration, the TSDB and the log
     * @param targets {@code host:port} of each service's management endpoint, by job (service) name
     * @param rules   a glob of rules files, e.g. {@code /repo/deploy/prometheus/rules/*.yml}
     */
    static PrometheusServer start(Path work, Map<String, String> targets, String rules) throws IOException {
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - '%s'
                scrape_configs:
                """.formatted(rules));
        targets.forEach((job, target) -> config.append("""
                  - job_name: '%s'
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['%s']
                """.formatted(job, target)));
        Path configFile = Files.writeString(work.resolve("prometheus.yml"), config);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = work.resolve("prometheus.log");
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + configFile,
                "--storage.tsdb.path=" + work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PrometheusServer(process, log, "http://127.0.0.1:" + port);
    }

    /** The {@code data} of an instant query's answer, or the error Prometheus gave (status, error type and text). */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The {@code data} of {@code /api/v1/rules}: every rule group with each rule's health and last error. */
    JsonNode rules() throws IOException, InterruptedException {
        return get("/api/v1/rules");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": " + logTail());
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        if (!"success".equals(answer.path("status").asText())) {
            throw new PromQlException(answer.path("errorType").asText() + ": " + answer.path("error").asText());
        }
        return answer.path("data");
    }

    /** The last lines Prometheus logged, for failure messages. */
    String logTail() throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.substring(Math.max(0, text.length() - 2000));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Prometheus answered with an error: the query does not parse or cannot be evaluated. */
    static final class PromQlException extends IOException {
        PromQlException(String message) {
            super(message);
        }
    }
}
