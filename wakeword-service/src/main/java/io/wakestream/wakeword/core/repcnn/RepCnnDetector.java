package io.wakestream.wakeword.core.repcnn;

import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.model.FrontendSpec;
import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelManifest;
import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxModel;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.DetectorStream;
import io.wakestream.wakeword.core.ScoreBatch;
import io.wakestream.wakeword.core.TriggerSettings;
import io.wakestream.wakeword.core.WindowScorer;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RepCNN wake-word detector (training/wakestream_training/repcnn): a folded single-branch CNN
 * scoring a window of {@code window_frames} log-mel frames every {@code hop_frames} frames. The
 * ONNX graph takes {@code [batch, window_frames, n_mels]}, so windows of many streams share one call
 * (a {@link ScoreBatch}). A stream starts from silence: the window before the first frames is
 * filled with the frontend's frame of all-zero audio, and the first score comes after
 * {@code hop_frames} frames ({@link RepCnnStream}). Scores are raw window probabilities; the engine's
 * trigger policy smooths and thresholds them with the manifest's {@code smoothing_windows},
 * {@code refractory_seconds} and {@code thresholds.detection} ({@link #triggerSettings()}).
 */
public final class RepCnnDetector implements Detector, WindowScorer {

    /** The manifest's frontend type: ARCHITECTURE.md's log-mel frontend. */
    public static final String FRONTEND_TYPE = "logmel";
    /** Upper bound of windows in one model call. */
    static final int MAX_BATCH_WINDOWS = 256;

    private final String keyword;
    private final String modelId;
    private final TriggerSettings triggerSettings;
    private final int windowFrames;
    private final int hopFrames;
    private final LogMelFrontend frontend;
    private final float[] silenceFrame;
    private final OnnxModel model;
    private final long[] windowShape;
    private final AtomicLong calls = new AtomicLong();

    RepCnnDetector(ModelManifest manifest, TriggerSettings triggerSettings, OnnxModel model, int nMels,
                   int windowFrames, int hopFrames) {
        this.keyword = manifest.keyword();
        this.modelId = manifest.id();
        this.triggerSettings = triggerSettings;
        this.windowFrames = windowFrames;
        this.hopFrames = hopFrames;
        this.frontend = new LogMelFrontend(nMels);
        this.silenceFrame = frontend.compute(new float[LogMelFrontend.FRAME_LENGTH])[0];
        this.model = model;
        this.windowShape = new long[] {windowFrames, nMels};
    }

    /**
     * The detector of a verified RepCNN model, its graph loaded through {@code engine} under the model's id.
     *
     * @throws ModelException if the manifest or the graph does not describe a RepCNN wake-word model, or the
     *                        manifest lacks a valid threshold, {@code smoothing_windows} or {@code refractory_seconds}
     */
    public static RepCnnDetector load(LoadedModel model, OnnxEngine engine) {
        ModelManifest manifest = model.manifest();
        FrontendSpec spec = manifest.frontend();
        if (spec == null || !FRONTEND_TYPE.equals(spec.type()) || spec.sampleRate() != LogMelFrontend.SAMPLE_RATE
                || manifest.keyword() == null) {
            throw new ModelException("model " + model.id() + " is not a RepCNN keyword model: it needs a keyword and frontend "
                    + FRONTEND_TYPE + " at " + LogMelFrontend.SAMPLE_RATE + " Hz, manifest has keyword "
                    + manifest.keyword() + " and frontend " + spec);
        }
        int nMels = intParameter(model, spec, "n_mels");
        int windowFrames = intParameter(model, spec, "window_frames");
        int hopFrames = intParameter(model, spec, "hop_frames");
        TriggerSettings triggerSettings = TriggerSettings.fromManifest(manifest);
        OnnxModel graph = engine.load(model.id(), model.modelFile());
        long[] input = graph.inputShape(graph.inputNames().getFirst());
        if (graph.inputNames().size() != 1 || input.length != 3 || input[1] != windowFrames || input[2] != nMels) {
            throw new ModelException("model " + model.id() + " graph takes " + graph.inputNames() + " " + Arrays.toString(input)
                    + ", but its manifest says windows of " + windowFrames + " x " + nMels);
        }
        return new RepCnnDetector(manifest, triggerSettings, graph, nMels, windowFrames, hopFrames);
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
        return LogMelFrontend.FRAME_LENGTH + (windowFrames - 1) * LogMelFrontend.HOP_LENGTH;
    }

    @Override
    public TriggerSettings triggerSettings() {
        return triggerSettings;
    }

    @Override
    public DetectorStream openStream() {
        return new RepCnnStream(this, frontend);
    }

    /** The session belongs to the {@link OnnxEngine} that loaded it; the engine closes it. */
    @Override
    public void close() {
        // nothing of its own to release
    }

    int windowFrames() {
        return windowFrames;
    }

    int hopFrames() {
        return hopFrames;
    }

    /** The frontend's frame of all-zero audio: what a stream's window holds before its first frames. */
    float[] silenceFrame() {
        return silenceFrame.clone();
    }

    /** Model calls made so far, across all streams. */
    long modelCalls() {
        return calls.get();
    }

    @Override
    public int windowValues() {
        return (int) (windowShape[0] * windowShape[1]);
    }

    @Override
    public int maxBatchWindows() {
        return MAX_BATCH_WINDOWS;
    }

    /** Scores {@code count} windows of {@code window_frames × n_mels} log-mel values each, laid out one after another. */
    @Override
    public float[] score(float[] windows, int count) {
        calls.incrementAndGet();
        return model.run(FloatTensor.of(windows, count, windowShape[0], windowShape[1])).data();
    }

    private static int intParameter(LoadedModel model, FrontendSpec spec, String name) {
        if (!(spec.parameters().get(name) instanceof Number value) || value.intValue() <= 0) {
            throw new ModelException("model " + model.id() + " frontend needs a positive integer " + name
                    + ", has " + spec.parameters().get(name));
        }
        return value.intValue();
    }
}
