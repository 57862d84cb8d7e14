package io.wakestream.wakeword.kafka;

import com.google.protobuf.ByteString;
import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.events.v1.SegmentEndReason;
import io.wakestream.events.v1.TriggerSegment;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.wakeword.config.WakewordMetrics;
import io.wakestream.wakeword.core.Detection;
import io.wakestream.wakeword.core.Segment;
import io.wakestream.wakeword.core.StreamEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the core's events, keyed by stream id, and waits for the broker's acknowledgement so that
 * a chunk's offset is committed only after its events are stored.
 */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, Object> template;
    private final TopicsProperties topics;
    private final WakewordMetrics metrics;

    public EventPublisher(KafkaTemplate<String, Object> template, TopicsProperties topics, WakewordMetrics metrics) {
        this.template = template;
        this.topics = topics;
        this.metrics = metrics;
    }

    public void publish(List<StreamEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] sent = events.stream().map(this::send).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sent).join();
    }

    private CompletableFuture<?> send(StreamEvent event) {
        return switch (event) {
            case Detection detection -> {
                metrics.detection(detection.keyword(), detection.model());
                yield template.send(topics.detections(), detection.streamId(), toProto(detection));
            }
            case Segment segment -> {
                metrics.segment(segment.endReason());
                yield template.send(topics.segments(), segment.streamId(), toProto(segment));
            }
        };
    }

    /** The {@code voice.detections.v1} event of a detection (also what {@code wakestream decide} hands the later stages). */
    public static WakewordDetection toProto(Detection detection) {
        return WakewordDetection.newBuilder()
                .setDetectionId(detection.detectionId())
                .setStreamId(detection.streamId())
                .setKeyword(detection.keyword())
                .setModel(detection.model())
                .setScore(detection.score())
                .setStartSample(detection.startSample())
                .setEndSample(detection.endSample())
                .setTriggerPcm(pcm(detection.triggerPcm()))
                .build();
    }

    /** The {@code voice.segments.v1} event of a segment. */
    public static TriggerSegment toProto(Segment segment) {
        return TriggerSegment.newBuilder()
                .setDetectionId(segment.detectionId())
                .setStreamId(segment.streamId())
                .setPcm(pcm(segment.pcm()))
                .setFirstSample(segment.firstSample())
                .setTriggerEndSample(segment.triggerEndSample())
                .setEndReason(SegmentEndReason.valueOf(segment.endReason().name()))
                .build();
    }

    private static ByteString pcm(short[] samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(samples);
        return ByteString.copyFrom(bytes.array());
    }
}
