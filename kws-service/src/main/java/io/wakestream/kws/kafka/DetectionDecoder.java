package io.wakestream.kws.kafka;

import io.wakestream.common.kafka.InvalidRecordException;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.kws.config.KwsProperties;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link WakewordDetection} against the contract; a record that breaks it is refused with an
 * {@link InvalidRecordException} whose reason code the dead-letter headers carry.
 */
@Component
public class DetectionDecoder {

    static final String NULL_VALUE = "null_value";
    static final String MISSING_DETECTION_ID = "missing_detection_id";
    static final String MISSING_STREAM_ID = "missing_stream_id";
    static final String KEY_MISMATCH = "key_mismatch";
    static final String EMPTY_TRIGGER_PCM = "empty_trigger_pcm";
    static final String ODD_TRIGGER_PCM_LENGTH = "odd_trigger_pcm_length";
    static final String OVERSIZE_TRIGGER_PCM = "oversize_trigger_pcm";

    private final int maxTriggerBytes;

    public DetectionDecoder(KwsProperties properties) {
        this.maxTriggerBytes = properties.maxTriggerSamples() * 2;
    }

    public DetectionInput decode(String key, WakewordDetection detection) {
        if (detection == null) {
            throw new InvalidRecordException(NULL_VALUE, "record has a null value (a tombstone or no value at all)");
        }
        if (detection.getDetectionId().isBlank()) {
            throw new InvalidRecordException(MISSING_DETECTION_ID, "detection_id is empty");
        }
        if (detection.getStreamId().isBlank()) {
            throw new InvalidRecordException(MISSING_STREAM_ID, "stream_id is empty");
        }
        if (!detection.getStreamId().equals(key)) {
            throw new InvalidRecordException(KEY_MISMATCH,
                    "record key '" + key + "' differs from stream_id '" + detection.getStreamId() + "'");
        }
        int bytes = detection.getTriggerPcm().size();
        if (bytes == 0) {
            throw new InvalidRecordException(EMPTY_TRIGGER_PCM, "trigger_pcm is empty");
        }
        if (bytes % 2 != 0) {
            throw new InvalidRecordException(ODD_TRIGGER_PCM_LENGTH,
                    "trigger_pcm has " + bytes + " bytes, PCM_S16LE needs an even number");
        }
        if (bytes > maxTriggerBytes) {
            throw new InvalidRecordException(OVERSIZE_TRIGGER_PCM, "trigger_pcm holds " + bytes / 2
                    + " samples, at most " + maxTriggerBytes / 2 + " are verified (wakestream.kws.max-trigger-samples)");
        }
        return new DetectionInput(detection.getDetectionId(), detection.getStreamId(), detection.getKeyword().strip(),
                detection.getTriggerPcm().toByteArray());
    }
}
