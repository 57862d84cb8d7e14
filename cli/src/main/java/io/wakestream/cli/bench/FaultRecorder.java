package io.wakestream.cli.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wakestream.common.kafka.DeadLetterHeaders;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads what comes back during a fault scenario into a {@link FaultLedger}: detections, decisions and every
 * dead-letter topic, from their ends as they were when it started, on its own thread ({@link TopicReader}: no
 * consumer group). It reads committed records only, as a consumer of the decisions topic must (ftm-service writes it
 * in transactions), and rides out a broker restart (the client reconnects).
 */
public final class FaultRecorder implements AutoCloseable {

    private final String detectionsTopic;
    private final String decisionsTopic;
    private final FaultLedger ledger;
    private final TopicReader reader;

    /**
     * @param client            the consumer's connection settings
     * @param deadLetterTopics  the dead-letter topics to count; one that does not exist is left out
     */
    public FaultRecorder(Map<String, Object> client, String detectionsTopic, String decisionsTopic,
                         List<String> deadLetterTopics, FaultLedger ledger) {
        this.detectionsTopic = detectionsTopic;
        this.decisionsTopic = decisionsTopic;
        this.ledger = ledger;
        List<String> topics = new ArrayList<>(List.of(detectionsTopic, decisionsTopic));
        topics.addAll(deadLetterTopics);
        this.reader = new TopicReader(client, true, topics, "faults-recorder", this::take);
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
        reader.close();
    }
}
