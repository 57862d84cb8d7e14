package io.wakestream.cli.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends poison pills to the audio topic beside a load: records that are not an {@code AudioChunk} (a protobuf field
 * whose length runs past the record's end), keyed by the load's stream ids in turn, so that they share the streams'
 * partitions, at a share of all records: {@code share} = pills ÷ (pills + chunks). A service must dead-letter each one
 * as {@code undecodable} and carry on with the stream.
 */
public final class PoisonPills implements Fault, AutoCloseable {

    /** Field 1, length-delimited, of length 2^28 − 1: no AudioChunk parser can read past it. */
    static final byte[] PILL = {0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final StreamPlan plan;
    private final long intervalNanos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param client  the producer's connection settings
     * @param share   pills ÷ all records, above 0 and below 1
     * @param chunkMs the load's chunk interval per stream, in ms
     */
    public PoisonPills(Map<String, Object> client, String topic, StreamPlan plan, double share, int chunkMs) {
        if (share <= 0 || share >= 1) {
            throw new IllegalArgumentException("poison share " + share + ": give a share above 0 and below 1");
        }
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.plan = plan;
        double chunksPerSecond = plan.streams().size() * 1000.0 / chunkMs;
        double pillsPerSecond = chunksPerSecond * share / (1 - share);
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / pillsPerSecond);
    }

    /** Starts sending, evenly spaced, on a thread of its own. */
    @Override
    public void begin() {
        running = true;
        thread = Thread.ofPlatform().name("poison-pills").start(this::send);
    }

    private void send() {
        long next = System.nanoTime();
        int stream = 0;
        while (running) {
            String key = plan.streams().get(stream++ % plan.streams().size()).id();
            producer.send(new ProducerRecord<>(topic, key, PILL), (metadata, failure) -> {
                if (failure != null) {
                    failed.incrementAndGet();
                }
            });
            sent.incrementAndGet();
            next += intervalNanos;
            LockSupport.parkNanos(next - System.nanoTime());
        }
        producer.flush();
    }

    /** Stops sending and returns once every pill sent is acknowledged or failed. */
    @Override
    public void end() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join();
        }
    }

    /** Pills handed to the producer. */
    @Override
    public long poisonSent() {
        return sent.get();
    }

    /** Pills the broker did not acknowledge. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        end();
        producer.close();
    }
}
