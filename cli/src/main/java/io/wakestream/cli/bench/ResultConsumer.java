package io.wakestream.cli.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the detections and decisions that come back, from the topics' ends as they were when it started, on its own
 * thread, into a {@link DetectionLedger}. It takes every partition itself (no consumer group), so it commits nothing
 * and disturbs no service's group.
 */
public final class ResultConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String detectionsTopic;
    private final DetectionLedger ledger;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    /**
     * Positions itself at the topics' ends (a topic that does not exist is left out) and starts reading.
     *
     * @param client          the consumer's connection settings
     * @param detectionsTopic the detections topic
     * @param decisionsTopic  the decisions topic
     */
    public ResultConsumer(Map<String, Object> client, String detectionsTopic, String decisionsTopic, DetectionLedger ledger) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        this.detectionsTopic = detectionsTopic;
        this.ledger = ledger;
        TopicEnds.assignAtEnd(consumer, List.of(detectionsTopic, decisionsTopic));
        this.thread = Thread.ofPlatform().name("bench-results").start(this::read);
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long receivedAt = System.currentTimeMillis();
                    if (record.value() == null) {
                        continue;
                    }
                    if (record.topic().equals(detectionsTopic)) {
                        WakewordDetection detection = WakewordDetection.parseFrom(record.value());
                        ledger.detection(detection.getStreamId(), detection.getDetectionId(), detection.getModel(),
                                detection.getEndSample(), record.timestamp(), receivedAt);
                    } else {
                        TriggerDecision decision = TriggerDecision.parseFrom(record.value());
                        ledger.decision(decision.getStreamId(), decision.getDetectionId(), decision.getAccepted(),
                                record.timestamp());
                    }
                }
            }
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            failure = e;
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
