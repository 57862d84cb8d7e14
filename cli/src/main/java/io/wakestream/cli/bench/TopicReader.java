package io.wakestream.cli.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A benchmark's reader of what comes back: every partition of its topics, from their ends as they were when it was
 * created, on its own thread, each record handed to a {@link Handler}. It takes the partitions itself (no consumer
 * group), so it commits nothing and disturbs no service's group.
 */
final class TopicReader implements AutoCloseable {

    /** Takes one record; {@code receivedAtMs} is when the poll returned it (epoch ms). */
    @FunctionalInterface
    interface Handler {
        void take(ConsumerRecord<String, byte[]> record, long receivedAtMs) throws InvalidProtocolBufferException;
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    /**
     * Positions itself at the topics' ends now, before any load starts, and starts reading.
     *
     * @param client        the consumer's connection settings
     * @param readCommitted read committed records only (a topic written in transactions), else every record
     * @param topics        the topics; one that does not exist is left out
     * @param threadName    the reading thread's name
     * @throws org.apache.kafka.common.KafkaException if the partitions or their ends cannot be read
     */
    TopicReader(Map<String, Object> client, boolean readCommitted, List<String> topics, String threadName, Handler handler) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (readCommitted) {
            settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        }
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        this.handler = handler;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // seekToEnd is lazy: resolve "end" now, before the load starts
        this.thread = Thread.ofPlatform().name(threadName).start(this::read);
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    handler.take(record, System.currentTimeMillis());
                }
            }
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            failure = e;
        }
    }

    /**
     * Stops reading and returns once the reader has stopped; every record read has then been handled.
     *
     * @throws IllegalStateException if reading failed
     */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        consumer.close();
        if (failure != null) {
            throw new IllegalStateException("reading the results failed: " + failure.getMessage(), failure);
        }
    }
}
