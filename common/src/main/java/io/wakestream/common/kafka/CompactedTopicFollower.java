package io.wakestream.common.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a (compacted) topic from its beginning, then keeps following it, on its own thread and without a consumer
 * group: every instance sees every record, as a table of the latest value per key needs. Once it has read up to
 * the end offsets it found when it started, it says so ({@link #caughtUp()}) and runs the caught-up action once.
 * New partitions of the topic are picked up within {@value #PARTITION_CHECK_SECONDS} s. A failing record handler
 * stops the reader (logged).
 */
public final class CompactedTopicFollower {

    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicFollower.class);
    static final int PARTITION_CHECK_SECONDS = 30;

    private final Map<String, Object> consumerProperties;
    private final String topic;
    private final String threadName;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final Runnable onCaughtUp;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile long recordsRead;

    /**
     * @param clientProperties the cluster's consumer properties; the group id is dropped, offsets start at the
     *                         earliest and are never committed
     * @param threadName       the reader thread's name, also the client id's prefix
     * @param handler          called for each record, in offset order per partition, on the reader thread
     * @param onCaughtUp       called once on the reader thread, when the topic has been read up to its start-up end
     */
    public CompactedTopicFollower(Map<String, Object> clientProperties, String topic, String threadName,
                                  Consumer<ConsumerRecord<String, byte[]>> handler, Runnable onCaughtUp) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, threadName + "-" + Integer.toHexString(System.identityHashCode(this)));
        this.consumerProperties = properties;
        this.topic = topic;
        this.threadName = threadName;
        this.handler = handler;
        this.onCaughtUp = onCaughtUp;
    }

    /** Whether the topic has been read up to where it ended at start-up. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until {@link #caughtUp()}; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long recordsRead() {
        return recordsRead;
    }

    public String topic() {
        return topic;
    }

    public boolean isRunning() {
        return running;
    }

    public void start() {
        running = true;
        consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        thread = Thread.ofPlatform().name(threadName).daemon().start(this::follow);
    }

    /** Stops reading and waits up to 10 s for the reader thread to end. */
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread reader = thread;
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void follow() {
        try (KafkaConsumer<String, byte[]> reader = consumer) {
            Set<TopicPartition> assigned = new HashSet<>();
            Map<TopicPartition, Long> startEnd = Map.of();
            long nextPartitionCheck = 0;
            while (running) {
                if (System.nanoTime() >= nextPartitionCheck) {
                    Set<TopicPartition> added = assignNewPartitions(reader, assigned);
                    if (!caughtUp() && !added.isEmpty()) {
                        Map<TopicPartition, Long> ends = new HashMap<>(startEnd);
                        ends.putAll(reader.endOffsets(added));
                        startEnd = ends;
                    }
                    nextPartitionCheck = System.nanoTime()
                            + (assigned.isEmpty() ? Duration.ofSeconds(1) : Duration.ofSeconds(PARTITION_CHECK_SECONDS)).toNanos();
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    recordsRead++;
                    handler.accept(record);
                }
                if (!caughtUp() && reachedEnd(reader, startEnd)) {
                    caughtUp.countDown();
                    LOG.info("Read {} records of {} up to where it ended at start-up", recordsRead, topic);
                    onCaughtUp.run();
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The reader of {} failed; the topic is no longer followed", topic, e);
            running = false;
        }
    }

    private Set<TopicPartition> assignNewPartitions(KafkaConsumer<String, byte[]> reader, Set<TopicPartition> assigned) {
        List<PartitionInfo> partitions;
        try {
            partitions = reader.partitionsFor(topic, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.warn("No metadata for topic {} yet ({}); retrying", topic, e.getMessage());
            return Set.of();
        }
        Set<TopicPartition> added = new HashSet<>();
        for (PartitionInfo partition : partitions == null ? List.<PartitionInfo>of() : partitions) {
            TopicPartition tp = new TopicPartition(partition.topic(), partition.partition());
            if (assigned.add(tp)) {
                added.add(tp);
            }
        }
        if (!added.isEmpty()) {
            reader.assign(assigned);
            reader.seekToBeginning(added);
            LOG.info("Following topic {}: {} partitions", topic, assigned.size());
        } else if (assigned.isEmpty()) {
            LOG.warn("Topic {} does not exist (yet); waiting for it", topic);
        }
        return added;
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        if (ends.isEmpty()) {
            return false;
        }
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (reader.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
