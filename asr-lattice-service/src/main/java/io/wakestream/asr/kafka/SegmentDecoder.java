package io.wakestream.asr.kafka;

import io.wakestream.common.kafka.InvalidRecordException;
import io.wakestream.events.v1.TriggerSegment;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link TriggerSegment} against the contract; a record that breaks it is refused with an
 * {@link InvalidRecordException} whose reason code the dead-letter headers carry. (Records whose bytes are no
 * {@code TriggerSegment} at all never get here: the deserializer's error sends them on as {@code undecodable}.)
 * A segment longer than the service decodes is valid: it is cut, and its lattice says so.
 */
@Component
public class SegmentDecoder {

    static final String NULL_VALUE = "null_value";
    static final String MISSING_DETECTION_ID = "missing_detection_id";
    static final String MISSING_STREAM_ID = "missing_stream_id";
    static final String KEY_MISMATCH = "key_mismatch";
    static final String EMPTY_PCM = "empty_pcm";
    static final String ODD_PCM_LENGTH = "odd_pcm_length";

    public SegmentInput decode(String key, TriggerSegment segment) {
        if (segment == null) {
            throw new InvalidRecordException(NULL_VALUE, "record has a null value (a tombstone or no value at all)");
        }
        if (segment.getDetectionId().isBlank()) {
            throw new InvalidRecordException(MISSING_DETECTION_ID, "detection_id is empty");
        }
        if (segment.getStreamId().isBlank()) {
            throw new InvalidRecordException(MISSING_STREAM_ID, "stream_id is empty");
        }
        if (!segment.getStreamId().equals(key)) {
            throw new InvalidRecordException(KEY_MISMATCH,
                    "record key '" + key + "' differs from stream_id '" + segment.getStreamId() + "'");
        }
        int bytes = segment.getPcm().size();
        if (bytes == 0) {
            throw new InvalidRecordException(EMPTY_PCM, "pcm is empty");
        }
        if (bytes % 2 != 0) {
            throw new InvalidRecordException(ODD_PCM_LENGTH, "pcm has " + bytes + " bytes, PCM_S16LE needs an even number");
        }
        return new SegmentInput(segment.getDetectionId(), segment.getStreamId(), segment.getPcm().toByteArray());
    }
}
