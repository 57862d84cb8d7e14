package io.wakestream.asr.core;

/**
 * What {@link SegmentRecognizer} made of one segment.
 *
 * @param lattice        the word lattice of the decoded samples (empty when the search found no complete path)
 * @param segmentSamples samples the segment held
 * @param decodedSamples samples decoded: all of them, or the first {@code maxSegmentSamples}
 * @param encodeNanos    time in the phonetic encoder (frontend included)
 * @param decodeNanos    time in the lattice decoder
 */
public record Recognition(Lattice lattice, int segmentSamples, int decodedSamples, long encodeNanos, long decodeNanos) {

    public static final int SAMPLE_RATE = 16_000;

    /** Whether the segment was longer than the recognizer decodes and was cut. */
    public boolean truncated() {
        return decodedSamples < segmentSamples;
    }

    /** Seconds of audio decoded. */
    public double decodedSeconds() {
        return decodedSamples / (double) SAMPLE_RATE;
    }

    /** Processing time over audio time (encoder and decoder); 0 for no audio. */
    public double realTimeFactor() {
        return decodedSamples == 0 ? 0 : (encodeNanos + decodeNanos) / 1e9 / decodedSeconds();
    }

    /** The {@code voice.lattices.v1} event: the lattice plus {@code truncated}, {@code decoded_samples} and {@code frame_ms}. */
    public io.wakestream.events.v1.Lattice toProto(String detectionId) {
        return LatticeFormats.toProto(lattice, detectionId).toBuilder()
                .setTruncated(truncated())
                .setDecodedSamples(decodedSamples)
                .setFrameMs(lattice.frameMillis())
                .build();
    }
}
