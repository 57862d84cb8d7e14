package io.wakestream.wakeword.core.openwakeword;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelManifest;
import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * openWakeWord's streaming arithmetic written the way its Python states it, for 1280-sample
 * chunks: growing lists of all raw samples, mel frames and embeddings, sliced from the end
 * ({@code raw[-1280-480:]}, {@code mel[-76:]}, {@code features[-16:]}). The detector keeps only
 * fixed windows; this checks that it slices the same data.
 */
final class OpenWakeWordReference {

    private final OnnxModel melspectrogram;
    private final OnnxModel embedding;
    private final OnnxModel keyword;

    OpenWakeWordReference(LoadedModel model, OnnxEngine engine) {
        this.melspectrogram = engine.load(model.id() + "#melspectrogram", model.file("melspectrogram"));
        this.embedding = engine.load(model.id() + "#embedding", model.file("embedding"));
        this.keyword = engine.load(model.id() + "#" + ModelManifest.MODEL_ROLE, model.modelFile());
    }

    List<Float> scores(float[] audio) {
        List<Float> raw = new ArrayList<>();
        List<float[]> mel = new ArrayList<>();
        for (int i = 0; i < 76; i++) {
            float[] ones = new float[32];
            Arrays.fill(ones, 1f);
            mel.add(ones);
        }
        List<float[]> features = noiseFeatures();
        List<Float> scores = new ArrayList<>();
        for (int start = 0; start + 1280 <= audio.length; start += 1280) {
            for (int i = start; i < start + 1280; i++) {
                raw.add((float) Math.rint(audio[i] * 32768.0));
            }
            mel.addAll(melFrames(raw.subList(Math.max(0, raw.size() - 1280 - 480), raw.size())));
            features.add(embed(mel.subList(mel.size() - 76, mel.size())));
            float score = keyword.run(FloatTensor.of(flatten(features.subList(features.size() - 16, features.size())), 1, 16, 96))
                    .data()[0];
            scores.add(scores.size() < 5 ? 0f : score);
        }
        return scores;
    }

    // Every embedding of 4 s of noise, windows of 76 frames every 8 from the start, as openWakeWord seeds its buffer.
    private List<float[]> noiseFeatures() {
        SplittableRandom random = new SplittableRandom(OpenWakeWordDetector.NOISE_SEED);
        List<Float> noise = new ArrayList<>();
        for (int i = 0; i < 4 * 16000; i++) {
            noise.add((float) random.nextInt(-1000, 1000));
        }
        List<float[]> frames = melFrames(noise);
        List<float[]> features = new ArrayList<>();
        for (int i = 0; i + 76 <= frames.size(); i += 8) {
            features.add(embed(frames.subList(i, i + 76)));
        }
        return features;
    }

    private List<float[]> melFrames(List<Float> samples) {
        float[] input = new float[samples.size()];
        for (int i = 0; i < input.length; i++) {
            input[i] = samples.get(i);
        }
        float[] spec = melspectrogram.run(FloatTensor.of(input, 1, input.length)).data();
        List<float[]> frames = new ArrayList<>();
        for (int offset = 0; offset < spec.length; offset += 32) {
            float[] frame = Arrays.copyOfRange(spec, offset, offset + 32);
            for (int bin = 0; bin < 32; bin++) {
                frame[bin] = frame[bin] / 10f + 2f;
            }
            frames.add(frame);
        }
        return frames;
    }

    private float[] embed(List<float[]> window) {
        return embedding.run(FloatTensor.of(flatten(window), 1, 76, 32, 1)).data();
    }

    private static float[] flatten(List<float[]> rows) {
        float[] flat = new float[rows.size() * rows.getFirst().length];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * rows.get(i).length, rows.get(i).length);
        }
        return flat;
    }
}
