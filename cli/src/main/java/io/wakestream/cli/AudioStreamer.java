package io.wakestream.cli;

import io.wakestream.common.events.AudioChunks;
import io.wakestream.common.kafka.ProtobufSerializer;
import io.wakestream.events.v1.AudioChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces a clip to the audio topic as a device would: fixed-size chunks, paced at a multiple of real time. */
final class AudioStreamer implements AutoCloseable {

    private final KafkaProducer<String, AudioChunk> producer;
    private final String bootstrap;
    private final String topic;
    private final TopicWait wait;

    AudioStreamer(String bootstrap, String topic) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, TopicWait.DEFAULT);
    }

    /** @param client the producer's connection settings: {@code bootstrap.servers} and any security settings */
    AudioStreamer(Map<String, Object> client, String topic, TopicWait wait) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // One metadata attempt's wait; awaitTopic() tries again rather than waiting for minutes at once.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) wait.timeout().toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ProtobufSerializer<>());
        this.bootstrap = String.valueOf(client.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.topic = topic;
        this.wait = wait;
    }

    /**
     * Waits until the topic's partitions are known, trying {@link TopicWait#attempts()} times; each failed
     * attempt is reported to {@code onFailedAttempt}. A {@link UserError} saying what was tried when none
     * succeeds.
     */
    void awaitTopic(Consumer<String> onFailedAttempt) {
        for (int attempt = 1; attempt <= wait.attempts(); attempt++) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (TimeoutException e) {
                onFailedAttempt.accept("attempt " + attempt + " of " + wait.attempts() + ": topic " + topic
                        + " not in the metadata of " + bootstrap + " after " + wait.timeout().toMillis() + " ms"
                        + (attempt < wait.attempts() ? "; trying again" : ""));
            }
        }
        throw new UserError("topic " + topic + " did not appear in the metadata of " + bootstrap + ": tried "
                + wait.attempts() + " time(s), waiting " + wait.timeout().toMillis() + " ms each. Check that a broker "
                + "runs there (wakestream up, or --bootstrap) and that the topic exists; on a busy machine raise "
                + "--metadata-timeout or --metadata-attempts");
    }

    /**
     * Sends {@code samples} (16 kHz mono) as one stream and returns the number of chunks sent, once the
     * broker has acknowledged all of them.
     */
    int stream(String streamId, float[] samples, int chunkMs, double speed)
            throws InterruptedException, ExecutionException {
        List<AudioChunk> chunks = AudioChunks.split(streamId, samples, AudioChunks.SAMPLE_RATE * chunkMs / 1000);
        List<Future<RecordMetadata>> sent = new ArrayList<>(chunks.size());
        long start = System.nanoTime();
        for (int seq = 0; seq < chunks.size(); seq++) {
            AudioChunk chunk = chunks.get(seq).toBuilder().setCapturedAtMs(System.currentTimeMillis()).build();
            Future<RecordMetadata> acknowledgement = producer.send(new ProducerRecord<>(topic, streamId, chunk));
            if (acknowledgement.isDone()) {
                acknowledgement.get(); // a send that failed at once (no broker): stop here, not after every chunk
            }
            sent.add(acknowledgement);
            long waitNanos = start + (long) ((seq + 1) * chunkMs * 1_000_000L / speed) - System.nanoTime();
            if (waitNanos > 0) {
                Thread.sleep(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
            }
        }
        producer.flush();
        for (Future<RecordMetadata> acknowledgement : sent) {
            acknowledgement.get();
        }
        return chunks.size();
    }

    @Override
    public void close() {
        producer.close();
    }
}
