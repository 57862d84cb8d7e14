package io.wakestream.kws.web;

import io.wakestream.kws.core.EnrollmentRegistry;
import io.wakestream.kws.kafka.EnrollmentFollower;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness: the enrollment topic has been read up to where it ended at start-up (until then detections are
 * not consumed, and an enrollment read could be stale).
 */
@Component("enrollments")
public class EnrollmentsHealthIndicator extends AbstractHealthIndicator {

    private final EnrollmentFollower follower;
    private final EnrollmentRegistry registry;

    public EnrollmentsHealthIndicator(EnrollmentFollower follower, EnrollmentRegistry registry) {
        this.follower = follower;
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (follower.caughtUp() ? builder.up() : builder.outOfService().withDetail("reason", "reading " + follower.topic()))
                .withDetail("topic", follower.topic())
                .withDetail("enrolledStreams", registry.size())
                .withDetail("recordsRead", follower.recordsRead());
    }
}
