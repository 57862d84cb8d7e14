package io.wakestream.ftm.kafka;

import io.wakestream.common.kafka.DeadLetterHeaders;
import io.wakestream.common.kafka.InvalidRecordException;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.ftm.config.FtmMetrics;
import io.wakestream.ftm.core.Decision;
import io.wakestream.ftm.core.Stage;
import io.wakestream.ftm.core.TriggerDecider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the results of the three stages by detection id and emits one decision per detection: at once when all
 * three are in, or degraded when {@link JoinSettings#timeout()} has passed (wall clock) since the first of them
 * reached this processor. Results for a decided detection are counted (late or duplicate) and change nothing.
 * Records that cannot be joined go to their topic's dead-letter topic with the reason in their headers.
 *
 * <p>Input: the merged stage topics, keys stream ids, values the events' bytes. Output: {@code TriggerDecision}
 * bytes to {@link DecisionTopology#DECISIONS}, keyed by stream id, timestamped with the decision's wall-clock
 * time; the original record (key, value, headers plus the dead-letter headers) to
 * {@link DecisionTopology#DEAD_LETTERS}.
 */
final class DecisionJoinProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionJoinProcessor.class);

    private final Map<String, Stage> stageOfTopic;
    private final TriggerDecider decider;
    private final JoinSettings settings;
    private final FtmMetrics metrics;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, PendingDetection> pending;
    private KeyValueStore<String, DecidedDetection> decided;

    DecisionJoinProcessor(Map<String, Stage> stageOfTopic, TriggerDecider decider, JoinSettings settings,
                          FtmMetrics metrics) {
        this.stageOfTopic = stageOfTopic;
        this.decider = decider;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.pending = context.getStateStore(DecisionTopology.PENDING_STORE);
        this.decided = context.getStateStore(DecisionTopology.DECIDED_STORE);
        // Wall clock, not stream time: stream time stands still while no records arrive, and a detection whose
        // stages never answer must still be decided.
        context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::decideTimedOut);
        context.schedule(settings.cleanupInterval(), PunctuationType.WALL_CLOCK_TIME, this::forgetDecided);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().orElseThrow().topic();
        Stage stage = stageOfTopic.get(topic);
        StageRecord result;
        try {
            result = StageRecordDecoder.decode(stage, record.key(), record.value());
        } catch (InvalidRecordException invalid) {
            deadLetter(record, topic, invalid);
            return;
        }
        String id = result.detectionId();
        DecidedDetection before = decided.get(id);
        if (before != null) {
            if (before.present().contains(stage)) {
                metrics.duplicate(stage);
            } else {
                metrics.late(stage);
            }
            return;
        }
        PendingDetection current = pending.get(id);
        if (current != null && current.has(stage)) {
            metrics.duplicate(stage);
            return;
        }
        long now = context.currentSystemTimeMs();
        PendingDetection joined = (current != null ? current : PendingDetection.first(record.key(), now))
                .with(result, record.timestamp());
        if (joined.complete()) {
            decide(id, joined, now);
        } else {
            pending.put(id, joined);
        }
    }

    private void decideTimedOut(long now) {
        long timeout = settings.timeout().toMillis();
        List<KeyValue<String, PendingDetection>> due = new ArrayList<>();
        try (KeyValueIterator<String, PendingDetection> all = pending.all()) {
            all.forEachRemaining(entry -> {
                if (now - entry.value.firstSeenMs() >= timeout) {
                    due.add(entry);
                }
            });
        }
        for (KeyValue<String, PendingDetection> entry : due) {
            decide(entry.key, entry.value, now);
        }
    }

    private void forgetDecided(long now) {
        long retention = settings.decidedRetention().toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, DecidedDetection> all = decided.all()) {
            all.forEachRemaining(entry -> {
                if (now - entry.value.decidedAtMs() >= retention) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(decided::delete);
    }

    private void decide(String id, PendingDetection joined, long now) {
        Decision decision = decider.decide(joined.results());
        TriggerDecision event = DecisionEvents.of(id, joined, decision, now);
        context.forward(new Record<>(joined.streamId(), event.toByteArray(), now), DecisionTopology.DECISIONS);
        pending.delete(id);
        decided.put(id, new DecidedDetection(now, joined.present()));
        metrics.decided(event);
        if (decision.degraded()) {
            LOG.debug("Detection {} of stream {} decided without {}", id, joined.streamId(), decision.missing());
        }
    }

    private void deadLetter(Record<String, byte[]> record, String topic, InvalidRecordException invalid) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHeaders.REASON, invalid.reason().getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.MESSAGE, String.valueOf(invalid.getMessage()).getBytes(StandardCharsets.UTF_8));
        context.forward(record.withHeaders(headers), DecisionTopology.DEAD_LETTERS);
        metrics.deadLettered(topic, invalid.reason());
        LOG.warn("Dead-lettered a record of {} (key {}): {}", topic, record.key(), invalid.getMessage());
    }
}
