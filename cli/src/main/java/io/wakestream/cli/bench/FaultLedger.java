package io.wakestream.cli.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accounting of one fault scenario: every detection, decision and dead letter that came back, by detection id,
 * and what they add up to ({@link Counts}). Phrase matching is {@link DetectionLedger}'s (fed each detection id once).
 * Written by the recorder's thread while the scenario runs and read by the harness's, hence synchronized.
 */
public final class FaultLedger {

    /** One decision record: its outcome, and when the harness received it (epoch ms). */
    private record DecisionRecord(boolean accepted, boolean degraded, long receivedAtMs) {
    }

    private final StreamPlan plan;
    private final DetectionLedger phrases;
    private final Map<String, Integer> detectionRecords = new LinkedHashMap<>();
    private final Map<String, Long> detectionCreatedAtMs = new HashMap<>();
    private final Map<String, List<DecisionRecord>> decisions = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> deadLetters = new TreeMap<>();

    public FaultLedger(StreamPlan plan, DetectionLedger phrases) {
        this.plan = plan;
        this.phrases = phrases;
    }

    /**
     * A detection record came back (a redelivery of the same detection id counts as a duplicate record); detections
     * of streams this scenario did not send are ignored.
     *
     * @param createTimeMs its record's timestamp (epoch ms)
     * @param receivedAtMs when the harness received it (epoch ms)
     */
    public synchronized void detection(String streamId, String detectionId, String model, long endSample, long createTimeMs,
                          long receivedAtMs) {
        if (plan.indexOf(streamId) < 0) {
            return;
        }
        if (detectionRecords.merge(detectionId, 1, Integer::sum) == 1) {
            detectionCreatedAtMs.put(detectionId, createTimeMs);
            phrases.detection(streamId, detectionId, model, endSample, createTimeMs, receivedAtMs);
        }
    }

    /** A decision record came back; decisions about streams this scenario did not send are ignored. */
    public synchronized void decision(String streamId, String detectionId, boolean accepted, boolean degraded, long receivedAtMs) {
        if (plan.indexOf(streamId) >= 0) {
            decisions.computeIfAbsent(detectionId, id -> new ArrayList<>()).add(new DecisionRecord(accepted, degraded, receivedAtMs));
        }
    }

    /**
     * A record came back on a dead-letter topic, keyed {@code streamId}, with its {@code wakestream-dlt-reason} header
     * (null: none); records of streams this scenario did not send are ignored.
     */
    public synchronized void deadLetter(String topic, String streamId, String reason) {
        if (streamId == null || plan.indexOf(streamId) < 0) {
            return;
        }
        deadLetters.computeIfAbsent(topic, key -> new TreeMap<>()).merge(reason == null ? "(no reason header)" : reason, 1, Integer::sum);
    }

    /** How many detections came back that have no decision yet. */
    public synchronized int undecided() {
        return (int) detectionRecords.keySet().stream().filter(id -> !decisions.containsKey(id)).count();
    }

    /**
     * What the records add up to.
     *
     * @param faultAtMs when the fault was injected (epoch ms): the first decision after it about a detection made
     *                  after it marks the cascade's recovery end to end
     */
    public synchronized Counts counts(long faultAtMs) {
        DetectionLedger.DetectionCounts matched = phrases.counts();
        int duplicateDetections = detectionRecords.values().stream().mapToInt(records -> records - 1).sum();
        int lost = 0;
        int rawDuplicates = 0;
        int conflicting = 0;
        int degraded = 0;
        for (String id : detectionRecords.keySet()) {
            List<DecisionRecord> about = decisions.get(id);
            if (about == null) {
                lost++;
                continue;
            }
            rawDuplicates += about.size() - 1;
            if (about.stream().map(record -> List.of(record.accepted(), record.degraded())).distinct().count() > 1) {
                conflicting++;
            }
            degraded += about.getFirst().degraded() ? 1 : 0;
        }
        int withoutDetection = (int) decisions.keySet().stream().filter(id -> !detectionRecords.containsKey(id)).count();
        Long firstAfter = decisions.entrySet().stream()
                .filter(entry -> detectionCreatedAtMs.getOrDefault(entry.getKey(), Long.MIN_VALUE) >= faultAtMs)
                .flatMap(entry -> entry.getValue().stream()).map(DecisionRecord::receivedAtMs).min(Long::compare)
                .orElse(null);
        return new Counts(matched.insertedPhrases(), matched.matchedPhrases(),
                matched.insertedPhrases() - matched.matchedPhrases(), matched.detectionsOnPhrase() - matched.matchedPhrases(),
                matched.falseDetections(), detectionRecords.size(), duplicateDetections, decisions.size() - withoutDetection,
                lost, conflicting, rawDuplicates, degraded, withoutDetection,
                firstAfter == null ? null : (firstAfter - faultAtMs) / 1000.0, Map.copyOf(deadLetters));
    }

    /**
     * What one scenario's records add up to.
     *
     * @param insertedPhrases         wake phrases streamed whole
     * @param matchedPhrases          of those, the ones a detection fell in
     * @param detectionsLost          inserted − matched: phrases no detection came back for
     * @param extraDetectionsOnPhrases detections (distinct ids) on a phrase beyond its first, e.g. after a stream's state
     *                                was reset mid-phrase
     * @param falseDetections         detections outside every phrase
     * @param detections              distinct detection ids that came back
     * @param duplicateDetectionRecords detection records beyond the first per detection id (redeliveries)
     * @param decided                 detection ids with at least one decision
     * @param decisionsLost           detection ids without a decision
     * @param decisionsDuplicated     detection ids with decisions that disagree (accepted or degraded differs): a
     *                                duplicate an idempotent consumer (first decision per id wins) cannot hide
     * @param duplicateDecisionRecords decision records beyond the first per detection id: what an idempotent consumer drops
     * @param degradedDecisions       detection ids whose first decision says degraded (a stage was late)
     * @param decisionsWithoutDetection detection ids decided that never came back as detections
     * @param firstDecisionAfterFaultS seconds from the fault to the first decision received about a detection made
     *                                after it; null when none came
     * @param deadLetters             records on each dead-letter topic, by reason header
     */
    public record Counts(int insertedPhrases, int matchedPhrases, int detectionsLost, int extraDetectionsOnPhrases,
                         int falseDetections, int detections, int duplicateDetectionRecords, int decided, int decisionsLost,
                         int decisionsDuplicated, int duplicateDecisionRecords, int degradedDecisions,
                         int decisionsWithoutDetection, Double firstDecisionAfterFaultS,
                         Map<String, Map<String, Integer>> deadLetters) {

        /** Records on every dead-letter topic together. */
        public int deadLetterTotal() {
            return deadLetters.values().stream().flatMap(reasons -> reasons.values().stream()).mapToInt(Integer::intValue).sum();
        }
    }
}
