package io.wakestream.common.enrollment;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wakestream.events.v1.KeywordEnrollment;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies records of the compacted enrollment topic ({@code voice.keywords.v1}: key stream id, value a
 * {@link KeywordEnrollment}, a tombstone removes) to an {@link EnrollmentRegistry}. A record without key or with
 * an undecodable value is logged and skipped: the topic is written by the enrollment API alone.
 */
public final class EnrollmentRecords {

    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentRecords.class);

    private EnrollmentRecords() {
    }

    /** @return whether the record changed the registry */
    public static boolean apply(EnrollmentRegistry registry, ConsumerRecord<String, byte[]> record) {
        String streamId = record.key();
        if (streamId == null) {
            LOG.warn("Enrollment record {}-{}@{} has no key; skipped", record.topic(), record.partition(), record.offset());
            return false;
        }
        if (record.value() == null) {
            boolean changed = registry.apply(streamId, null, record.offset());
            registry.compact(streamId, record.offset());
            return changed;
        }
        try {
            KeywordEnrollment enrollment = KeywordEnrollment.parseFrom(record.value());
            return registry.apply(streamId, new Enrollment(streamId, enrollment.getPhrase(), enrollment.getPhonemesList(),
                    Instant.ofEpochMilli(enrollment.getUpdatedAtMs())), record.offset());
        } catch (InvalidProtocolBufferException e) {
            LOG.warn("Enrollment record {}-{}@{} is not a KeywordEnrollment ({}); skipped", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return false;
        }
    }
}
