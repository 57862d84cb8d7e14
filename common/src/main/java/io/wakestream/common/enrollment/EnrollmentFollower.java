package io.wakestream.common.enrollment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wakestream.common.kafka.CompactedTopicFollower;
import io.wakestream.common.kafka.TopicsProperties;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Reads the compacted enrollment topic from its beginning into an {@link EnrollmentRegistry}, then keeps
 * following it ({@link CompactedTopicFollower}: without a consumer group, so every instance holds every stream's
 * phrase, enrollment survives restarts and any instance can serve any stream). Once it has read up to the end
 * offsets it found at start-up it starts the service's listener that needs the enrollments (declared with
 * {@code autoStartup = "false"}): kws-service's detection listener, wakeword-service's audio listener. A service
 * declares it as a bean. Once caught up, each record's delay from its timestamp (when the enrollment API produced it)
 * to when this instance applied it is timed in {@code wakestream.enrollment.apply.delay}: how long a new phrase
 * takes to reach the stage.
 */
public class EnrollmentFollower implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentFollower.class);

    private final CompactedTopicFollower follower;
    private final Timer applyDelay;

    /**
     * @param listenerId the id of the {@code @KafkaListener} to start once caught up
     * @param threadName the reader thread's name
     */
    public EnrollmentFollower(KafkaProperties kafka, TopicsProperties topics, EnrollmentRegistry registry,
                              KafkaListenerEndpointRegistry listeners, String listenerId, String threadName,
                              MeterRegistry meters) {
        this.applyDelay = Timer.builder("wakestream.enrollment.apply.delay")
                .description("From an enrollment record's timestamp to this instance applying it (after start-up)")
                .publishPercentileHistogram().register(meters);
        this.follower = new CompactedTopicFollower(kafka.buildConsumerProperties(), topics.keywords(), threadName,
                record -> apply(registry, record), () -> {
                    LOG.info("{} streams enrolled; starting listener {}", registry.size(), listenerId);
                    MessageListenerContainer container = listeners.getListenerContainer(listenerId);
                    if (container != null && !container.isRunning()) {
                        container.start();
                    }
                });
    }

    private void apply(EnrollmentRegistry registry, ConsumerRecord<String, byte[]> record) {
        EnrollmentRecords.apply(registry, record);
        if (follower.caughtUp() && record.timestampType() == TimestampType.CREATE_TIME) {
            applyDelay.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - record.timestamp())));
        }
    }

    /** Whether the topic has been read up to where it ended at start-up. */
    public boolean caughtUp() {
        return follower.caughtUp();
    }

    /** Waits until {@link #caughtUp()}; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    public long recordsRead() {
        return follower.recordsRead();
    }

    public String topic() {
        return follower.topic();
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }

    /** Before the listener containers (which it starts) and stopped after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
