package io.wakestream.kws.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wakestream.common.kafka.DeadLetterListener;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import io.wakestream.kws.core.Verification;
import org.springframework.stereotype.Component;

/** Every metric kws-service publishes, named and tagged in one place. */
@Component
public class KwsMetrics implements DeadLetterListener {

    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";

    private final MeterRegistry registry;
    private final Timer verificationTime;
    private final DistributionSummary scores;
    private final Counter duplicates;

    public KwsMetrics(MeterRegistry registry, EnrollmentRegistry enrollments) {
        this.registry = registry;
        this.verificationTime = Timer.builder("wakestream.kws.verification.time")
                .description("Time to verify one detection's trigger audio (encoder, partitioning, verifier calls)")
                .publishPercentileHistogram()
                .register(registry);
        this.scores = DistributionSummary.builder("wakestream.kws.verification.score")
                .description("Verifier scores of the verified detections")
                .serviceLevelObjectives(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)
                .register(registry);
        this.duplicates = Counter.builder("wakestream.kws.detections.duplicate")
                .description("Redelivered detections (an id verified recently), not verified again")
                .register(registry);
        registry.gauge("wakestream.kws.enrolled.streams", enrollments, EnrollmentRegistry::size);
        for (String outcome : new String[] {ACCEPTED, REJECTED, Verification.TOO_SHORT}) {
            verifications(outcome);
        }
    }

    public Timer verificationTime() {
        return verificationTime;
    }

    /** Counts a verdict by outcome ({@code accepted}, {@code rejected}, {@code too_short}) and records its score. */
    public void verified(Verification verification) {
        String outcome = verification.reason() != null ? verification.reason()
                : verification.accepted() ? ACCEPTED : REJECTED;
        verifications(outcome).increment();
        if (verification.reason() == null) {
            scores.record(verification.score());
        }
    }

    public void duplicate() {
        duplicates.increment();
    }

    /** An enrollment change made through the API ({@code put}, {@code delete}). */
    public void enrollmentChanged(String operation) {
        Counter.builder("wakestream.kws.enrollment.requests").description("Enrollment changes stored through the API")
                .tag("operation", operation).register(registry).increment();
    }

    @Override
    public void deadLettered(String sourceTopic, String reason) {
        Counter.builder("wakestream.dlt.records").description("Records sent to a dead-letter topic")
                .tag("topic", sourceTopic).tag("reason", reason).register(registry).increment();
    }

    private Counter verifications(String outcome) {
        return Counter.builder("wakestream.kws.verifications").description("Verifications emitted, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
