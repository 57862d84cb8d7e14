package io.wakestream.cli.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the detections and decisions that come back, from the topics' ends as they were when it started, on its own
 * thread ({@link TopicReader}: no consumer group), into a {@link DetectionLedger}.
 */
public final class ResultConsumer implements AutoCloseable {

    private final String detectionsTopic;
    private final DetectionLedger ledger;
    private final TopicReader reader;

    /**
     * Positions itself at the topics' ends (a topic that does not exist is left out) and starts reading.
     *
     * @param client          the consumer's connection settings
     * @param detectionsTopic the detections topic
     * @param decisionsTopic  the decisions topic
     */
    public ResultConsumer(Map<String, Object> client, String detectionsTopic, String decisionsTopic, DetectionLedger ledger) {
        this.detectionsTopic = detectionsTopic;
        this.ledger = ledger;
        this.reader = new TopicReader(client, false, List.of(detectionsTopic, decisionsTopic), "bench-results", this::take);
    }

    private void take(ConsumerRecord<String, byte[]> record, long receivedAt) throws InvalidProtocolBufferException {
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(detectionsTopic)) {
            WakewordDetection detection = WakewordDetection.parseFrom(record.value());
            ledger.detection(detection.getStreamId(), detection.getDetectionId(), detection.getModel(),
                    detection.getEndSample(), record.timestamp(), receivedAt);
        } else {
            TriggerDecision decision = TriggerDecision.parseFrom(record.value());
            ledger.decision(decision.getStreamId(), decision.getDetectionId(), decision.getAccepted(), record.timestamp());
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
