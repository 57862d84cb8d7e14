package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.Mono16k;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What {@code up}, {@code stream} and {@code tail} do together: a detection comes out of the local broker. */
class LocalClusterIT {

    @Test
    void streamedWakePhraseComesOutAsADetectionAndASegment() throws Exception {
        Map<String, Object> service = Map.of("wakestream.models.dir", "../models", "server.port", 0);
        try (LocalCluster cluster = LocalCluster.start(0, 2, service);
             EventTail tail = new EventTail(cluster.bootstrap(), List.of("voice.detections.v1", "voice.segments.v1"),
                     true);
             AudioStreamer streamer = new AudioStreamer(cluster.bootstrap(), "voice.audio.v1");
             InputStream wav = getClass().getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
            streamer.stream("cli-it", Mono16k.read(wav), 100, 20.0);

            List<String> lines = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (lines.size() < 2 && System.nanoTime() < deadline) {
                tail.poll(Duration.ofMillis(200), (topic, json) -> lines.add(topic + " " + json));
            }

            assertThat(lines).hasSize(2);
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .startsWith("voice.detections.v1 ")
                    .contains("\"stream_id\":\"cli-it\"", "\"keyword\":\"hey jarvis\""));
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .startsWith("voice.segments.v1 ")
                    .contains("\"stream_id\":\"cli-it\"", "\"end_reason\":\"END_OF_SPEECH\""));
        }
    }
}
