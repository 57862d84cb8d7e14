package io.wakestream.common.frontend;

import com.google.protobuf.ByteString;
import io.wakestream.common.audio.Pcm16;
import java.nio.ByteBuffer;

/**
 * The log-mel frontend over one audio stream, fed in chunks of any size: emits exactly the frames
 * (bit for bit) that {@link LogMelFrontend#compute} gives for the concatenated samples. Keeps the
 * last frame's 240-sample overlap between calls; a PCM chunk may even end in the middle of a
 * sample. Allocates nothing per frame. Not thread-safe: one instance per stream.
 */
public final class LogMelStream {

    private static final int OVERLAP = LogMelFrontend.FRAME_LENGTH - LogMelFrontend.HOP_LENGTH;
    private static final int PCM_BLOCK = 1024;

    private final LogMelFrontend frontend;
    private final FrameAnalyzer analyzer;
    private final float[] frame = new float[LogMelFrontend.FRAME_LENGTH];
    private final float[] features;
    private final float[] pcmBlock = new float[PCM_BLOCK];
    private int buffered;
    private long samplesAccepted;
    private long framesEmitted;
    private int pendingLowByte = -1;

    LogMelStream(LogMelFrontend frontend, FrameAnalyzer analyzer) {
        this.frontend = frontend;
        this.analyzer = analyzer;
        this.features = new float[frontend.nMels()];
    }

    public LogMelFrontend frontend() {
        return frontend;
    }

    /** Samples accepted since the start (or the last {@link #reset()}), including a split PCM sample once whole. */
    public long samplesAccepted() {
        return samplesAccepted;
    }

    public long framesEmitted() {
        return framesEmitted;
    }

    /** Starts over at sample 0, as for a new stream. */
    public void reset() {
        buffered = 0;
        samplesAccepted = 0;
        framesEmitted = 0;
        pendingLowByte = -1;
    }

    /** Accepts float samples (full scale at ±1); returns the number of frames emitted to {@code sink}. */
    public int accept(float[] samples, FrameSink sink) {
        return accept(samples, 0, samples.length, sink);
    }

    public int accept(float[] samples, int offset, int length, FrameSink sink) {
        int emitted = 0;
        int end = offset + length;
        while (offset < end) {
            int take = Math.min(end - offset, frame.length - buffered);
            System.arraycopy(samples, offset, frame, buffered, take);
            buffered += take;
            offset += take;
            samplesAccepted += take;
            if (buffered == frame.length) {
                emit(sink);
                emitted++;
            }
        }
        return emitted;
    }

    /** Accepts PCM_S16LE bytes; an odd trailing byte waits for the next call to complete its sample. */
    public int acceptPcm16(byte[] pcm, FrameSink sink) {
        return acceptPcm16(ByteBuffer.wrap(pcm), sink);
    }

    public int acceptPcm16(ByteString pcm, FrameSink sink) {
        return acceptPcm16(pcm.asReadOnlyByteBuffer(), sink);
    }

    /** Accepts the bytes between the buffer's position and limit (the position is left unchanged). */
    public int acceptPcm16(ByteBuffer pcm, FrameSink sink) {
        int at = pcm.position();
        int end = pcm.limit();
        int emitted = 0;
        if (pendingLowByte >= 0 && at < end) {
            pcmBlock[0] = Pcm16.toFloat((short) (pendingLowByte | pcm.get(at++) << 8));
            pendingLowByte = -1;
            emitted += accept(pcmBlock, 0, 1, sink);
        }
        while (end - at >= 2) {
            int count = Math.min(PCM_BLOCK, (end - at) / 2);
            for (int i = 0; i < count; i++, at += 2) {
                pcmBlock[i] = Pcm16.toFloat((short) ((pcm.get(at) & 0xFF) | pcm.get(at + 1) << 8));
            }
            emitted += accept(pcmBlock, 0, count, sink);
        }
        if (at < end) {
            pendingLowByte = pcm.get(at) & 0xFF;
        }
        return emitted;
    }

    private void emit(FrameSink sink) {
        analyzer.analyze(frame, 0, features);
        sink.accept(framesEmitted++, features);
        System.arraycopy(frame, LogMelFrontend.HOP_LENGTH, frame, 0, OVERLAP);
        buffered = OVERLAP;
    }
}
