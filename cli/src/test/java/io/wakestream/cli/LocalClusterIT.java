package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.Mono16k;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.Test;

/**
 * What {@code up}, {@code stream}, {@code tail} and {@code enroll} do together: a detection comes out of the local
 * broker, kws-service verifies it against the stream's keyword, or against the phrase enrolled for the stream,
 * asr-lattice-service decodes its segment, and ftm-service makes exactly one decision about it. The services run
 * tiny test models ({@link TestModels}): their scores mean nothing.
 */
class LocalClusterIT {

    @Test
    void streamedWakePhraseComesOutAsADetectionASegmentAVerificationALatticeAndOneDecision() throws Exception {
        // a lattice of the tiny encoder's output takes seconds to decode on a busy machine: no decision waits it out;
        // the tiny encoder cannot spot a phrase, so the enrolled stream keeps the wake-word model here (its detection
        // is verified against the enrolled phrase); wakeword-service's OpenVocabularyIT spots one with the real encoder
        Map<String, Object> service = Map.of("wakestream.models.dir", TestModels.directory().toString(),
                "wakestream.ftm.timeout", "60s", "wakestream.gateway.wyoming.port", 0,
                "wakestream.wakeword.open-vocabulary.enabled", false);
        try (LocalCluster cluster = LocalCluster.start(0, 2, service, ServicePorts.free());
             EventTail tail = new EventTail(cluster.bootstrap(), List.of("voice.detections.v1", "voice.segments.v1",
                     "voice.verifications.v1", "voice.lattices.v1", "voice.decisions.v1"), true);
             AudioStreamer streamer = new AudioStreamer(cluster.bootstrap(), "voice.audio.v1")) {
            cluster.awaitReady(Duration.ofMinutes(3));
            assertThat(cluster.kwsUrl()).isPresent();
            assertThat(cluster.managementUrl("asr-lattice-service")).isPresent();
            assertThat(cluster.managementUrl("ftm-service")).isPresent();
            assertThat(cluster.wyomingPort()).hasValueSatisfying(wyoming -> assertThat(wyoming).isPositive());
            assertThat(cluster.describe()).contains(", ingest-gateway at " + cluster.gatewayUrl() + " (web page;");
            HttpResponse<String> pageConfig = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(cluster.gatewayUrl() + "/v1/page-config")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pageConfig.body()).contains("\"kws_url\":\"" + cluster.kwsUrl().orElseThrow() + "\"");
            // Actuator answers on each service's management port and not on the public ports; every service is ready
            for (String name : List.of("wakeword-service", "kws-service", "asr-lattice-service", "ftm-service",
                    "ingest-gateway")) {
                assertThat(status(cluster.managementUrl(name).orElseThrow() + "/actuator/health/readiness")).as(name)
                        .isEqualTo(200);
            }
            assertThat(status(cluster.kwsUrl().orElseThrow() + "/actuator/health/liveness")).isEqualTo(404);
            assertThat(status(cluster.gatewayUrl() + "/actuator/health/liveness")).isEqualTo(404);
            String kws = cluster.kwsUrl().orElseThrow();
            CommandOutcome enrolled = run("enroll", "--url", kws, "--stream-id", "cli-enrolled", "ok", "computer");
            assertThat(enrolled.status()).as(enrolled.err()).isZero();
            assertThat(enrolled.out()).contains("\"streamId\":\"cli-enrolled\"", "\"phrase\":\"ok computer\"", "\"phones\":[\"OW\"");
            CommandOutcome read = run("enroll", "--url", kws, "--stream-id", "cli-enrolled", "--get");
            assertThat(read.out()).contains("\"phrase\":\"ok computer\"");

            float[] audio;
            try (InputStream wav = getClass().getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
                audio = Mono16k.read(wav);
            }
            streamer.stream("cli-it", audio, 100, 20.0);
            streamer.stream("cli-enrolled", audio, 100, 20.0);

            List<String> lines = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (lines.size() < 10 && System.nanoTime() < deadline) {
                tail.poll(Duration.ofMillis(200), (topic, json) -> lines.add(topic + " " + json));
            }
            // a second decision about a detection would show up here
            long settle = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < settle) {
                tail.poll(Duration.ofMillis(200), (topic, json) -> lines.add(topic + " " + json));
            }

            assertThat(lines).hasSize(10);
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .startsWith("voice.detections.v1 ")
                    .contains("\"stream_id\":\"cli-it\"", "\"keyword\":\"hey jarvis\""));
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .startsWith("voice.segments.v1 ")
                    .contains("\"stream_id\":\"cli-it\"", "\"end_reason\":\"END_OF_SPEECH\""));
            assertThat(lines).filteredOn(line -> line.startsWith("voice.verifications.v1 ")).hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains("\"phrase\":\"hey jarvis\"", "\"model\":\"kws-verifier/"))
                    .anySatisfy(line -> assertThat(line).contains("\"phrase\":\"ok computer\""));
            // asr-lattice-service decodes each segment (with common's tiny encoder: the words mean nothing)
            assertThat(lines).filteredOn(line -> line.startsWith("voice.lattices.v1 ")).hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("\"model\":\"phonetic-encoder/", "+lm-requests/1.0.0\"",
                            "\"arcs\":"));

            // exactly one decision per detection, made with every stage
            List<String> detectionIds = lines.stream().filter(line -> line.startsWith("voice.detections.v1 "))
                    .map(LocalClusterIT::detectionId).sorted().toList();
            assertThat(lines).filteredOn(line -> line.startsWith("voice.decisions.v1 "))
                    .allSatisfy(line -> assertThat(line).contains("\"model\":\"ftm-lattice-gnn/0.0.0-tiny\"")
                            .doesNotContain("\"degraded\":true"))
                    .extracting(LocalClusterIT::detectionId).containsExactlyInAnyOrderElementsOf(detectionIds);

            // each service consumes in the group its configuration names (KEDA's ScaledObjects scale on these)
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
                List<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId).toList();
                assertThat(groups).contains("wakeword-service", "kws-service", "asr-lattice-service", "ftm-service")
                        .anySatisfy(group -> assertThat(group).startsWith("ingest-gateway-"));
            }

            CommandOutcome deleted = run("enroll", "--url", kws, "--stream-id", "cli-enrolled", "--delete");
            assertThat(deleted.status()).isZero();
            CommandOutcome gone = run("enroll", "--url", kws, "--stream-id", "cli-enrolled", "--get");
            assertThat(gone.status()).isEqualTo(1);
            assertThat(gone.err()).contains("HTTP 404 No phrase enrolled");
            CommandOutcome invalid = run("enroll", "--url", kws, "--stream-id", "cli-enrolled", "hey!");
            assertThat(invalid.status()).isEqualTo(1);
            assertThat(invalid.err()).contains("HTTP 400 Invalid phrase", "letters, digits");
        }
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String detectionId(String line) {
        Matcher id = Pattern.compile("\"detection_id\":\"([^\"]+)\"").matcher(line);
        assertThat(id.find()).as(line).isTrue();
        return id.group(1);
    }

    private static CommandOutcome run(String... args) {
        return CommandOutcome.capture(() -> WakestreamCommand.create().execute(args));
    }
}
