package io.wakestream.common.phonetic;

import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.frontend.LogMelStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One stream through a {@link PhoneticEncoder}: audio (float samples or PCM_S16LE bytes, chunks of
 * any size, through {@link LogMelStream}) or log-mel frames in, encoder outputs out, the same as a
 * whole-file run of the toolkit (encoder.py's {@code pad_stream}): the stream starts with
 * {@code leftContext} silence frames (log 1e-6 in every band, the frontend's frame of all-zero audio),
 * and {@link #finish()} appends {@code lookahead + subsampling - 1} more, so N input frames give
 * ceil(N / subsampling) outputs, output u covering [u, u + 1) x outputFrameMs of the audio.
 *
 * <p>An output needs {@code lookahead} input frames after its own, so it arrives that much later than
 * its audio, and the stream calls the model once it can make {@code outputsPerCall} outputs (more when
 * a chunk brings more). One stream takes either audio or frames, not both. Not thread-safe.
 */
public final class PhoneticStream {

    /** Outputs of one model call at most (about 20 s of audio), so that one huge chunk does not make one huge tensor. */
    static final int MAX_OUTPUTS_PER_CALL = 1024;

    private enum Input { NONE, AUDIO, FEATURES }

    private final PhoneticEncoder encoder;
    private final EncoderSpec spec;
    private final LogMelStream frontend;
    private final int nMels;
    private final float[] silence;
    private final List<EncoderFrames> produced = new ArrayList<>();
    private float[] buffer;
    private int bufferedFrames;
    private long outputsEmitted;
    private long framesAccepted;
    private Input input = Input.NONE;
    private boolean finished;

    PhoneticStream(PhoneticEncoder encoder, LogMelStream frontend) {
        this.encoder = encoder;
        this.spec = encoder.spec();
        this.frontend = frontend;
        this.nMels = spec.nMels();
        this.silence = new float[nMels];
        Arrays.fill(silence, (float) Math.log(LogMelFrontend.LOG_FLOOR));
        this.buffer = new float[(spec.receptive() + 2 * encoder.outputsPerCall() * spec.subsampling()) * nMels];
        for (int i = 0; i < spec.leftContext(); i++) {
            append(silence);
        }
    }

    /**
     * Accepts float samples at 16 kHz (full scale ±1).
     *
     * @return the outputs this chunk completed (possibly none), following on from the previous ones
     * @throws IllegalStateException after {@link #finish()}, or if the stream was fed frames
     */
    public EncoderFrames acceptSamples(float[] samples, int offset, int length) {
        start(Input.AUDIO);
        frontend.accept(samples, offset, length, this::onFrame);
        return collect(false);
    }

    public EncoderFrames acceptSamples(float[] samples) {
        return acceptSamples(samples, 0, samples.length);
    }

    /** Accepts PCM_S16LE bytes at 16 kHz; an odd trailing byte waits for the next chunk. Otherwise as {@link #acceptSamples}. */
    public EncoderFrames acceptPcm16(byte[] pcm) {
        return acceptPcm16(ByteBuffer.wrap(pcm));
    }

    /** Accepts the bytes between the buffer's position and limit (the position is left unchanged). */
    public EncoderFrames acceptPcm16(ByteBuffer pcm) {
        start(Input.AUDIO);
        frontend.acceptPcm16(pcm, this::onFrame);
        return collect(false);
    }

    /**
     * Accepts log-mel frames ({@code frames[t]} holds n_mels values, as {@link LogMelFrontend} computes them).
     *
     * @throws IllegalArgumentException if a frame has another size than n_mels
     * @throws IllegalStateException    after {@link #finish()}, or if the stream was fed audio
     */
    public EncoderFrames acceptFeatures(float[][] frames) {
        start(Input.FEATURES);
        for (float[] frame : frames) {
            if (frame.length != nMels) {
                throw new IllegalArgumentException("frame of " + frame.length + " values, the encoder takes " + nMels);
            }
            onFrame(framesAccepted, frame);
        }
        return collect(false);
    }

    /**
     * Ends the stream: pads it with trailing silence frames and returns every output still owed, so that
     * the stream has given ceil(N / subsampling) outputs for its N input frames. A trailing part of a
     * frame (fewer than 400 samples after the last whole frame) is not a frame and is dropped, as the
     * frontend drops it. Further calls are refused.
     */
    public EncoderFrames finish() {
        if (finished) {
            throw new IllegalStateException("stream already finished");
        }
        finished = true;
        for (int i = 0; i < spec.trailingPadding(); i++) {
            append(silence);
        }
        return collect(true);
    }

    /** Input frames accepted so far (frames of audio computed, or frames given). */
    public long framesAccepted() {
        return framesAccepted;
    }

    /** Outputs returned so far. */
    public long outputsEmitted() {
        return outputsEmitted;
    }

    private void start(Input kind) {
        if (finished) {
            throw new IllegalStateException("stream already finished");
        }
        if (input != Input.NONE && input != kind) {
            throw new IllegalStateException("this stream takes " + input.name().toLowerCase(Locale.ROOT) + ", not "
                    + kind.name().toLowerCase(Locale.ROOT) + ": one stream takes either audio or log-mel frames");
        }
        input = kind;
    }

    private void onFrame(long frameIndex, float[] features) {
        append(features);
        framesAccepted++;
        if (spec.outputsFor(bufferedFrames) >= MAX_OUTPUTS_PER_CALL) {
            encode(MAX_OUTPUTS_PER_CALL);
        }
    }

    private EncoderFrames collect(boolean flush) {
        int ready = spec.outputsFor(bufferedFrames);
        if (ready > 0 && (flush || ready >= encoder.outputsPerCall())) {
            encode(ready);
        }
        EncoderFrames result = produced.isEmpty()
                ? EncoderFrames.empty(outputsEmitted, spec.phones().size(), encoder.embeddingSize())
                : EncoderFrames.concat(produced);
        produced.clear();
        outputsEmitted = result.end();
        return result;
    }

    /** Runs the model for the next {@code outputs} outputs and drops the input frames no later output reads. */
    private void encode(int outputs) {
        long first = outputsEmitted + produced.stream().mapToLong(EncoderFrames::count).sum();
        int frames = spec.leftContext() + spec.lookahead() + outputs * spec.subsampling();
        produced.add(encoder.run(buffer, frames, first));
        int consumed = outputs * spec.subsampling();
        System.arraycopy(buffer, consumed * nMels, buffer, 0, (bufferedFrames - consumed) * nMels);
        bufferedFrames -= consumed;
    }

    private void append(float[] frame) {
        if ((bufferedFrames + 1) * nMels > buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        System.arraycopy(frame, 0, buffer, bufferedFrames * nMels, nMels);
        bufferedFrames++;
    }
}
