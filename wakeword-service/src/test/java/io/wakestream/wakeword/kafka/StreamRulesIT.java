package io.wakestream.wakeword.kafka;

import io.wakestream.common.kafka.TopicRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.events.AudioChunks;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.TriggerSegment;
import io.wakestream.events.v1.WakewordDetection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Field reports through a real KRaft broker and the real model: chunks longer than the history give the
 * events small chunks give, and a device restarting under its stream id is heard while a redelivered
 * chunk is still dropped. Its own context (and so its own counters): the application name differs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=stream-rules-it",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wakestream.topics.partitions=2",
        "wakestream.models.dir=../models"})
@EmbeddedKafka(partitions = 2)
class StreamRulesIT {

    private static final String DETECTIONS = "voice.detections.v1";
    private static final String SEGMENTS = "voice.segments.v1";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @Test
    void eventsDoNotDependOnChunkSizeAndARestartedDeviceIsHeard() throws Exception {
        String bootstrap = broker.getBrokersAsString();
        // The wake phrase, then 3 s of silence: 7.5 s, sent once in 6 s chunks (longer than the 4 s history).
        float[] jarvis = TestAudio.sample("hey-jarvis-timer.wav");
        float[] padded = Arrays.copyOf(jarvis, jarvis.length + 48_000);
        List<AudioChunk> interrupted = TestAudio.chunks("r1", "kitchen-lights.wav").subList(0, 30);
        List<AudioChunk> restarted = new ArrayList<>(TestAudio.chunks("r1", "hey-jarvis-timer.wav"));
        restarted.add(6, restarted.get(5));
        try (TopicRecorder recorder = new TopicRecorder(bootstrap, DETECTIONS, SEGMENTS)) {
            TestAudio.send(bootstrap, AudioChunks.split("big", padded, 96_000));
            TestAudio.send(bootstrap, AudioChunks.split("small", padded, 1_600));
            TestAudio.send(bootstrap, interrupted);
            TestAudio.send(bootstrap, restarted);

            await().atMost(Duration.ofSeconds(120)).until(() -> segmentsOf(recorder, "big").size() == 1
                    && segmentsOf(recorder, "small").size() == 1 && segmentsOf(recorder, "r1").size() == 1);

            WakewordDetection big = detectionsOf(recorder, "big").getFirst();
            WakewordDetection small = detectionsOf(recorder, "small").getFirst();
            assertThat(detectionsOf(recorder, "big")).hasSize(1);
            assertThat(detectionsOf(recorder, "small")).hasSize(1);
            assertThat(big.getStartSample()).isLessThan(big.getEndSample());
            assertThat(big.getTriggerPcm().size()).isEqualTo(2 * (int) (big.getEndSample() - big.getStartSample()));
            assertThat(big.toBuilder().clearDetectionId().clearStreamId().build())
                    .isEqualTo(small.toBuilder().clearDetectionId().clearStreamId().build());
            TriggerSegment bigSegment = segmentsOf(recorder, "big").getFirst();
            assertThat(bigSegment.getFirstSample()).isEqualTo(big.getStartSample());
            assertThat(bigSegment.toBuilder().clearDetectionId().clearStreamId().build())
                    .isEqualTo(segmentsOf(recorder, "small").getFirst().toBuilder().clearDetectionId().clearStreamId()
                            .build());

            assertThat(detectionsOf(recorder, "r1")).singleElement()
                    .satisfies(d -> assertThat(d.getEndSample()).isBetween(8_000L, 48_000L));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(count("wakestream.wakeword.stream.resets", "reason", "restarted")).isEqualTo(1.0);
                assertThat(count("wakestream.wakeword.chunks", "outcome", "duplicate")).isEqualTo(1.0);
            });
        }
    }

    private static List<WakewordDetection> detectionsOf(TopicRecorder recorder, String streamId) throws Exception {
        List<WakewordDetection> detections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : recorder.on(DETECTIONS)) {
            WakewordDetection detection = WakewordDetection.parseFrom(r.value());
            if (detection.getStreamId().equals(streamId)) {
                detections.add(detection);
            }
        }
        return detections;
    }

    private static List<TriggerSegment> segmentsOf(TopicRecorder recorder, String streamId) throws Exception {
        List<TriggerSegment> segments = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : recorder.on(SEGMENTS)) {
            TriggerSegment segment = TriggerSegment.parseFrom(r.value());
            if (segment.getStreamId().equals(streamId)) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
