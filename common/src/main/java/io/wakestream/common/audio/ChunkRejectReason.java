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
    OVERSIZE_CHUNK("oversize_chunk");

    private final String code;

    ChunkRejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
