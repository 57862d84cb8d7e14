package io.wakestream.gateway.core;

import io.wakestream.events.v1.AudioChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * One client stream's audio on its way to {@code voice.audio.v1}: the client's PCM decoded, mixed to mono,
 * resampled to 16 kHz and cut into {@link AudioChunk}s. Not thread-safe: one reader per stream.
 */
public final class IngestStream {

    private final String streamId;
    private final ClientFormat format;
    private final PcmDecoder decoder;
    private final StreamResampler resampler;
    private final ChunkAssembler chunks;
    private long framesReceived;

    /** @param chunkSamples 16 kHz samples per produced chunk */
    public IngestStream(String streamId, ClientFormat format, int chunkSamples) {
        this.streamId = streamId;
        this.format = format;
        this.decoder = new PcmDecoder(format);
        this.resampler = new StreamResampler(format.sampleRate());
        this.chunks = new ChunkAssembler(streamId, chunkSamples);
    }

    public String streamId() {
        return streamId;
    }

    public ClientFormat format() {
        return format;
    }

    /**
     * The chunks that this block of the client's PCM completes (often none).
     *
     * @throws RejectedException (bad audio) when {@code pcm} is not whole frames of the stream's format; the
     *                           stream is unchanged and can still be finished
     */
    public List<AudioChunk> accept(byte[] pcm, long capturedAtMs) {
        float[] mono = decoder.decode(pcm);
        framesReceived += mono.length;
        return chunks.add(resampler.push(mono), capturedAtMs);
    }

    /** The remaining audio, the last chunk saying end of stream; empty when the stream was already finished. */
    public List<AudioChunk> finish(long capturedAtMs) {
        if (chunks.finished()) {
            return List.of();
        }
        List<AudioChunk> out = new ArrayList<>(chunks.add(resampler.finish(), capturedAtMs));
        out.add(chunks.finish(capturedAtMs));
        return out;
    }

    /** Seconds of audio received from the client so far (at its own rate). */
    public double receivedSeconds() {
        return (double) framesReceived / format.sampleRate();
    }
}
