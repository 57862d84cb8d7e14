package io.wakestream.ftm.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wakestream.common.kafka.DeadLetterListener;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.ftm.core.Stage;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Every metric ftm-service publishes (beside the Kafka Streams client's own), named and tagged in one place. */
@Component
public class FtmMetrics implements DeadLetterListener {

    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";

    private final MeterRegistry registry;
    private final Timer latency;

    public FtmMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("wakestream.ftm.decision.latency")
                .description("Wall-clock time from the detection's record timestamp to its decision")
                .publishPercentileHistogram()
                .register(registry);
        for (String outcome : new String[] {ACCEPTED, REJECTED}) {
            decisions(outcome);
        }
        for (Stage stage : Stage.values()) {
            degraded(stage);
            lateResults(stage);
            duplicateResults(stage);
        }
    }

    /** Counts an emitted decision by outcome, each missing stage, and its latency when it had a detection. */
    public void decided(TriggerDecision decision) {
        decisions(decision.getAccepted() ? ACCEPTED : REJECTED).increment();
        for (String missing : decision.getMissingStagesList()) {
            degraded(Stage.of(missing)).increment();
        }
        boolean hadDetection = !decision.getMissingStagesList().contains(Stage.WAKEWORD.label());
        if (hadDetection) {
            latency.record(Duration.ofMillis(Math.max(0, decision.getDecisionLatencyMs())));
        }
    }

    /** A stage result for a detection decided without it; it changes nothing. */
    public void late(Stage stage) {
        lateResults(stage).increment();
    }

    /** A stage result the join already had (a redelivery or replay); it changes nothing. */
    public void duplicate(Stage stage) {
        duplicateResults(stage).increment();
    }

    private Counter lateResults(Stage stage) {
        return Counter.builder("wakestream.ftm.results.late")
                .description("Stage results that arrived after their detection was decided without them, ignored")
                .tag("stage", stage.label()).register(registry);
    }

    private Counter duplicateResults(Stage stage) {
        return Counter.builder("wakestream.ftm.results.duplicate")
                .description("Stage results received again for a detection, pending or decided, ignored")
                .tag("stage", stage.label()).register(registry);
    }

    @Override
    public void deadLettered(String sourceTopic, String reason) {
        Counter.builder("wakestream.dlt.records").description("Records sent to a dead-letter topic")
                .tag("topic", sourceTopic).tag("reason", reason).register(registry).increment();
    }

    private Counter decisions(String outcome) {
        return Counter.builder("wakestream.ftm.decisions").description("Decisions emitted, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter degraded(Stage stage) {
        return Counter.builder("wakestream.ftm.decisions.degraded")
                .description("Decisions made without a stage, by the stage that was missing")
                .tag("missing_stage", stage.label()).register(registry);
    }
}
