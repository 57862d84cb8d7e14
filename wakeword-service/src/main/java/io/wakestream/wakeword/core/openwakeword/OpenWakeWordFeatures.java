package io.wakestream.wakeword.core.openwakeword;

import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxModel;

import java.util.SplittableRandom;

/**
 * openWakeWord's shared feature graphs: melspectrogram.onnx (int16-valued audio to 32-bin mel
 * frames, rescaled by x/10 + 2 as openWakeWord does) and embedding_model.onnx (76 mel frames to a
 * 96-dimensional speech embedding).
 */
final class OpenWakeWordFeatures {

    static final int MEL_BINS = 32;
    static final int WINDOW_FRAMES = 76;
    static final int EMBEDDING_STEP_FRAMES = 8;
    static final int EMBEDDING_DIM = 96;

    private final OnnxModel melspectrogram;
    private final OnnxModel embedding;

    OpenWakeWordFeatures(OnnxModel melspectrogram, OnnxModel embedding) {
        this.melspectrogram = melspectrogram;
        this.embedding = embedding;
    }

    /**
     * Mel frames of int16-valued samples, rows of {@value #MEL_BINS}. The graph frames 512 samples
     * every 160 and clips at 80 dB below the loudest value of the whole call, so its output depends
     * on exactly which samples one call sees.
     */
    float[] melFrames(float[] samples) {
        float[] frames = melspectrogram.run(FloatTensor.of(samples, 1, samples.length)).data();
        for (int i = 0; i < frames.length; i++) {
            frames[i] = frames[i] / 10f + 2f;
        }
        return frames;
    }

    /** The embeddings of {@code count} windows of {@value #WINDOW_FRAMES} mel frames, rows of {@value #EMBEDDING_DIM}. */
    float[] embed(float[] windows, int count) {
        return embedding.run(FloatTensor.of(windows, count, WINDOW_FRAMES, MEL_BINS, 1)).data();
    }

    /**
     * The last {@code count} embeddings of a clip of uniform int16 noise in [-1000, 1000), with
     * windows every {@value #EMBEDDING_STEP_FRAMES} frames from the clip's start: how openWakeWord
     * seeds its feature buffer. It draws fresh noise per instance; a fixed seed keeps our scores
     * reproducible.
     */
    float[] noiseEmbeddings(int noiseSamples, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] noise = new float[noiseSamples];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextInt(-1000, 1000);
        }
        float[] frames = melFrames(noise);
        int frameCount = frames.length / MEL_BINS;
        int windowCount = (frameCount - WINDOW_FRAMES) / EMBEDDING_STEP_FRAMES + 1;
        if (windowCount < count) {
            throw new IllegalArgumentException(noiseSamples + " noise samples give " + windowCount + " windows, need " + count);
        }
        float[] windows = new float[count * WINDOW_FRAMES * MEL_BINS];
        for (int i = 0; i < count; i++) {
            int firstFrame = (windowCount - count + i) * EMBEDDING_STEP_FRAMES;
            System.arraycopy(frames, firstFrame * MEL_BINS, windows, i * WINDOW_FRAMES * MEL_BINS, WINDOW_FRAMES * MEL_BINS);
        }
        return embed(windows, count);
    }
}
