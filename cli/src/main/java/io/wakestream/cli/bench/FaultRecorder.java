package io.wakestream.cli.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wakestream.common.kafka.DeadLetterHeaders;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what comes back during a fault scenario into a {@link FaultLedger}: detections, decisions and every
 * dead-letter topic, from their ends as they were when it started, on its own thread. Like {@link ResultConsumer} it
 * takes the partitions itself (no consumer group); it reads committed records only, as a consumer of the decisions
 * topic must (ftm-service writes it in transactions), and rides out a broker restart (the client reconnects).
 */
public final class FaultRecorder implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String detectionsTopic;
    private final String decisionsTopic;
    private final FaultLedger ledger;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    /**
     * @param client            the consumer's connection settings
     * @param deadLetterTopics  the dead-letter topics to count; one that does not exist is left out
     */
    public FaultRecorder(Map<String, Object> client, String detectionsTopic, String decisionsTopic,
                         List<String> deadLetterTopics, FaultLedger ledger) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        this.detectionsTopic = detectionsTopic;
        this.decisionsTopic = decisionsTopic;
        this.ledger = ledger;
        List<String> topics = new ArrayList<>(List.of(detectionsTopic, decisionsTopic));
        topics.addAll(deadLetterTopics);
        TopicEnds.assignAtEnd(consumer, topics);
        this.thread = Thread.ofPlatform().name("faults-recorder").start(this::read);
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    take(record, System.currentTimeMillis());
                }
            }
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            failure = e;
        }
    }

    private void take(ConsumerRecord<String, byte[]> record, long receivedAt) throws InvalidProtocolBufferException {
        if (record.topic().equals(detectionsTopic)) {
            if (record.value() != null) {
                WakewordDetection detection = WakewordDetection.parseFrom(record.value());
                ledger.detection(detection.getStreamId(), detection.getDetectionId(), detection.getModel(),
                        detection.getEndSample(), record.timestamp(), receivedAt);
            }
        } else if (record.topic().equals(decisionsTopic)) {
            if (record.value() != null) {
                TriggerDecision decision = TriggerDecision.parseFrom(record.value());
                ledger.decision(decision.getStreamId(), decision.getDetectionId(), decision.getAccepted(),
                        decision.getDegraded(), receivedAt);
            }
        } else {
            Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
            ledger.deadLetter(record.topic(), record.key(),
                    reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Stops reading and returns once the reader has stopped; the ledger is then complete.
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
