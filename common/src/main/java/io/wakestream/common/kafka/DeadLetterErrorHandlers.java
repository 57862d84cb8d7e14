package io.wakestream.common.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The listener error handler every service uses: undecodable and invalid records go straight to
 * {@code <topic>-dlt} with a reason header; other failures are retried twice first. A record is
 * never dropped silently and never blocks its partition.
 */
public final class DeadLetterErrorHandlers {

    static final String PROCESSING_FAILED = "processing_failed";

    private DeadLetterErrorHandlers() {
    }

    public static DefaultErrorHandler create(KafkaOperations<?, ?> template, TopicsProperties topics,
                                             DeadLetterListener listener) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(topics.deadLetter(record.topic()), -1));
        publisher.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(new RecordHeader(DeadLetterHeaders.REASON, utf8(reason(failure))));
            headers.add(new RecordHeader(DeadLetterHeaders.MESSAGE, utf8(message(failure))));
            return headers;
        });
        ConsumerRecordRecoverer counted = (ConsumerRecord<?, ?> record, Exception failure) -> {
            publisher.accept(record, failure);
            listener.deadLettered(record.topic(), reason(failure));
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(counted, new FixedBackOff(200L, 2L));
        handler.addNotRetryableExceptions(InvalidRecordException.class);
        return handler;
    }

    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException) {
                return DeadLetterHeaders.UNDECODABLE;
            }
            if (cause instanceof InvalidRecordException invalid) {
                return invalid.reason();
            }
        }
        return PROCESSING_FAILED;
    }

    private static String message(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeserializationException undecodable) {
                // Its own message is generic; the deserializer's says what could not be parsed.
                return String.valueOf((undecodable.getCause() != null ? undecodable.getCause() : undecodable).getMessage());
            }
            if (cause instanceof InvalidRecordException invalid) {
                return invalid.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
