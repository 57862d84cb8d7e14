package io.wakestream.asr.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wakestream.asr.core.Recognition;
import io.wakestream.common.kafka.DeadLetterListener;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Every metric asr-lattice-service publishes, named and tagged in one place. */
@Component
public class AsrMetrics implements DeadLetterListener {

    /** Outcomes of {@code wakestream.asr.segments}. */
    public static final String DECODED = "decoded";
    public static final String TRUNCATED = "truncated";
    public static final String NO_PATH = "no_path";
    public static final String DUPLICATE = "duplicate";

    private final MeterRegistry registry;
    private final Timer decodeTime;
    private final DistributionSummary realTimeFactor;
    private final DistributionSummary arcs;

    public AsrMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.decodeTime = Timer.builder("wakestream.asr.decode.time")
                .description("Time to turn one segment into a lattice (phonetic encoder + lattice decoder)")
                .publishPercentileHistogram()
                .register(registry);
        this.realTimeFactor = DistributionSummary.builder("wakestream.asr.real.time.factor")
                .description("Decode time over the decoded audio's duration, per segment")
                .serviceLevelObjectives(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)
                .register(registry);
        this.arcs = DistributionSummary.builder("wakestream.asr.lattice.arcs")
                .description("Arcs per published lattice")
                .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)
                .register(registry);
        for (String outcome : new String[] {DECODED, TRUNCATED, NO_PATH, DUPLICATE}) {
            segments(outcome);
        }
    }

    /** Counts a decoded segment by outcome ({@code decoded}, {@code truncated}, {@code no_path}) and records its figures. */
    public void recognized(Recognition recognition) {
        String outcome = recognition.lattice().isEmpty() ? NO_PATH : recognition.truncated() ? TRUNCATED : DECODED;
        segments(outcome).increment();
        decodeTime.record(recognition.encodeNanos() + recognition.decodeNanos(), TimeUnit.NANOSECONDS);
        realTimeFactor.record(recognition.realTimeFactor());
        arcs.record(recognition.lattice().arcs().size());
    }

    /** A redelivered segment (its detection id decoded recently), not decoded again. */
    public void duplicate() {
        segments(DUPLICATE).increment();
    }

    @Override
    public void deadLettered(String sourceTopic, String reason) {
        Counter.builder("wakestream.dlt.records").description("Records sent to a dead-letter topic")
                .tag("topic", sourceTopic).tag("reason", reason).register(registry).increment();
    }

    private Counter segments(String outcome) {
        return Counter.builder("wakestream.asr.segments").description("Segments consumed, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
