package io.wakestream.asr.kafka;

import io.wakestream.asr.core.Recognition;
import io.wakestream.common.kafka.TopicsProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a segment's lattice on the lattices topic, keyed by stream id, and waits for the broker's
 * acknowledgement so that the segment's offset is committed only after its lattice is stored.
 */
@Component
public class LatticePublisher {

    private final KafkaTemplate<String, Object> template;
    private final TopicsProperties topics;

    public LatticePublisher(KafkaTemplate<String, Object> template, TopicsProperties topics) {
        this.template = template;
        this.topics = topics;
    }

    public void publish(SegmentInput segment, Recognition recognition) {
        template.send(topics.lattices(), segment.streamId(), recognition.toProto(segment.detectionId())).join();
    }
}
