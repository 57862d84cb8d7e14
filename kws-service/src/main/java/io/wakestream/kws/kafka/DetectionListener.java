package io.wakestream.kws.kafka;

import io.wakestream.common.kafka.InvalidRecordException;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.kws.config.KwsMetrics;
import io.wakestream.common.enrollment.Enrollment;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import io.wakestream.kws.core.KeywordVerifier;
import io.wakestream.common.events.RecentIds;
import io.wakestream.kws.core.Verification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Verifies each detection of {@code voice.detections.v1} against its stream's phrase (the enrolled one, else
 * the detection's keyword) and publishes the verdict. Idempotent on the detection id: a redelivery of a
 * recently verified detection is counted and skipped. Started by {@link io.wakestream.common.enrollment.EnrollmentFollower} once the
 * enrollments are read, so that no detection is verified against a phrase about to be replaced.
 */
@Component
public class DetectionListener {

    /** The listener container's id. */
    public static final String ID = "kws-detections";

    static final String MISSING_KEYWORD = "missing_keyword";
    static final String UNPRONOUNCEABLE_KEYWORD = "unpronounceable_keyword";

    private final DetectionDecoder decoder;
    private final KeywordVerifier verifier;
    private final EnrollmentRegistry enrollments;
    private final RecentIds recent;
    private final VerificationPublisher publisher;
    private final KwsMetrics metrics;

    public DetectionListener(DetectionDecoder decoder, KeywordVerifier verifier, EnrollmentRegistry enrollments,
                             RecentIds recent, VerificationPublisher publisher, KwsMetrics metrics) {
        this.decoder = decoder;
        this.verifier = verifier;
        this.enrollments = enrollments;
        this.recent = recent;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @KafkaListener(id = ID, topics = "${wakestream.topics.detections:voice.detections.v1}", autoStartup = "false")
    public void onDetection(ConsumerRecord<String, WakewordDetection> record) {
        DetectionInput detection = decoder.decode(record.key(), record.value());
        if (recent.contains(detection.detectionId())) {
            metrics.duplicate();
            return;
        }
        String phrase = enrollments.get(detection.streamId()).map(Enrollment::phrase).orElse(detection.keyword());
        if (phrase.isBlank()) {
            throw new InvalidRecordException(MISSING_KEYWORD, "detection " + detection.detectionId()
                    + " has no keyword and stream " + detection.streamId() + " no enrolled phrase");
        }
        Verification verification;
        try {
            verification = metrics.verificationTime().record(() -> verifier.verify(detection.triggerPcm(), phrase));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(UNPRONOUNCEABLE_KEYWORD, "cannot verify '" + phrase + "': " + e.getMessage());
        }
        publisher.publish(detection, verification);
        recent.add(detection.detectionId());
        metrics.verified(verification);
    }
}
