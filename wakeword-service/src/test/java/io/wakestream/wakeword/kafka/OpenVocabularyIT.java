package io.wakestream.wakeword.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import io.wakestream.common.kafka.TopicRecorder;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.KeywordEnrollment;
import io.wakestream.events.v1.TriggerSegment;
import io.wakestream.events.v1.WakewordDetection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A phrase enrolled at run time through the compacted enrollment topic, spotted on its stream by the shipped
 * phonetic encoder over a real KRaft broker: "hey nova, turn on the lights" (espeak-ng en-us) wakes the stream while
 * "hey nova" is enrolled, and after the tombstone the stream is back on the trained "hey jarvis" model, which does
 * not fire on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wakestream.topics.partitions=2",
        "wakestream.models.dir=../models"})
@EmbeddedKafka(partitions = 2)
class OpenVocabularyIT {

    private static final String KEYWORDS = "voice.keywords.v1";
    private static final String STREAM = "it-nova";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EnrollmentRegistry enrollments;

    @Autowired
    MeterRegistry meters;

    @Test
    void anEnrolledPhraseWakesItsStreamUntilItIsDeleted() throws Exception {
        List<AudioChunk> heyNova = TestAudio.chunks(STREAM, "hey-nova-lights.wav");
        try (TopicRecorder recorder = new TopicRecorder(broker.getBrokersAsString(),
                "voice.detections.v1", "voice.segments.v1")) {
            enroll(KeywordEnrollment.newBuilder().setStreamId(STREAM).setPhrase("hey nova")
                    .addAllPhonemes(List.of("HH", "EY", "N", "OW", "V", "AH")).setUpdatedAtMs(1).build().toByteArray());
            await().atMost(Duration.ofSeconds(30)).until(() -> enrollments.get(STREAM).isPresent());
            // applied after start-up: its delay from the record's timestamp is timed (how fast a phrase reaches the stage)
            assertThat(meters.get("wakestream.enrollment.apply.delay").timer().count()).isEqualTo(1);

            double before = processedChunks();
            TestAudio.send(broker.getBrokersAsString(), heyNova);
            await().atMost(Duration.ofSeconds(90)).until(() -> processedChunks() - before >= heyNova.size()
                    && !segments(recorder).isEmpty());

            List<WakewordDetection> detections = detections(recorder);
            assertThat(detections).singleElement().satisfies(d -> {
                assertThat(d.getStreamId()).isEqualTo(STREAM);
                assertThat(d.getKeyword()).isEqualTo("hey nova");
                assertThat(d.getModel()).isEqualTo("open-vocabulary/phonetic-encoder-1.0.0");
                assertThat(d.getTriggerPcm().size()).isEqualTo(2 * (int) (d.getEndSample() - d.getStartSample()));
            });
            TriggerSegment segment = segments(recorder).getFirst();
            assertThat(segment.getDetectionId()).isEqualTo(detections.getFirst().getDetectionId());

            enroll(null);
            await().atMost(Duration.ofSeconds(30)).until(() -> enrollments.get(STREAM).isEmpty());
            double again = processedChunks();
            TestAudio.send(broker.getBrokersAsString(), heyNova);
            await().atMost(Duration.ofSeconds(90)).until(() -> processedChunks() - again >= heyNova.size());

            assertThat(detections(recorder)).as("no detection after the tombstone").hasSize(1);
        }
    }

    private void enroll(byte[] enrollment) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(KEYWORDS, STREAM, enrollment));
        }
    }

    /** This stream's detections (the context, and so the broker, is shared with the other ITs). */
    private static List<WakewordDetection> detections(TopicRecorder recorder) throws Exception {
        List<WakewordDetection> detections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : recorder.on("voice.detections.v1")) {
            if (STREAM.equals(r.key())) {
                detections.add(WakewordDetection.parseFrom(r.value()));
            }
        }
        return detections;
    }

    private static List<TriggerSegment> segments(TopicRecorder recorder) throws Exception {
        List<TriggerSegment> segments = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : recorder.on("voice.segments.v1")) {
            if (STREAM.equals(r.key())) {
                segments.add(TriggerSegment.parseFrom(r.value()));
            }
        }
        return segments;
    }

    private double processedChunks() {
        var counter = meters.find("wakestream.wakeword.chunks").tag("outcome", "processed").counter();
        return counter == null ? 0 : counter.count();
    }
}
