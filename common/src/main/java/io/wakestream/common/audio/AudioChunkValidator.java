package io.wakestream.common.audio;

import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.AudioEncoding;
import java.util.Optional;

/**
 * Checks the fields of one {@link AudioChunk} on their own (sequence gaps and duplicates need the
 * stream's state and are the consumer's job). Reports the first problem found; thread-safe.
 */
public final class AudioChunkValidator {

    public static final int EXPECTED_SAMPLE_RATE = 16000;

    /**
     * A year of audio at 16 kHz: no stream is longer, so positions beyond it are corrupt or hostile, and
     * bounding them keeps every position far from overflowing a long.
     */
    public static final long MAX_STREAM_SAMPLES = 365L * 24 * 3600 * EXPECTED_SAMPLE_RATE;

    /** 10 s of 16 kHz 16-bit mono: far above any device's chunk, well below Kafka's default 1 MiB record. */
    public static final int DEFAULT_MAX_PCM_BYTES = 320_000;

    private final int maxPcmBytes;

    public AudioChunkValidator() {
        this(DEFAULT_MAX_PCM_BYTES);
    }

    public AudioChunkValidator(int maxPcmBytes) {
        if (maxPcmBytes < 2) {
            throw new IllegalArgumentException("maxPcmBytes " + maxPcmBytes + ", expected at least 2");
        }
        this.maxPcmBytes = maxPcmBytes;
    }

    public int maxPcmBytes() {
        return maxPcmBytes;
    }

    /** Empty when the chunk is valid, else the first problem found; a null chunk is a record without value. */
    public Optional<ChunkRejection> validate(AudioChunk chunk) {
        return Optional.ofNullable(firstProblem(chunk));
    }

    private ChunkRejection firstProblem(AudioChunk chunk) {
        if (chunk == null) {
            return reject(ChunkRejectReason.NULL_VALUE,
                    "record value is null (a tombstone); audio records must hold an AudioChunk");
        }
        if (chunk.getStreamId().isBlank()) {
            return reject(ChunkRejectReason.MISSING_STREAM_ID, "stream_id is "
                    + (chunk.getStreamId().isEmpty() ? "missing" : "blank"));
        }
        if (chunk.getSeq() < 0) {
            return reject(ChunkRejectReason.NEGATIVE_SEQ, "seq " + chunk.getSeq() + " is negative");
        }
        if (chunk.getFirstSample() < 0) {
            return reject(ChunkRejectReason.NEGATIVE_FIRST_SAMPLE,
                    "first_sample " + chunk.getFirstSample() + " is negative");
        }
        if (chunk.getSeq() > MAX_STREAM_SAMPLES) {
            return reject(ChunkRejectReason.IMPLAUSIBLE_SEQ, "seq " + chunk.getSeq()
                    + " is beyond any stream of up to a year of 16 kHz audio (at most " + MAX_STREAM_SAMPLES + ")");
        }
        if (chunk.getFirstSample() > MAX_STREAM_SAMPLES - chunk.getPcm().size() / 2) {
            return reject(ChunkRejectReason.IMPLAUSIBLE_FIRST_SAMPLE, "first_sample " + chunk.getFirstSample()
                    + " puts the chunk beyond a year of 16 kHz audio (" + MAX_STREAM_SAMPLES + " samples)");
        }
        if (chunk.getSampleRate() != EXPECTED_SAMPLE_RATE) {
            return reject(ChunkRejectReason.SAMPLE_RATE,
                    "sample_rate " + chunk.getSampleRate() + ", expected " + EXPECTED_SAMPLE_RATE);
        }
        if (chunk.getEncoding() != AudioEncoding.PCM_S16LE) {
            String encoding = chunk.getEncoding() == AudioEncoding.UNRECOGNIZED
                    ? "value " + chunk.getEncodingValue() : chunk.getEncoding().name();
            return reject(ChunkRejectReason.ENCODING, "encoding " + encoding + ", expected PCM_S16LE");
        }
        int bytes = chunk.getPcm().size();
        if (bytes > maxPcmBytes) {
            return reject(ChunkRejectReason.OVERSIZE_CHUNK,
                    "pcm has " + bytes + " bytes, more than the " + maxPcmBytes + " allowed");
        }
        if (bytes % 2 != 0) {
            return reject(ChunkRejectReason.ODD_PCM_LENGTH,
                    "pcm has " + bytes + " bytes, an odd count that cannot hold whole 16-bit samples");
        }
        if (bytes == 0 && !chunk.getEndOfStream()) {
            return reject(ChunkRejectReason.EMPTY_PCM, "pcm is empty and end_of_stream is false");
        }
        return null;
    }

    private static ChunkRejection reject(ChunkRejectReason reason, String message) {
        return new ChunkRejection(reason, message);
    }
}
