package io.wakestream.wakeword.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import io.wakestream.common.kafka.DeadLetterListener;
import io.wakestream.wakeword.core.ChunkOutcome;
import io.wakestream.wakeword.core.ResetReason;
import io.wakestream.wakeword.core.SegmentEndReason;
import io.wakestream.wakeword.core.WakewordEngine;
import io.wakestream.wakeword.core.openvocab.OpenVocabularyDetector;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Every metric wakeword-service publishes, named and tagged in one place. */
@Component
public class WakewordMetrics implements DeadLetterListener {

    private final MeterRegistry registry;
    private final Timer batchProcessing;
    private final DistributionSummary batchChunks;
    private final Map<ChunkOutcome, Counter> chunksByOutcome = new EnumMap<>(ChunkOutcome.class);

    /** The {@code keyword} tag of an enrolled phrase's detections: any text may be enrolled, a tag's values must stay few. */
    private static final String ENROLLED_KEYWORD = "enrolled";

    public WakewordMetrics(MeterRegistry registry, WakewordEngine engine, EnrollmentRegistry enrollments) {
        this.registry = registry;
        this.batchProcessing = Timer.builder("wakestream.wakeword.batch.processing")
                .description("Time to run one poll's audio chunks through the frontend, the batched model calls and the policy")
                .publishPercentileHistogram()
                .register(registry);
        this.batchChunks = DistributionSummary.builder("wakestream.wakeword.batch.chunks")
                .description("Audio chunks processed together, one poll's")
                .register(registry);
        registry.gauge("wakestream.wakeword.streams.active", engine, WakewordEngine::activeStreams);
        registry.gauge("wakestream.wakeword.enrolled.streams", enrollments, EnrollmentRegistry::size);
        // Counted for every chunk: registered once rather than looked up on the hot path.
        for (ChunkOutcome outcome : ChunkOutcome.values()) {
            chunksByOutcome.put(outcome, Counter.builder("wakestream.wakeword.chunks")
                    .description("Audio chunks by outcome").tag("outcome", tag(outcome.name())).register(registry));
        }
    }

    /** One poll's {@code chunks} took {@code nanos} to process. */
    public void batch(int chunks, long nanos) {
        batchProcessing.record(nanos, TimeUnit.NANOSECONDS);
        batchChunks.record(chunks);
    }

    public void chunk(ChunkOutcome outcome) {
        chunksByOutcome.get(outcome).increment();
    }

    public void reset(ResetReason reason) {
        counter("wakestream.wakeword.stream.resets", "Per-stream state started afresh or dropped", "reason",
                reason.tag());
    }

    public void detection(String keyword, String model) {
        boolean enrolled = model.startsWith(OpenVocabularyDetector.MODEL_PREFIX);
        Counter.builder("wakestream.wakeword.detections").description("Wake-word detections emitted")
                .tag("keyword", enrolled ? ENROLLED_KEYWORD : keyword).tag("model", model).register(registry).increment();
    }

    public void segment(SegmentEndReason reason) {
        counter("wakestream.wakeword.segments", "Trigger segments emitted, by why they ended", "end_reason",
                tag(reason.name()));
    }

    @Override
    public void deadLettered(String sourceTopic, String reason) {
        Counter.builder("wakestream.dlt.records").description("Records sent to a dead-letter topic")
                .tag("topic", sourceTopic).tag("reason", reason).register(registry).increment();
    }

    private void counter(String name, String description, String tagKey, String tagValue) {
        Counter.builder(name).description(description).tag(tagKey, tagValue).register(registry).increment();
    }

    private static String tag(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
