package io.wakestream.wakeword.kafka;

import io.wakestream.common.kafka.TopicRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.kafka.DeadLetterHeaders;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.WakewordDetection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** Bad input goes to the dead-letter topic or is handled by a documented rule, and other streams go on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wakestream.topics.partitions=2",
        "wakestream.models.dir=../models"})
@EmbeddedKafka(partitions = 2)
class PoisonPillIT {

    private static final byte[] GARBAGE = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @Test
    void poisonPillsAreDeadLetteredOrHandledAndTheServiceGoesOn() throws Exception {
        String bootstrap = broker.getBrokersAsString();
        try (TopicRecorder recorder = new TopicRecorder(bootstrap, "voice.audio.v1-dlt", "voice.detections.v1")) {
            TestAudio.sendRaw(bootstrap, "pp-garbage", GARBAGE);

            AudioChunk wrongRate = TestAudio.chunks("pp-rate", "kitchen-lights.wav").getFirst().toBuilder()
                    .setSampleRate(44_100).build();
            TestAudio.send(bootstrap, List.of(wrongRate));

            List<AudioChunk> gap = TestAudio.chunks("pp-gap", "kitchen-lights.wav");
            TestAudio.send(bootstrap, List.of(gap.get(0), gap.get(1), gap.get(3)));

            List<AudioChunk> duplicate = TestAudio.chunks("pp-dup", "kitchen-lights.wav");
            TestAudio.send(bootstrap, List.of(duplicate.get(0), duplicate.get(1), duplicate.get(1)));

            TestAudio.sendRaw(bootstrap, "pp-tombstone", null);
            AudioChunk endlessSeq = TestAudio.chunks("pp-seq", "kitchen-lights.wav").getFirst().toBuilder()
                    .setSeq(Long.MAX_VALUE).build();
            AudioChunk endlessPosition = TestAudio.chunks("pp-position", "kitchen-lights.wav").getFirst().toBuilder()
                    .setFirstSample(Long.MAX_VALUE - 1_000).build();
            TestAudio.send(bootstrap, List.of(endlessSeq, endlessPosition));

            TestAudio.send(bootstrap, TestAudio.chunks("pp-after", "hey-jarvis-timer.wav"));

            await().atMost(Duration.ofSeconds(90)).until(() -> recorder.on("voice.audio.v1-dlt").size() >= 5
                    && detectionsOf(recorder, "pp-after") > 0);

            List<ConsumerRecord<String, byte[]>> dead = recorder.on("voice.audio.v1-dlt");
            assertThat(dead).hasSize(5);
            ConsumerRecord<String, byte[]> tombstone = deadLetterOf(dead, "pp-tombstone");
            assertThat(header(tombstone, DeadLetterHeaders.REASON)).isEqualTo("null_value");
            assertThat(header(tombstone, DeadLetterHeaders.MESSAGE)).contains("null", "tombstone");
            assertThat(tombstone.value()).isNull();
            assertThat(header(deadLetterOf(dead, "pp-seq"), DeadLetterHeaders.REASON)).isEqualTo("implausible_seq");
            assertThat(header(deadLetterOf(dead, "pp-position"), DeadLetterHeaders.REASON))
                    .isEqualTo("implausible_first_sample");
            ConsumerRecord<String, byte[]> garbage = deadLetterOf(dead, "pp-garbage");
            assertThat(header(garbage, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterHeaders.UNDECODABLE);
            assertThat(header(garbage, DeadLetterHeaders.MESSAGE)).contains("AudioChunk");
            assertThat(garbage.value()).isEqualTo(GARBAGE);
            ConsumerRecord<String, byte[]> rate = deadLetterOf(dead, "pp-rate");
            assertThat(header(rate, DeadLetterHeaders.REASON)).isEqualTo("sample_rate");
            assertThat(header(rate, DeadLetterHeaders.MESSAGE)).isEqualTo("sample_rate 44100, expected 16000");
            assertThat(AudioChunk.parseFrom(rate.value())).isEqualTo(wrongRate);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(count("wakestream.dlt.records", "reason", "undecodable")).isEqualTo(1.0);
                assertThat(count("wakestream.dlt.records", "reason", "sample_rate")).isEqualTo(1.0);
                assertThat(count("wakestream.dlt.records", "reason", "null_value")).isEqualTo(1.0);
                assertThat(count("wakestream.dlt.records", "reason", "processing_failed")).isZero();
                assertThat(count("wakestream.wakeword.stream.resets", "reason", "sequence_gap")).isEqualTo(1.0);
                assertThat(count("wakestream.wakeword.chunks", "outcome", "duplicate")).isEqualTo(1.0);
            });
        }
    }

    private static long detectionsOf(TopicRecorder recorder, String streamId) throws Exception {
        List<WakewordDetection> detections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : recorder.on("voice.detections.v1")) {
            detections.add(WakewordDetection.parseFrom(r.value()));
        }
        return detections.stream().filter(d -> d.getStreamId().equals(streamId)).count();
    }

    private static ConsumerRecord<String, byte[]> deadLetterOf(List<ConsumerRecord<String, byte[]>> dead, String key) {
        return dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
