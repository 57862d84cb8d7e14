package io.wakestream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.events.v1.AudioChunk;
import io.wakestream.gateway.kafka.ResultListener;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/** Test helpers around the broker: results produced as the services would, chunks read back and checked. */
public final class Results {

    private Results() {
    }

    /** Waits until the gateway's result listeners own every partition, so a record produced now reaches them. */
    public static void awaitListeners(KafkaListenerEndpointRegistry listeners, int partitions) {
        for (String id : new String[] {ResultListener.DETECTIONS_ID, ResultListener.DECISIONS_ID}) {
            ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(id), partitions);
        }
    }

    public static void produce(String bootstrap, String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** The stream's chunks, decoded, in the order they were produced. */
    public static List<AudioChunk> chunks(List<ConsumerRecord<String, byte[]>> records, String streamId) {
        return records.stream().filter(r -> streamId.equals(r.key())).map(r -> {
            try {
                return AudioChunk.parseFrom(r.value());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** A complete stream: seq 0..n-1, contiguous first_sample, end of stream on the last chunk only; its sample count. */
    public static long assertComplete(List<AudioChunk> chunks, String streamId) {
        assertThat(chunks).isNotEmpty();
        long next = 0;
        for (int i = 0; i < chunks.size(); i++) {
            AudioChunk chunk = chunks.get(i);
            assertThat(chunk.getStreamId()).isEqualTo(streamId);
            assertThat(chunk.getSeq()).isEqualTo(i);
            assertThat(chunk.getFirstSample()).isEqualTo(next);
            assertThat(chunk.getSampleRate()).isEqualTo(16_000);
            assertThat(chunk.getEndOfStream()).isEqualTo(i == chunks.size() - 1);
            next += chunk.getPcm().size() / 2;
        }
        return next;
    }
}
