package io.wakestream.common.audio;

/**
 * Why an {@code AudioChunk} was rejected. {@link #code()} is stable: it tags metrics and names the
 * reason in dead-letter headers, so existing codes never change.
 */
public enum ChunkRejectReason {
    MISSING_STREAM_ID("missing_stream_id"),
    NEGATIVE_SEQ("negative_seq"),
    NEGATIVE_FIRST_SAMPLE("negative_first_sample"),
    SAMPLE_RATE("sample_rate"),
    ENCODING("encoding"),
    ODD_PCM_LENGTH("odd_pcm_length"),
    EMPTY_PCM("empty_pcm"),
    OVERSIZE_CHUNK("oversize_chunk"),
    /** The record has no value at all (a tombstone): there is no chunk to check. */
    NULL_VALUE("null_value"),
    /** A seq no stream of up to a year reaches (each chunk but the last holds at least one sample). */
    IMPLAUSIBLE_SEQ("implausible_seq"),
    /** A chunk that would end beyond a year of audio at 16 kHz. */
    IMPLAUSIBLE_FIRST_SAMPLE("implausible_first_sample");

    private final String code;

    ChunkRejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
