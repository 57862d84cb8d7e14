package io.wakestream.gateway.core;

import com.google.protobuf.ByteString;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.events.AudioChunks;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.AudioEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one stream's 16 kHz samples into {@link AudioChunk}s of a fixed length: seq 0, 1, 2, ..., first_sample the
 * offset of the chunk's first sample from the stream's start. {@link #finish()} emits the rest (possibly no
 * samples) as the one chunk that says end of stream.
 */
final class ChunkAssembler {

    private final String streamId;
    private final float[] pending;
    private int pendingCount;
    private long seq;
    private long nextFirstSample;
    private boolean finished;

    /** @param chunkSamples samples (16 kHz) per chunk, positive */
    ChunkAssembler(String streamId, int chunkSamples) {
        if (chunkSamples <= 0) {
            throw new IllegalArgumentException("chunkSamples " + chunkSamples + ", expected a positive count");
        }
        this.streamId = streamId;
        this.pending = new float[chunkSamples];
    }

    /** The chunks that {@code samples} complete. */
    List<AudioChunk> add(float[] samples, long capturedAtMs) {
        requireOpen();
        List<AudioChunk> out = new ArrayList<>();
        int at = 0;
        while (at < samples.length) {
            int take = Math.min(pending.length - pendingCount, samples.length - at);
            System.arraycopy(samples, at, pending, pendingCount, take);
            pendingCount += take;
            at += take;
            if (pendingCount == pending.length) {
                out.add(emit(false, capturedAtMs));
            }
        }
        return out;
    }

    /** The last chunk: whatever is pending, with end_of_stream set. Once only. */
    AudioChunk finish(long capturedAtMs) {
        requireOpen();
        finished = true;
        return emit(true, capturedAtMs);
    }

    boolean finished() {
        return finished;
    }

    private AudioChunk emit(boolean endOfStream, long capturedAtMs) {
        AudioChunk chunk = AudioChunk.newBuilder()
                .setStreamId(streamId)
                .setSeq(seq++)
                .setFirstSample(nextFirstSample)
                .setSampleRate(AudioChunks.SAMPLE_RATE)
                .setEncoding(AudioEncoding.PCM_S16LE)
                .setPcm(ByteString.copyFrom(Pcm16.toBytes(pending, 0, pendingCount)))
                .setEndOfStream(endOfStream)
                .setCapturedAtMs(capturedAtMs)
                .build();
        nextFirstSample += pendingCount;
        pendingCount = 0;
        return chunk;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("stream " + streamId + " has ended");
        }
    }
}
