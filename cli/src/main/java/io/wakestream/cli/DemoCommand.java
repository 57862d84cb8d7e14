package io.wakestream.cli;

import io.wakestream.common.audio.Mono16k;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start everything in-process, stream the bundled sample audio (enrolling a phrase for the streams "
                + "the sample index names one for), print each event as it arrives.")
public class DemoCommand implements Callable<Integer> {

    private static final String SAMPLES = "/samples/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Mixin
    ServiceOptions service;

    @Option(names = "--speed", defaultValue = "1.0", description = "Multiple of real time (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--settle", defaultValue = "5", description = "Seconds to wait for late events after the last chunk.")
    int settleSeconds;

    @Override
    public Integer call() throws Exception {
        List<Sample> samples = Sample.bundled();
        try (LocalCluster cluster = LocalCluster.start(service.port, service.partitions, service.properties(),
                service.ports());
             EventTail tail = new EventTail(cluster.bootstrap(), List.of("voice.detections.v1", "voice.segments.v1",
                     "voice.verifications.v1", "voice.lattices.v1", "voice.decisions.v1", "voice.audio.v1-dlt",
                     "voice.detections.v1-dlt", "voice.segments.v1-dlt", "voice.verifications.v1-dlt", "voice.lattices.v1-dlt"),
                     true);
             AudioStreamer streamer = new AudioStreamer(cluster.bootstrap(), "voice.audio.v1")) {
            System.err.println("wakestream demo: " + cluster.describe());
            cluster.awaitReady(LocalCluster.READY);
            AtomicBoolean streaming = new AtomicBoolean(true);
            Thread producer = Thread.ofPlatform().name("demo-stream").start(() -> {
                for (Sample sample : samples) {
                    if (!sample.enroll().isEmpty()) {
                        enroll(cluster, sample);
                    }
                    System.out.printf("%-11s {\"stream_id\":\"%s\",\"file\":\"%s\",\"says\":\"%s\"}%n", "audio",
                            sample.streamId(), sample.file(), sample.text());
                    try {
                        streamer.stream(sample.streamId(), sample.audio(), 100, speed);
                    } catch (Exception e) {
                        System.err.println("streaming " + sample.file() + " failed: " + e.getMessage());
                    }
                }
                streaming.set(false);
            });
            long quietSince = System.nanoTime();
            while (streaming.get() || System.nanoTime() - quietSince < settleSeconds * 1_000_000_000L) {
                if (tail.poll(Duration.ofMillis(200), (topic, line) -> System.out.printf("%-11s %s%n", label(topic), shown(topic, line))) > 0) {
                    quietSince = System.nanoTime();
                }
                if (streaming.get()) {
                    quietSince = System.nanoTime();
                }
            }
            producer.join();
        }
        return 0;
    }

    /**
     * Enrolls the sample's phrase for its stream through kws-service's enrollment API, as {@code wakestream enroll}
     * does, and prints the enrollment; wakeword-service reads it from the enrollment topic and spots the phrase on
     * that stream. Without kws-service (no verifier model) the stream keeps the wake-word model, with a warning.
     */
    private static void enroll(LocalCluster cluster, Sample sample) {
        if (cluster.kwsUrl().isEmpty()) {
            System.err.println("wakestream demo: \"" + sample.enroll() + "\" is not enrolled for " + sample.streamId()
                    + ": kws-service, which stores enrollments, is not running");
            return;
        }
        URI uri = URI.create(cluster.kwsUrl().get() + "/v1/streams/" + sample.streamId() + "/keyword");
        String body = JSON.createObjectNode().put("phrase", sample.enroll()).toString();
        HttpRequest put = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(put, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                System.out.printf("%-11s %s%n", "enrollment", JSON.readTree(response.body()));
            } else {
                System.err.println("wakestream demo: enrolling \"" + sample.enroll() + "\" failed: HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            System.err.println("wakestream demo: enrolling \"" + sample.enroll() + "\" failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A lattice is shown by its 1-best and size ({@code {"detection_id", "one_best", "arcs", "nodes"}}, plus
     * {@code "truncated"} when its segment was cut), not arc by arc; a decision by its verdict, each present stage's
     * score and the reasons ({@code {"detection_id", "stream_id", "accepted", "degraded", "score", "stage_scores":
     * {stage: score}, "missing_stages", "reasons"}}); every other event as it is.
     */
    static String shown(String topic, String json) {
        if (topic.equals("voice.decisions.v1")) {
            return decision(json);
        }
        if (!topic.equals("voice.lattices.v1")) {
            return json;
        }
        JsonNode lattice = JSON.readTree(json);
        if (!lattice.has("arcs") && !lattice.has("detection_id")) {
            return json;
        }
        ObjectNode line = JSON.createObjectNode()
                .put("detection_id", lattice.path("detection_id").asString(""))
                .put("one_best", lattice.path("one_best").asString(""))
                .put("arcs", lattice.path("arcs").size())
                .put("nodes", lattice.path("nodes").asInt(0));
        if (lattice.path("truncated").asBoolean(false)) {
            line.put("truncated", true);
        }
        return line.toString();
    }

    private static String decision(String json) {
        JsonNode decision = JSON.readTree(json);
        if (!decision.has("detection_id")) {
            return json;
        }
        ObjectNode line = JSON.createObjectNode()
                .put("detection_id", decision.path("detection_id").asString(""))
                .put("stream_id", decision.path("stream_id").asString(""))
                .put("accepted", decision.path("accepted").asBoolean(false))
                .put("degraded", decision.path("degraded").asBoolean(false))
                .put("score", Math.round(decision.path("score").asDouble(0) * 1000) / 1000.0);
        ObjectNode stages = line.putObject("stage_scores");
        for (JsonNode stage : decision.path("stage_scores")) {
            if (stage.path("present").asBoolean(false)) {
                stages.put(stage.path("stage").asString(""), Math.round(stage.path("score").asDouble(0) * 1000) / 1000.0);
            }
        }
        if (decision.path("missing_stages").size() > 0) {
            line.set("missing_stages", decision.path("missing_stages"));
        }
        line.set("reasons", decision.path("reasons"));
        return line.toString();
    }

    /** "voice.detections.v1" is shown as "detection", "voice.verifications.v1" as "verification", a dead-letter topic as "dead-letter". */
    private static String label(String topic) {
        if (topic.endsWith("-dlt")) {
            return "dead-letter";
        }
        String name = topic.replaceFirst("^voice\\.", "").replaceFirst("\\.v\\d+$", "");
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * A bundled clip: listed in samples/index.txt as "stream-id|file|what it says", plus "|phrase" when the demo enrolls
     * that phrase for the stream before streaming it ({@code enroll} empty otherwise).
     */
    record Sample(String streamId, String file, String text, String enroll) {

        static List<Sample> bundled() throws IOException {
            try (InputStream index = DemoCommand.class.getResourceAsStream(SAMPLES + "index.txt")) {
                if (index == null) {
                    throw new IOException("no bundled samples: " + SAMPLES + "index.txt is missing from the jar");
                }
                return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .map(line -> line.split("\\|", 4))
                        .map(parts -> new Sample(parts[0].trim(), parts[1].trim(), parts[2].trim(),
                                parts.length > 3 ? parts[3].trim() : ""))
                        .toList();
            }
        }

        float[] audio() {
            try (InputStream wav = DemoCommand.class.getResourceAsStream(SAMPLES + file)) {
                if (wav == null) {
                    throw new IOException("bundled sample " + file + " is missing");
                }
                return Mono16k.read(wav);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
