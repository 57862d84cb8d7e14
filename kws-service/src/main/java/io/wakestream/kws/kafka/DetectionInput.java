package io.wakestream.kws.kafka;

/**
 * A valid detection, as the listener verifies it.
 *
 * @param detectionId the detection's id, what verification is idempotent on
 * @param streamId    the stream, the key of the verification
 * @param keyword     the wake-word model's keyword (may be empty)
 * @param triggerPcm  PCM_S16LE 16 kHz mono of the detection window, an even, non-zero number of bytes
 */
public record DetectionInput(String detectionId, String streamId, String keyword, byte[] triggerPcm) {
}
