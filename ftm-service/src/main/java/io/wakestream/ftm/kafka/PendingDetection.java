package io.wakestream.ftm.kafka;

import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.ftm.core.Stage;
import io.wakestream.ftm.core.StageResults;
import java.util.EnumSet;
import java.util.Set;

/**
 * The stage results of one detection that is not decided yet, as the pending store keeps them.
 *
 * @param streamId      the record key its results arrived with
 * @param firstSeenMs   wall-clock time (epoch ms) at which this service received the detection's first result; the
 *                      timeout runs from here
 * @param detection     the detection, or null
 * @param detectionTs   its record timestamp (epoch ms), 0 while absent
 * @param verification  the verification, or null
 * @param verificationTs its record timestamp (epoch ms), 0 while absent
 * @param lattice       the lattice, or null
 * @param latticeTs     its record timestamp (epoch ms), 0 while absent
 */
public record PendingDetection(String streamId, long firstSeenMs,
                               WakewordDetection detection, long detectionTs,
                               KeywordVerification verification, long verificationTs,
                               Lattice lattice, long latticeTs) {

    /** An empty join for a detection whose first result arrives at {@code nowMs}; add that result with {@link #with}. */
    public static PendingDetection first(String streamId, long nowMs) {
        return new PendingDetection(streamId, nowMs, null, 0, null, 0, null, 0);
    }

    /**
     * The same detection with {@code result} added (replacing any earlier result of its stage).
     *
     * @param timestampMs the result's record timestamp (epoch ms)
     * @throws ClassCastException if the message is not the event type of its stage
     */
    public PendingDetection with(StageRecord result, long timestampMs) {
        return switch (result.stage()) {
            case WAKEWORD -> new PendingDetection(streamId, firstSeenMs, (WakewordDetection) result.message(), timestampMs,
                    verification, verificationTs, lattice, latticeTs);
            case KWS -> new PendingDetection(streamId, firstSeenMs, detection, detectionTs,
                    (KeywordVerification) result.message(), timestampMs, lattice, latticeTs);
            case FTM -> new PendingDetection(streamId, firstSeenMs, detection, detectionTs, verification, verificationTs,
                    (Lattice) result.message(), timestampMs);
        };
    }

    public boolean has(Stage stage) {
        return results().present(stage);
    }

    /** Every stage has answered. */
    public boolean complete() {
        return present().size() == Stage.values().length;
    }

    /** The stages that have answered. */
    public Set<Stage> present() {
        Set<Stage> present = EnumSet.noneOf(Stage.class);
        for (Stage stage : Stage.values()) {
            if (has(stage)) {
                present.add(stage);
            }
        }
        return present;
    }

    public StageResults results() {
        return new StageResults(detection, verification, lattice);
    }

    /** Record timestamp (epoch ms) of {@code stage}'s result, 0 while absent. */
    public long timestamp(Stage stage) {
        return switch (stage) {
            case WAKEWORD -> detectionTs;
            case KWS -> verificationTs;
            case FTM -> latticeTs;
        };
    }
}
