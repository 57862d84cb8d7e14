package io.wakestream.common.enrollment;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness: the enrollment topic has been read up to where it ended at start-up (until then the listener that
 * needs the enrollments does not consume, and an enrollment read could be stale). Declared as bean "enrollments".
 */
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
