package io.wakestream.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service's JVM heap, from its Actuator Prometheus endpoint: the sums of {@code jvm_memory_used_bytes} (in use) and
 * {@code jvm_memory_committed_bytes} (reserved from the OS, part of the resident memory once touched) over the heap's
 * memory pools ({@code area="heap"}). The committed heap tells a growing resident set that is the collector enlarging
 * the heap from one that is native memory.
 */
public final class HeapSampler {

    private static final String USED = "jvm_memory_used_bytes{";
    private static final String COMMITTED = "jvm_memory_committed_bytes{";

    /**
     * One sample.
     *
     * @param seconds        seconds since the step started
     * @param heapBytes      heap in use, in bytes
     * @param committedBytes heap committed, in bytes
     */
    public record Point(double seconds, long heapBytes, long committedBytes) {
    }

    private final String name;
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // appended by the sampling thread, read by others
    private final List<Point> points = new CopyOnWriteArrayList<>();

    /**
     * @param name its name in reports
     * @param url  its {@code /actuator/prometheus} URL
     */
    public HeapSampler(String name, URI url) {
        this.name = name;
        this.url = url;
    }

    /**
     * Samples the heap now and keeps it as taken {@code seconds} after the step started.
     *
     * @throws IOException if the endpoint does not answer with metrics
     */
    public Point sample(double seconds) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        Point point = new Point(seconds, heapBytes(response.body()), committedHeapBytes(response.body()));
        points.add(point);
        return point;
    }

    /** The heap in use, in bytes, of a Prometheus text exposition: the sum of the heap pools' {@code jvm_memory_used_bytes}. */
    public static long heapBytes(String exposition) {
        return heapSum(exposition, USED);
    }

    /** The heap committed, in bytes, of a Prometheus text exposition: the heap pools' {@code jvm_memory_committed_bytes}. */
    public static long committedHeapBytes(String exposition) {
        return heapSum(exposition, COMMITTED);
    }

    private static long heapSum(String exposition, String metric) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(metric)) {
                int close = line.lastIndexOf('}');
                if (line.substring(0, close).contains("area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(close + 1).trim().split("\\s+")[0]);
                }
            }
        }
        return Math.round(sum);
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }
}
