package io.wakestream.common.enrollment;

import io.wakestream.common.kafka.CompactedTopicFollower;
import io.wakestream.common.kafka.TopicsProperties;
import java.time.Duration;
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
 * declares it as a bean.
 */
public class EnrollmentFollower implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentFollower.class);

    private final CompactedTopicFollower follower;

    /**
     * @param listenerId the id of the {@code @KafkaListener} to start once caught up
     * @param threadName the reader thread's name
     */
    public EnrollmentFollower(KafkaProperties kafka, TopicsProperties topics, EnrollmentRegistry registry,
                              KafkaListenerEndpointRegistry listeners, String listenerId, String threadName) {
        this.follower = new CompactedTopicFollower(kafka.buildConsumerProperties(), topics.keywords(), threadName,
                record -> EnrollmentRecords.apply(registry, record), () -> {
                    LOG.info("{} streams enrolled; starting listener {}", registry.size(), listenerId);
                    MessageListenerContainer container = listeners.getListenerContainer(listenerId);
                    if (container != null && !container.isRunning()) {
                        container.start();
                    }
                });
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
