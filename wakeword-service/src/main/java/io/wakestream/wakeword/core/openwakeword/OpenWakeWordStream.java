package io.wakestream.wakeword.core.openwakeword;

import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxModel;
import io.wakestream.wakeword.core.DetectorScore;
import io.wakestream.wakeword.core.DetectorStream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.wakestream.wakeword.core.openwakeword.OpenWakeWordFeatures.EMBEDDING_DIM;
import static io.wakestream.wakeword.core.openwakeword.OpenWakeWordFeatures.EMBEDDING_STEP_FRAMES;
import static io.wakestream.wakeword.core.openwakeword.OpenWakeWordFeatures.MEL_BINS;
import static io.wakestream.wakeword.core.openwakeword.OpenWakeWordFeatures.WINDOW_FRAMES;

/**
 * One stream through openWakeWord's pipeline, one step per 1280 samples (80 ms):
 * <ol>
 *   <li>the step's samples, scaled to int16 values, plus the 480 samples before them (none before
 *       the first step) go through the melspectrogram graph: 8 new mel frames (5 on the first step);</li>
 *   <li>the embedding graph turns the newest 76 mel frames into one 96-dimensional embedding;</li>
 *   <li>the keyword graph scores the newest 16 embeddings.</li>
 * </ol>
 * The mel buffer starts as 76 frames of ones and the embedding buffer as embeddings of noise, as in
 * openWakeWord; its first 5 scores are zero while those buffers fill. Because every step sees the
 * same samples whatever the chunking, any chunk sizes give the same scores.
 */
final class OpenWakeWordStream implements DetectorStream {

    static final int STEP_SAMPLES = 1280;
    static final int OVERLAP_SAMPLES = 480;
    static final int HOP_SAMPLES = 160;
    static final int ZEROED_SCORES = 5;
    /** From the start of a step's newest mel frame to the end of the step: 640. */
    private static final int NEWEST_FRAME_TO_STEP_END =
            STEP_SAMPLES + OVERLAP_SAMPLES - (STEP_SAMPLES / HOP_SAMPLES - 1) * HOP_SAMPLES;
    /** From the first sample the keyword model sees (oldest frame of the oldest embedding) to the step's end: 31840. */
    static final int WINDOW_SAMPLES = NEWEST_FRAME_TO_STEP_END
            + ((OpenWakeWordDetector.FEATURE_FRAMES - 1) * EMBEDDING_STEP_FRAMES + WINDOW_FRAMES - 1) * HOP_SAMPLES;

    private final OpenWakeWordFeatures features;
    private final OnnxModel keywordModel;
    private final RowWindow mel = RowWindow.filled(WINDOW_FRAMES, MEL_BINS, 1f);
    private final RowWindow embeddings;
    // [0, OVERLAP) holds the previous step's last samples, [OVERLAP, OVERLAP + STEP) the current step.
    private final float[] audio = new float[OVERLAP_SAMPLES + STEP_SAMPLES];
    private int pending;
    private long steps;

    OpenWakeWordStream(OpenWakeWordFeatures features, OnnxModel keywordModel, float[] initialEmbeddings) {
        this.features = features;
        this.keywordModel = keywordModel;
        this.embeddings = RowWindow.of(EMBEDDING_DIM, initialEmbeddings);
    }

    @Override
    public List<DetectorScore> accept(float[] samples, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > samples.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " in " + samples.length + " samples");
        }
        List<DetectorScore> scores = new ArrayList<>((pending + length) / STEP_SAMPLES);
        for (int i = offset; i < offset + length; i++) {
            audio[OVERLAP_SAMPLES + pending++] = toInt16(samples[i]);
            if (pending == STEP_SAMPLES) {
                scores.add(step());
            }
        }
        return scores;
    }

    private DetectorScore step() {
        float[] input = steps == 0 ? Arrays.copyOfRange(audio, OVERLAP_SAMPLES, audio.length) : audio.clone();
        float[] frames = features.melFrames(input);
        for (int offset = 0; offset < frames.length; offset += MEL_BINS) {
            mel.push(frames, offset);
        }
        embeddings.push(features.embed(mel.snapshot(), 1), 0);
        float score = keywordModel.run(FloatTensor.of(embeddings.snapshot(), 1, OpenWakeWordDetector.FEATURE_FRAMES, EMBEDDING_DIM))
                .data()[0];
        steps++;
        System.arraycopy(audio, STEP_SAMPLES, audio, 0, OVERLAP_SAMPLES);
        pending = 0;
        return new DetectorScore(steps * STEP_SAMPLES, steps <= ZEROED_SCORES ? 0f : score);
    }

    // openWakeWord takes int16 PCM; our samples are int16 / 32768, so this restores them exactly.
    private static float toInt16(float sample) {
        return (float) Math.clamp(Math.rint(sample * 32768.0), -32768.0, 32767.0);
    }
}
