package io.wakestream.cli.bench;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.kafka.ProtobufSerializer;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.AudioEncoding;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends a {@link StreamPlan}'s streams to the audio topic at real time from one thread: every {@code chunkMs} each
 * stream's next chunk, the streams' send times spread evenly over the tick, each chunk keyed by its stream id. A
 * stream's last chunk says {@code end_of_stream}. The PCM is the plan's pre-encoded loops, shared, not copied.
 */
public final class LoadGenerator implements AutoCloseable {

    private final KafkaProducer<String, AudioChunk> producer;
    private final String topic;
    private final StreamPlan plan;
    private final ProduceLog log;
    private final long chunkNanos;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Callback acknowledged = this::acknowledged;
    private long sent;
    private long maxLateNanos;

    /**
     * @param producerSettings the producer's settings, connection included
     * @param topic            the audio topic
     * @param chunkMs          milliseconds of audio per chunk, and between two chunks of a stream
     */
    public LoadGenerator(Map<String, Object> producerSettings, String topic, StreamPlan plan, ProduceLog log, int chunkMs) {
        this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new ProtobufSerializer<>());
        this.topic = topic;
        this.plan = plan;
        this.log = log;
        this.chunkNanos = TimeUnit.MILLISECONDS.toNanos(chunkMs);
    }

    /** Sends every stream's chunks at real time; returns once the last one is sent and the producer flushed. */
    public void run() {
        int streams = plan.streams().size();
        int chunkSamples = plan.chunkSamples();
        AudioChunk.Builder chunk = AudioChunk.newBuilder().setSampleRate(Mono16k.SAMPLE_RATE).setEncoding(AudioEncoding.PCM_S16LE);
        long start = System.nanoTime();
        for (int seq = 0; seq < plan.chunksPerStream(); seq++) {
            boolean last = seq == plan.chunksPerStream() - 1;
            for (int i = 0; i < streams; i++) {
                long due = start + seq * chunkNanos + i * chunkNanos / streams;
                long early = due - System.nanoTime();
                if (early > 0) {
                    LockSupport.parkNanos(early);
                } else {
                    maxLateNanos = Math.max(maxLateNanos, -early);
                }
                StreamPlan.Stream stream = plan.streams().get(i);
                var loop = stream.loop().chunks();
                long now = System.currentTimeMillis();
                chunk.setStreamId(stream.id())
                        .setSeq(seq)
                        .setFirstSample((long) seq * chunkSamples)
                        .setPcm(loop.get((seq + stream.phaseChunks()) % loop.size()))
                        .setEndOfStream(last)
                        .setCapturedAtMs(now);
                log.produced(i, seq, now);
                producer.send(new ProducerRecord<>(topic, stream.id(), chunk.build()), acknowledged);
                sent++;
            }
        }
        producer.flush();
    }

    private void acknowledged(RecordMetadata metadata, Exception failure) {
        if (failure != null) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, failure);
        }
    }

    /** Chunks handed to the producer. */
    public long sent() {
        return sent;
    }

    /** Chunks the broker did not acknowledge. */
    public long failed() {
        return failed.get();
    }

    /** The first failed send's error, or null. */
    public Exception firstFailure() {
        return firstFailure.get();
    }

    /** How far behind its schedule the generator sent its latest chunk, at worst, in milliseconds. */
    public double maxLateMs() {
        return maxLateNanos / 1e6;
    }

    @Override
    public void close() {
        producer.close();
    }
}
