package io.wakestream.kws.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.events.v1.KeywordEnrollment;
import io.wakestream.kws.core.Enrollment;
import io.wakestream.kws.core.EnrollmentRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted enrollment topic from its beginning into the {@link EnrollmentRegistry}, then keeps
 * following it, on its own thread and without a consumer group: every instance holds every stream's phrase,
 * so enrollment survives restarts and any instance can verify any stream. Once it has read up to the end
 * offsets it found at start-up it starts the detection listener ({@link DetectionListener#ID}). New partitions
 * of the topic are picked up within {@value #PARTITION_CHECK_SECONDS} s.
 */
@Component
public class EnrollmentFollower implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentFollower.class);
    static final int PARTITION_CHECK_SECONDS = 30;

    private final Map<String, Object> consumerProperties;
    private final String topic;
    private final EnrollmentRegistry registry;
    private final KafkaListenerEndpointRegistry listeners;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile long recordsRead;

    public EnrollmentFollower(KafkaProperties kafka, TopicsProperties topics, EnrollmentRegistry registry,
                              KafkaListenerEndpointRegistry listeners) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "kws-enrollments-" + Integer.toHexString(System.identityHashCode(this)));
        this.consumerProperties = properties;
        this.topic = topics.keywords();
        this.registry = registry;
        this.listeners = listeners;
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

    @Override
    public void start() {
        running = true;
        consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        thread = Thread.ofPlatform().name("kws-enrollments").daemon().start(this::follow);
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread current1 = thread;
        if (current1 != null) {
            try {
                current1.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers (which it starts) and stopped after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
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
                    apply(record);
                }
                if (!caughtUp() && reachedEnd(reader, startEnd)) {
                    caughtUp.countDown();
                    LOG.info("Read {} enrollment records of {} ({} streams enrolled); starting the detection listener",
                            recordsRead, topic, registry.size());
                    startDetectionListener();
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The enrollment reader of {} failed; enrollments are no longer followed", topic, e);
            running = false;
        }
    }

    private Set<TopicPartition> assignNewPartitions(KafkaConsumer<String, byte[]> reader, Set<TopicPartition> assigned) {
        List<PartitionInfo> partitions;
        try {
            partitions = reader.partitionsFor(topic, Duration.ofSeconds(5));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.warn("No metadata for the enrollment topic {} yet ({}); retrying", topic, e.getMessage());
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
            LOG.info("Following enrollment topic {}: {} partitions", topic, assigned.size());
        } else if (assigned.isEmpty()) {
            LOG.warn("Enrollment topic {} does not exist (yet); waiting for it", topic);
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

    private void apply(ConsumerRecord<String, byte[]> record) {
        recordsRead++;
        String streamId = record.key();
        if (streamId == null) {
            LOG.warn("Enrollment record {}-{}@{} has no key; skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            registry.apply(streamId, null, record.offset());
            registry.compact(streamId, record.offset());
            return;
        }
        try {
            KeywordEnrollment enrollment = KeywordEnrollment.parseFrom(record.value());
            registry.apply(streamId, new Enrollment(streamId, enrollment.getPhrase(), enrollment.getPhonemesList(),
                    Instant.ofEpochMilli(enrollment.getUpdatedAtMs())), record.offset());
        } catch (InvalidProtocolBufferException e) {
            LOG.warn("Enrollment record {}-{}@{} is not a KeywordEnrollment ({}); skipped", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }

    private void startDetectionListener() {
        MessageListenerContainer container = listeners.getListenerContainer(DetectionListener.ID);
        if (container != null && !container.isRunning()) {
            container.start();
        }
    }
}
