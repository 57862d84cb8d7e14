package io.wakestream.cli;

import io.wakestream.common.events.AudioChunks;
import io.wakestream.common.kafka.ProtobufSerializer;
import io.wakestream.events.v1.AudioChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces a clip to the audio topic as a device would: fixed-size chunks, paced at a multiple of real time. */
final class AudioStreamer implements AutoCloseable {

    private final KafkaProducer<String, AudioChunk> producer;
    private final String topic;

    AudioStreamer(String bootstrap, String topic) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // Fail within seconds, not minutes, when the broker cannot be reached.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new ProtobufSerializer<>());
        this.topic = topic;
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
