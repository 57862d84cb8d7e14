package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.cli.bench.BenchAudio;
import io.wakestream.cli.bench.LoadGenerator;
import io.wakestream.cli.bench.ProduceLog;
import io.wakestream.cli.bench.ProducerSettings;
import io.wakestream.cli.bench.StreamPlan;
import io.wakestream.events.v1.AudioChunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** What the load generator puts on a real broker: each stream's chunks, keyed, numbered and ended as a device would. */
class LoadGeneratorIT {

    private static final String TOPIC = "voice.audio.v1";
    private static final int CHUNK = 320;       // 20 ms
    private static final int LOOP_CHUNKS = 300; // 6 s
    private static final int CHUNKS = 4;

    @Test
    void everyStreamSendsItsLoopFromItsPhaseInOrderEndingWithEndOfStream() throws Exception {
        BenchAudio audio = BenchAudio.load(CHUNK, LOOP_CHUNKS);
        StreamPlan plan = StreamPlan.of(audio, "gen-", 3, 1.0, 0.0, CHUNKS);
        ProduceLog log = new ProduceLog(3, CHUNKS, CHUNK);
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, 2)) {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrap());
            try (Admin admin = Admin.create(client)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
            }
            long before = System.currentTimeMillis();
            try (LoadGenerator generator = new LoadGenerator(new ProducerSettings(5, 65_536, "lz4").on(client),
                    TOPIC, plan, log, 20)) {
                generator.run();
                assertThat(generator.sent()).isEqualTo(12);
                assertThat(generator.failed()).isZero();
            }

            List<ConsumerRecord<String, byte[]>> records = readAll(client, 12);
            for (int stream = 0; stream < 3; stream++) {
                String id = "gen-" + stream;
                StreamPlan.Stream planned = plan.streams().get(stream);
                List<AudioChunk> chunks = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.key().equals(id)) {
                        chunks.add(AudioChunk.parseFrom(record.value()));
                    }
                }
                assertThat(chunks).extracting(AudioChunk::getSeq).containsExactly(0L, 1L, 2L, 3L);
                assertThat(chunks).extracting(AudioChunk::getFirstSample).containsExactly(0L, 320L, 640L, 960L);
                assertThat(chunks).extracting(AudioChunk::getEndOfStream).containsExactly(false, false, false, true);
                assertThat(chunks).allSatisfy(chunk -> {
                    assertThat(chunk.getStreamId()).isEqualTo(id);
                    assertThat(chunk.getSampleRate()).isEqualTo(16_000);
                });
                for (int seq = 0; seq < CHUNKS; seq++) {
                    assertThat(chunks.get(seq).getPcm())
                            .isEqualTo(planned.loop().chunks().get((seq + planned.phaseChunks()) % LOOP_CHUNKS));
                    assertThat(log.producedAtOfEnd(stream, (long) seq * CHUNK + 1)).isGreaterThanOrEqualTo(before);
                }
            }
            assertThat(plan.streams()).extracting(StreamPlan.Stream::phaseChunks).containsExactly(0, 100, 200);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(Map<String, Object> client, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", client.get("bootstrap.servers"), ConsumerConfig.GROUP_ID_CONFIG, "load-generator-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
