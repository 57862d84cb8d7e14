package io.wakestream.asr.kafka;

import io.wakestream.asr.config.AsrMetrics;
import io.wakestream.common.events.RecentIds;
import io.wakestream.asr.core.Recognition;
import io.wakestream.asr.core.SegmentRecognizer;
import io.wakestream.events.v1.TriggerSegment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Decodes each segment of {@code voice.segments.v1} into a word lattice and publishes it on
 * {@code voice.lattices.v1}. Idempotent on the detection id: a redelivery of a recently decoded segment is
 * counted ({@code wakestream.asr.segments{outcome=duplicate}}) and skipped. Invalid records go to the
 * dead-letter topic through the container's error handler.
 */
@Component
public class SegmentListener {

    /** The listener container's id. */
    public static final String ID = "asr-segments";

    private final SegmentDecoder decoder;
    private final SegmentRecognizer recognizer;
    private final RecentIds recent;
    private final LatticePublisher publisher;
    private final AsrMetrics metrics;

    public SegmentListener(SegmentDecoder decoder, SegmentRecognizer recognizer, RecentIds recent,
                           LatticePublisher publisher, AsrMetrics metrics) {
        this.decoder = decoder;
        this.recognizer = recognizer;
        this.recent = recent;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    // The id names the container only: the consumer group is spring.kafka.consumer.group-id (KEDA scales on it).
    @KafkaListener(id = ID, idIsGroup = false, topics = "${wakestream.topics.segments:voice.segments.v1}")
    public void onSegment(ConsumerRecord<String, TriggerSegment> record) {
        SegmentInput segment = decoder.decode(record.key(), record.value());
        if (recent.contains(segment.detectionId())) {
            metrics.duplicate();
            return;
        }
        Recognition recognition = recognizer.recognizePcm16(segment.pcm());
        publisher.publish(segment, recognition);
        recent.add(segment.detectionId());
        metrics.recognized(recognition);
    }
}
