package io.wakestream.common.events;

import com.google.protobuf.ByteString;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.AudioEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Cuts 16 kHz mono audio into the {@link AudioChunk}s a device would send for one stream. */
public final class AudioChunks {

    public static final int SAMPLE_RATE = 16_000;

    private AudioChunks() {
    }

    /** Chunks of {@code chunkSamples} (the last may be shorter); the last one says end of stream. */
    public static List<AudioChunk> split(String streamId, float[] samples, int chunkSamples) {
        if (chunkSamples <= 0) {
            throw new IllegalArgumentException("chunkSamples " + chunkSamples + ", expected a positive count");
        }
        int chunks = Math.max(1, (samples.length + chunkSamples - 1) / chunkSamples);
        List<AudioChunk> out = new ArrayList<>(chunks);
        for (int seq = 0; seq < chunks; seq++) {
            int from = Math.min(seq * chunkSamples, samples.length);
            float[] piece = Arrays.copyOfRange(samples, from, Math.min(from + chunkSamples, samples.length));
            out.add(AudioChunk.newBuilder()
                    .setStreamId(streamId)
                    .setSeq(seq)
                    .setFirstSample(from)
                    .setSampleRate(SAMPLE_RATE)
                    .setEncoding(AudioEncoding.PCM_S16LE)
                    .setPcm(ByteString.copyFrom(Pcm16.toBytes(piece)))
                    .setEndOfStream(seq == chunks - 1)
                    .build());
        }
        return out;
    }
}
