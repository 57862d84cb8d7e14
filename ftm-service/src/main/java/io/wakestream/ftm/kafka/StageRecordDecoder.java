package io.wakestream.ftm.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wakestream.common.kafka.DeadLetterHeaders;
import io.wakestream.common.kafka.InvalidRecordException;
import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.ftm.core.Stage;

/**
 * Turns the bytes of a stage's topic into a {@link StageRecord}, or says why the record cannot be joined. The
 * reasons are the dead-letter reason codes ({@link DeadLetterHeaders#REASON}).
 */
public final class StageRecordDecoder {

    /** The record has no key, so its stream (and its decision's key) is unknown. */
    public static final String MISSING_KEY = "missing_key";
    /** A tombstone: there is no event to join. */
    public static final String NULL_VALUE = "null_value";
    /** The event has no detection_id to join on. */
    public static final String MISSING_DETECTION_ID = "missing_detection_id";
    /** A lattice with arcs but no positive frame_ms, which the lattice GNN cannot place in time. */
    public static final String INVALID_FRAME_MS = "invalid_frame_ms";

    private StageRecordDecoder() {
    }

    /**
     * Decodes one record of {@code stage}'s topic.
     *
     * @throws InvalidRecordException with reason {@link #MISSING_KEY}, {@link #NULL_VALUE},
     *                                {@link DeadLetterHeaders#UNDECODABLE}, {@link #MISSING_DETECTION_ID} or
     *                                {@link #INVALID_FRAME_MS}
     */
    public static StageRecord decode(Stage stage, String key, byte[] value) {
        if (key == null || key.isBlank()) {
            throw new InvalidRecordException(MISSING_KEY, "a " + stage.label() + " record without a stream id key");
        }
        if (value == null) {
            throw new InvalidRecordException(NULL_VALUE, "a " + stage.label() + " record without a value");
        }
        StageRecord record;
        try {
            record = switch (stage) {
                case WAKEWORD -> {
                    WakewordDetection detection = WakewordDetection.parseFrom(value);
                    yield new StageRecord(stage, detection.getDetectionId(), detection);
                }
                case KWS -> {
                    KeywordVerification verification = KeywordVerification.parseFrom(value);
                    yield new StageRecord(stage, verification.getDetectionId(), verification);
                }
                case FTM -> {
                    Lattice lattice = Lattice.parseFrom(value);
                    if (lattice.getArcsCount() > 0 && lattice.getFrameMs() <= 0) {
                        throw new InvalidRecordException(INVALID_FRAME_MS, "lattice " + lattice.getDetectionId()
                                + " has " + lattice.getArcsCount() + " arcs but frame_ms " + lattice.getFrameMs());
                    }
                    yield new StageRecord(stage, lattice.getDetectionId(), lattice);
                }
            };
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidRecordException(DeadLetterHeaders.UNDECODABLE, "undecodable " + stage.label() + " record ("
                    + value.length + " bytes): " + e.getMessage());
        }
        if (record.detectionId().isBlank()) {
            throw new InvalidRecordException(MISSING_DETECTION_ID, "a " + stage.label() + " record without a detection_id");
        }
        return record;
    }
}
