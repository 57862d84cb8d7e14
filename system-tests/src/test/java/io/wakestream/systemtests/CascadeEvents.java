package io.wakestream.systemtests;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the detections and decisions topics from the start, keeping the events of the streams whose id starts
 * with a prefix. Reads committed records only: ftm-service writes decisions in transactions, and a transaction
 * aborted by a killed instance must not count as a decision.
 */
final class CascadeEvents implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String detectionsTopic;
    private final String streamPrefix;
    private final List<WakewordDetection> detections = new ArrayList<>();
    private final List<TriggerDecision> decisions = new ArrayList<>();

    CascadeEvents(String bootstrap, String detectionsTopic, String decisionsTopic, String streamPrefix) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(detectionsTopic, decisionsTopic));
        this.detectionsTopic = detectionsTopic;
        this.streamPrefix = streamPrefix;
    }

    /** Reads what arrived within {@code wait}; call from one thread only. */
    void poll(Duration wait) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
            if (record.key() == null || !record.key().startsWith(streamPrefix)) {
                continue;
            }
            try {
                if (record.topic().equals(detectionsTopic)) {
                    detections.add(WakewordDetection.parseFrom(record.value()));
                } else {
                    decisions.add(TriggerDecision.parseFrom(record.value()));
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("undecodable event on " + record.topic() + " at offset " + record.offset(), e);
            }
        }
    }

    /** The distinct detection ids seen (a redelivered detection repeats its id). */
    Set<String> detectionIds() {
        return detections.stream().map(WakewordDetection::getDetectionId).collect(Collectors.toCollection(HashSet::new));
    }

    /** How many decisions were seen for each detection id. */
    Map<String, Long> decisionsPerDetection() {
        return decisions.stream().collect(Collectors.groupingBy(TriggerDecision::getDetectionId, Collectors.counting()));
    }

    /** Whether at least one detection was seen and every detection seen has a decision. */
    boolean everyDetectionDecided() {
        Set<String> detected = detectionIds();
        return !detected.isEmpty() && decisionsPerDetection().keySet().containsAll(detected);
    }

    int decisionCount() {
        return decisions.size();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
