package io.wakestream.common.audio;

/**
 * An invalid {@code AudioChunk}: the reason's stable code and what exactly is wrong with this chunk.
 *
 * @param reason  the kind of problem, with a stable {@link ChunkRejectReason#code()}
 * @param message what is wrong, in words, e.g. "sample_rate 44100, expected 16000"
 */
public record ChunkRejection(ChunkRejectReason reason, String message) {

    public String code() {
        return reason.code();
    }
}
