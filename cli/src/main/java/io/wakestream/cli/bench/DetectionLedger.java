package io.wakestream.cli.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Matches the detections and decisions that come back against what the load sent: each detection's latency from the
 * production of the chunk that held its last sample, whether it found an inserted wake phrase, and each decision's
 * latency from its detection. Used by one thread (the result consumer's) while the step runs, then read once.
 */
public final class DetectionLedger {

    /**
     * One detection's latencies, for the plots.
     *
     * @param producedAtMs  epoch ms its last sample's chunk was produced
     * @param latencyMs     its record's CreateTime minus {@code producedAtMs}
     */
    public record Timed(long producedAtMs, long latencyMs) {
    }

    private final StreamPlan plan;
    private final ProduceLog produced;
    private final List<List<PhraseWindow>> phrases;
    private final List<boolean[]> found;
    private final List<Timed> detectionLatencies = new ArrayList<>();
    private final List<Long> receiveLatencies = new ArrayList<>();
    private final Map<String, Long> detectionTimestamps = new HashMap<>();
    private final Map<String, Long> decisionTimestamps = new HashMap<>();
    private final TreeSet<String> models = new TreeSet<>();
    private int onPhrase;
    private int falseDetections;
    private int decisions;
    private int accepted;

    public DetectionLedger(StreamPlan plan, ProduceLog produced) {
        this.plan = plan;
        this.produced = produced;
        this.phrases = new ArrayList<>(plan.streams().size());
        this.found = new ArrayList<>(plan.streams().size());
        for (int i = 0; i < plan.streams().size(); i++) {
            phrases.add(plan.phrases(i));
            found.add(new boolean[phrases.get(i).size()]);
        }
    }

    /**
     * A detection came back. Detections of streams this step did not send are ignored.
     *
     * @param streamId     its stream
     * @param detectionId  its id, which decisions name
     * @param model        the wake-word model that fired
     * @param endSample    its {@code end_sample} (exclusive, 16 kHz from the stream's start)
     * @param createTimeMs its record's timestamp (epoch ms), set by the service's producer
     * @param receivedAtMs when the harness received it (epoch ms)
     */
    public void detection(String streamId, String detectionId, String model, long endSample, long createTimeMs,
                          long receivedAtMs) {
        int stream = plan.indexOf(streamId);
        if (stream < 0) {
            return;
        }
        models.add(model);
        detectionTimestamps.put(detectionId, createTimeMs);
        long producedAt = produced.producedAtOfEnd(stream, endSample);
        if (producedAt >= 0) {
            detectionLatencies.add(new Timed(producedAt, createTimeMs - producedAt));
            receiveLatencies.add(receivedAtMs - producedAt);
        }
        List<PhraseWindow> windows = phrases.get(stream);
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).contains(endSample)) {
                found.get(stream)[i] = true;
                onPhrase++;
                return;
            }
        }
        falseDetections++;
    }

    /**
     * A decision came back about {@code detectionId}, with its record's timestamp (epoch ms); the first one counts.
     * Decisions about streams this step did not send are ignored.
     */
    public void decision(String streamId, String detectionId, boolean acceptedDecision, long createTimeMs) {
        if (plan.indexOf(streamId) >= 0 && decisionTimestamps.putIfAbsent(detectionId, createTimeMs) == null) {
            decisions++;
            if (acceptedDecision) {
                accepted++;
            }
        }
    }

    /** Detections in time order of production, with their audio-to-detection latency (record CreateTime). */
    public List<Timed> detectionLatencies() {
        return detectionLatencies.stream().sorted(Comparator.comparingLong(Timed::producedAtMs)).toList();
    }

    /** Audio-to-detection latency by the record's timestamp, in ms. */
    public LatencyStats detectionLatency() {
        return LatencyStats.of(detectionLatencies.stream().mapToLong(Timed::latencyMs).toArray());
    }

    /** Audio-to-detection latency by the time the harness received the record, in ms. */
    public LatencyStats receiveLatency() {
        return LatencyStats.of(receiveLatencies.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * Detection-to-decision latency (decision record timestamp − detection record timestamp, in ms) of the decisions
     * whose detection came back too: they may come back in either order.
     */
    public LatencyStats decisionLatency() {
        return LatencyStats.of(decisionTimestamps.entrySet().stream()
                .filter(entry -> detectionTimestamps.containsKey(entry.getKey()))
                .mapToLong(entry -> entry.getValue() - detectionTimestamps.get(entry.getKey()))
                .toArray());
    }

    /** How many wake phrases were matched, inserted, and how many detections fell outside every phrase. */
    public DetectionCounts counts() {
        int inserted = 0;
        int matched = 0;
        for (int stream = 0; stream < phrases.size(); stream++) {
            for (int i = 0; i < phrases.get(stream).size(); i++) {
                if (phrases.get(stream).get(i).complete()) {
                    inserted++;
                    matched += found.get(stream)[i] ? 1 : 0;
                }
            }
        }
        return new DetectionCounts(inserted, matched, inserted == 0 ? null : (double) matched / inserted,
                onPhrase, falseDetections, decisions, accepted);
    }

    /** The models the detections named, e.g. {@code wakeword-hey-jarvis/3.0.0}. */
    public List<String> models() {
        return List.copyOf(models);
    }

    /**
     * @param insertedPhrases  wake phrases streamed whole
     * @param matchedPhrases   of those, the ones a detection's end fell in (the clip plus 0.5 s)
     * @param detectionRate    matched / inserted; null when none were inserted
     * @param detectionsOnPhrase detections that fell in a phrase (a phrase may get more than one)
     * @param falseDetections  detections outside every phrase
     * @param decisions        decisions received about this step's streams
     * @param acceptedDecisions of those, accepted
     */
    public record DetectionCounts(int insertedPhrases, int matchedPhrases, Double detectionRate, int detectionsOnPhrase,
                                  int falseDetections, int decisions, int acceptedDecisions) {
    }
}
