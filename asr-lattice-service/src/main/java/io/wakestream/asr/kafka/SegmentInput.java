package io.wakestream.asr.kafka;

/**
 * A valid segment, as the listener decodes it.
 *
 * @param detectionId the detection's id, what decoding is idempotent on
 * @param streamId    the stream, the key of the lattice
 * @param pcm         PCM_S16LE 16 kHz mono of trigger + request, an even, non-zero number of bytes
 */
public record SegmentInput(String detectionId, String streamId, byte[] pcm) {
}
