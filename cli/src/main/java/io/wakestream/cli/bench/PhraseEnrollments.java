package io.wakestream.cli.bench;

import io.wakestream.common.kafka.ProtobufSerializer;
import io.wakestream.events.v1.KeywordEnrollment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Enrolls {@link BenchAudio#ENROLLED_PHRASE} for a step's enrolled streams by writing the records kws-service's
 * enrollment API writes to the compacted keywords topic, and deletes them (tombstones) when the step ends, so that the
 * services' enrollment tables do not grow with every run.
 */
final class PhraseEnrollments implements AutoCloseable {

    /**
     * How long a step waits after enrolling before its audio starts: the services apply an enrollment when their
     * follower reads it (within a second when they keep up), and the first chunks must already go to the spotter.
     */
    static final Duration APPLY_WAIT = Duration.ofSeconds(2);

    private final KafkaProducer<String, KeywordEnrollment> producer;
    private final String topic;
    private final List<String> streamIds;

    private PhraseEnrollments(KafkaProducer<String, KeywordEnrollment> producer, String topic, List<String> streamIds) {
        this.producer = producer;
        this.topic = topic;
        this.streamIds = streamIds;
    }

    /**
     * Enrolls the plan's enrolled streams, each acknowledged by the broker, then waits {@link #APPLY_WAIT}; does
     * nothing (and waits not) when the plan has none.
     *
     * @throws Exception if the broker does not acknowledge an enrollment
     */
    static PhraseEnrollments enroll(Map<String, Object> client, String topic, StreamPlan plan) throws Exception {
        List<String> ids = plan.streams().stream().filter(StreamPlan.Stream::enrolled).map(StreamPlan.Stream::id).toList();
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<String, KeywordEnrollment> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ProtobufSerializer<>());
        PhraseEnrollments enrollments = new PhraseEnrollments(producer, topic, ids);
        long now = System.currentTimeMillis();
        for (String id : ids) {
            producer.send(new ProducerRecord<>(topic, id, KeywordEnrollment.newBuilder().setStreamId(id)
                    .setPhrase(BenchAudio.ENROLLED_PHRASE).setUpdatedAtMs(now).build())).get(30, TimeUnit.SECONDS);
        }
        if (!ids.isEmpty()) {
            Thread.sleep(APPLY_WAIT.toMillis());
        }
        return enrollments;
    }

    @Override
    public void close() {
        for (String id : streamIds) {
            producer.send(new ProducerRecord<>(topic, id, null));
        }
        producer.close(Duration.ofSeconds(30));
    }
}
