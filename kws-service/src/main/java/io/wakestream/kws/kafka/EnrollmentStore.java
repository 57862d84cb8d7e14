package io.wakestream.kws.kafka;

import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.events.v1.KeywordEnrollment;
import io.wakestream.kws.config.KwsProperties;
import io.wakestream.common.enrollment.Enrollment;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Enrollment changes made through the API: each is stored in the compacted enrollment topic (keyed by stream
 * id; a removal is a tombstone), and applied to this instance's registry once Kafka has acknowledged it, so
 * that the caller's next read here sees it. Other instances see it when their {@link io.wakestream.common.enrollment.EnrollmentFollower} reads it.
 */
@Component
public class EnrollmentStore {

    /** Kafka did not acknowledge a change in time, or refused it. */
    public static final class StoreUnavailableException extends RuntimeException {
        StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KafkaTemplate<String, Object> template;
    private final String topic;
    private final EnrollmentRegistry registry;
    private final Duration timeout;
    private final Clock clock;

    public EnrollmentStore(KafkaTemplate<String, Object> template, TopicsProperties topics, EnrollmentRegistry registry,
                           KwsProperties properties) {
        this.template = template;
        this.topic = topics.keywords();
        this.registry = registry;
        this.timeout = properties.enrollmentTimeout();
        this.clock = Clock.systemUTC();
    }

    /** Stores {@code phrase} with its {@code phones} as the stream's enrollment; returns it once acknowledged. */
    public Enrollment put(String streamId, String phrase, List<String> phones) {
        Enrollment enrollment = new Enrollment(streamId, phrase, phones, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        KeywordEnrollment record = KeywordEnrollment.newBuilder()
                .setStreamId(streamId)
                .setPhrase(phrase)
                .addAllPhonemes(phones)
                .setUpdatedAtMs(enrollment.updatedAt().toEpochMilli())
                .build();
        long offset = send(streamId, record);
        registry.apply(streamId, enrollment, offset);
        return enrollment;
    }

    /** Stores a tombstone for the stream; returns once acknowledged. */
    public void delete(String streamId) {
        long offset = send(streamId, null);
        registry.apply(streamId, null, offset);
    }

    public Optional<Enrollment> get(String streamId) {
        return registry.get(streamId);
    }

    private long send(String streamId, Object value) {
        try {
            SendResult<String, Object> result = template.send(topic, streamId, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return result.getRecordMetadata().offset();
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not acknowledge the enrollment within " + timeout, e);
        } catch (ExecutionException e) {
            throw new StoreUnavailableException("Kafka refused the enrollment: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while storing the enrollment", e);
        }
    }

}
