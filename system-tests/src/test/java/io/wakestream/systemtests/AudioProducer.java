package io.wakestream.systemtests;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.events.AudioChunks;
import io.wakestream.common.kafka.ProtobufSerializer;
import io.wakestream.events.v1.AudioChunk;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Streams a WAV as a device does: 100 ms {@link AudioChunk}s keyed by stream id, paced at a multiple of real time. */
final class AudioProducer implements AutoCloseable {

    private static final int CHUNK_MS = 100;

    private final KafkaProducer<String, AudioChunk> producer;
    private final String topic;

    AudioProducer(String bootstrap, String topic) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ProtobufSerializer<>());
        this.topic = topic;
    }

    /** One of the samples bundled in common ({@code samples/NAME}), as 16 kHz mono samples. */
    static float[] sample(String name) throws IOException {
        try (InputStream in = AudioProducer.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IOException("no sample samples/" + name + " on the class path (wakestream-common)");
            }
            return Mono16k.read(in);
        }
    }

    /** Sends {@code samples} as stream {@code streamId} and returns once the broker acknowledged every chunk. */
    void stream(String streamId, float[] samples, double speed) throws InterruptedException, ExecutionException {
        long chunkNanos = (long) (CHUNK_MS * 1_000_000L / speed);
        for (AudioChunk chunk : AudioChunks.split(streamId, samples, AudioChunks.SAMPLE_RATE * CHUNK_MS / 1000)) {
            producer.send(new ProducerRecord<>(topic, streamId, chunk.toBuilder().setCapturedAtMs(System.currentTimeMillis()).build()));
            Thread.sleep(chunkNanos / 1_000_000L, (int) (chunkNanos % 1_000_000L));
        }
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
