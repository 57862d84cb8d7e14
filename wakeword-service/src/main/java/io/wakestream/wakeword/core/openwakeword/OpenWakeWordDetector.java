package io.wakestream.wakeword.core.openwakeword;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelManifest;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxModel;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.DetectorStream;
import io.wakestream.wakeword.core.TriggerSettings;
import java.time.Duration;

/**
 * openWakeWord's published streaming pipeline (melspectrogram.onnx, embedding_model.onnx and a
 * keyword model such as hey_jarvis_v0.1.onnx), the baseline detector. It scores every 1280-sample
 * step exactly as openWakeWord's Python {@code Model.predict} does when fed 80 ms chunks; see
 * {@link OpenWakeWordStream}.
 */
public final class OpenWakeWordDetector implements Detector {

    /** The manifest's frontend type for this pipeline. */
    public static final String FRONTEND_TYPE = "openwakeword";
    /** The manifest's file role of the melspectrogram graph. */
    public static final String MELSPECTROGRAM_ROLE = "melspectrogram";
    /** The manifest's file role of the embedding graph. */
    public static final String EMBEDDING_ROLE = "embedding";
    /** Without manifest parameters saying otherwise, scores are not smoothed ... */
    static final int DEFAULT_SMOOTHING_SCORES = 1;
    /** ... and a firing is followed by 2 s without another (one utterance, one detection). */
    static final Duration DEFAULT_REFRACTORY = Duration.ofSeconds(2);

    static final int SAMPLE_RATE = 16000;
    static final int FEATURE_FRAMES = 16;
    /** openWakeWord seeds its feature buffer from 4 s of noise. */
    static final int NOISE_SAMPLES = 4 * SAMPLE_RATE;
    static final long NOISE_SEED = 16000L;

    private final String keyword;
    private final String modelId;
    private final TriggerSettings triggerSettings;
    private final OpenWakeWordFeatures features;
    private final OnnxModel keywordModel;
    private final float[] initialEmbeddings;

    private OpenWakeWordDetector(ModelManifest manifest, OpenWakeWordFeatures features, OnnxModel keywordModel) {
        this.keyword = manifest.keyword();
        this.modelId = manifest.id();
        this.triggerSettings = TriggerSettings.fromManifest(manifest, DEFAULT_SMOOTHING_SCORES, DEFAULT_REFRACTORY);
        this.features = features;
        this.keywordModel = keywordModel;
        this.initialEmbeddings = features.noiseEmbeddings(NOISE_SAMPLES, NOISE_SEED, FEATURE_FRAMES);
    }

    /**
     * The detector of a verified openWakeWord model (see scripts/fetch-openwakeword.sh), its three
     * graphs loaded through {@code engine} under the ids {@code <name>/<version>#<role>}.
     *
     * @throws ModelException if the manifest does not describe an openWakeWord keyword model
     */
    public static OpenWakeWordDetector load(LoadedModel model, OnnxEngine engine) {
        ModelManifest manifest = model.manifest();
        if (manifest.frontend() == null || !FRONTEND_TYPE.equals(manifest.frontend().type())
                || manifest.frontend().sampleRate() != SAMPLE_RATE || manifest.keyword() == null) {
            throw new ModelException("model " + model.id() + " is not an openWakeWord keyword model: it needs a keyword and frontend "
                    + FRONTEND_TYPE + " at " + SAMPLE_RATE + " Hz, manifest has keyword " + manifest.keyword()
                    + " and frontend " + manifest.frontend());
        }
        OpenWakeWordFeatures features = new OpenWakeWordFeatures(
                engine.load(model.id() + "#" + MELSPECTROGRAM_ROLE, model.file(MELSPECTROGRAM_ROLE)),
                engine.load(model.id() + "#" + EMBEDDING_ROLE, model.file(EMBEDDING_ROLE)));
        OnnxModel keywordModel = engine.load(model.id() + "#" + ModelManifest.MODEL_ROLE, model.modelFile());
        return new OpenWakeWordDetector(manifest, features, keywordModel);
    }

    @Override
    public String keyword() {
        return keyword;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int windowSamples() {
        return OpenWakeWordStream.WINDOW_SAMPLES;
    }

    /** The manifest's threshold; its frontend's smoothing_windows and refractory_seconds if it has them, else 1 score and 2 s. */
    @Override
    public TriggerSettings triggerSettings() {
        return triggerSettings;
    }

    @Override
    public DetectorStream openStream() {
        return new OpenWakeWordStream(features, keywordModel, initialEmbeddings);
    }

    /** The sessions belong to the {@link OnnxEngine} that loaded them; the engine closes them. */
    @Override
    public void close() {
        // nothing of its own to release
    }
}
