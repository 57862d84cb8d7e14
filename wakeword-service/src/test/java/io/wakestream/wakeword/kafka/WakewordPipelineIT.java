package io.wakestream.wakeword.kafka;

import io.wakestream.common.kafka.TopicRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.SegmentEndReason;
import io.wakestream.events.v1.TriggerSegment;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.wakeword.core.DetectionIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** A spoken "hey jarvis" request and a request without it, through a real KRaft broker and the real model. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wakestream.topics.partitions=2",
        "wakestream.models.dir=../models"})
@EmbeddedKafka(partitions = 2)
class WakewordPipelineIT {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @Test
    void wakePhraseYieldsADetectionAndItsSegmentAndOtherSpeechYieldsNothing() throws Exception {
        List<AudioChunk> jarvis = TestAudio.chunks("it-jarvis", "hey-jarvis-timer.wav");
        List<AudioChunk> lights = TestAudio.chunks("it-lights", "kitchen-lights.wav");
        double processedBefore = processedChunks();
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(),
                "voice.detections.v1", "voice.segments.v1")) {
            List<AudioChunk> all = new ArrayList<>(lights);
            all.addAll(jarvis);
            TestAudio.send(broker.getBrokersAsString(), all);

            await().atMost(Duration.ofSeconds(90))
                    .until(() -> processedChunks() - processedBefore >= all.size()
                            && !recorder.on("voice.segments.v1").isEmpty());

            List<WakewordDetection> detections = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : recorder.on("voice.detections.v1")) {
                detections.add(WakewordDetection.parseFrom(r.value()));
            }
            assertThat(detections).noneMatch(d -> d.getStreamId().equals("it-lights"));
            assertThat(detections).singleElement().satisfies(d -> {
                assertThat(d.getStreamId()).isEqualTo("it-jarvis");
                assertThat(d.getKeyword()).isEqualTo("hey jarvis");
                assertThat(d.getScore()).isGreaterThanOrEqualTo(0.5f);
                assertThat(d.getDetectionId()).isEqualTo(DetectionIds.of("it-jarvis", d.getEndSample()));
                // The phrase is spoken in the clip's first two seconds.
                assertThat(d.getEndSample()).isBetween(8_000L, 48_000L);
                assertThat(d.getTriggerPcm().size()).isEqualTo(2 * (int) (d.getEndSample() - d.getStartSample()));
            });

            TriggerSegment segment = TriggerSegment.parseFrom(recorder.on("voice.segments.v1").getFirst().value());
            WakewordDetection detection = detections.getFirst();
            assertThat(segment.getDetectionId()).isEqualTo(detection.getDetectionId());
            assertThat(segment.getFirstSample()).isEqualTo(detection.getStartSample());
            assertThat(segment.getTriggerEndSample()).isEqualTo(detection.getEndSample());
            assertThat(segment.getEndReason()).isIn(SegmentEndReason.END_OF_SPEECH, SegmentEndReason.END_OF_STREAM);
            // The request ("what's the weather like tomorrow") follows the trigger: the segment holds it.
            assertThat(segment.getPcm().size() / 2).isGreaterThan(16_000 + (int) (detection.getEndSample()
                    - detection.getStartSample()));
        }
    }

    private double processedChunks() {
        var counter = meters.find("wakestream.wakeword.chunks").tag("outcome", "processed").counter();
        return counter == null ? 0 : counter.count();
    }
}
