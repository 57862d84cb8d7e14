package io.wakestream.kws.kafka;

import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.kws.core.Verification;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a verdict on the verifications topic, keyed by stream id, and waits for the broker's
 * acknowledgement so that the detection's offset is committed only after its verification is stored.
 */
@Component
public class VerificationPublisher {

    private final KafkaTemplate<String, Object> template;
    private final TopicsProperties topics;

    public VerificationPublisher(KafkaTemplate<String, Object> template, TopicsProperties topics) {
        this.template = template;
        this.topics = topics;
    }

    public void publish(DetectionInput detection, Verification verification) {
        template.send(topics.verifications(), detection.streamId(), toProto(detection, verification)).join();
    }

    /** The {@code voice.verifications.v1} event of a verdict (also what {@code wakestream decide} hands the decision). */
    public static KeywordVerification toProto(DetectionInput detection, Verification verification) {
        return KeywordVerification.newBuilder()
                .setDetectionId(detection.detectionId())
                .setPhrase(verification.phrase())
                .addAllPhonemes(verification.phones())
                .setScore((float) verification.score())
                .setAccepted(verification.accepted())
                .setModel(verification.model())
                .build();
    }
}
