package io.wakestream.common.phonetic;

import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxException;
import io.wakestream.common.onnx.OnnxModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The streaming phone-CTC acoustic encoder (training/wakestream_training/phonetic/encoder.py): 16 kHz
 * audio → 80-bin log-mel frames → per 20 ms output, natural-log phone posteriors ({@code <blank>}
 * first, then the 39 ARPAbet phones of {@link PhoneSet}) and an embedding
 * vector. The ONNX graph takes {@code features [1, T, n_mels]} and returns {@code log_probs [1, U, V]}
 * and {@code embeddings [1, U, E]}, U = floor((T - leftContext - lookahead) / subsampling); its
 * convolutions are unpadded, so {@link PhoneticStream} gives the same outputs in any chunking as a
 * whole-file run.
 *
 * <p>Lifecycle: {@link #open} → {@link #newStream()} per audio stream → {@link #close()}. The encoder is
 * thread-safe and shared; each stream belongs to one thread. Its ONNX session belongs to the
 * {@link OnnxEngine} (shared, reported and closed there); closing the encoder only refuses new streams
 * and calls.
 */
public final class PhoneticEncoder implements AutoCloseable {

    static final String INPUT = "features";
    static final String LOG_PROBS = "log_probs";
    static final String EMBEDDINGS = "embeddings";

    private final String modelId;
    private final EncoderSpec spec;
    private final OnnxModel graph;
    private final int embeddingSize;
    private final int outputsPerCall;
    private final LogMelFrontend frontend;
    private volatile boolean closed;

    private PhoneticEncoder(String modelId, EncoderSpec spec, OnnxModel graph, int embeddingSize, int outputsPerCall) {
        this.modelId = modelId;
        this.spec = spec;
        this.graph = graph;
        this.embeddingSize = embeddingSize;
        this.outputsPerCall = outputsPerCall;
        this.frontend = new LogMelFrontend(spec.nMels());
    }

    /**
     * Loads the configured model from {@code models} (sha256-checked) and its graph through {@code engine}.
     *
     * @throws io.wakestream.common.model.ModelNotFoundException if the model or a file is missing
     * @throws ModelException if the manifest is not a phonetic encoder's ({@link EncoderSpec#of}) or the
     *                        graph's inputs and outputs differ from it
     * @throws OnnxException  if ONNX Runtime cannot open the graph
     */
    public static PhoneticEncoder open(ModelRepository models, PhoneticEncoderConfig config, OnnxEngine engine) {
        LoadedModel model = config.version().isEmpty() ? models.loadLatest(config.model())
                : models.load(config.model(), config.version());
        EncoderSpec spec = EncoderSpec.of(model);
        OnnxModel graph = engine.load(model.id(), model.modelFile());
        long[] input = graph.inputNames().equals(List.of(INPUT)) ? graph.inputShape(INPUT) : null;
        long[] logProbs = graph.outputNames().contains(LOG_PROBS) ? graph.outputShape(LOG_PROBS) : null;
        long[] embeddings = graph.outputNames().contains(EMBEDDINGS) ? graph.outputShape(EMBEDDINGS) : null;
        checkShape(model, "inputs " + graph.inputNames(), INPUT, input, spec.nMels());
        checkShape(model, "outputs " + graph.outputNames(), LOG_PROBS, logProbs, spec.phones().size());
        checkShape(model, "outputs " + graph.outputNames(), EMBEDDINGS, embeddings, -1);
        long embeddingSize = embeddings[2];
        if (embeddingSize < 1) {
            throw new ModelException("model " + model.id() + " graph output " + EMBEDDINGS + " has no fixed size: "
                    + Arrays.toString(embeddings));
        }
        return new PhoneticEncoder(model.id(), spec, graph, (int) embeddingSize, config.outputsPerCall());
    }

    /** name/version of the loaded model. */
    public String modelId() {
        return modelId;
    }

    public EncoderSpec spec() {
        return spec;
    }

    /** E: values of one output's embedding. */
    public int embeddingSize() {
        return embeddingSize;
    }

    public int outputsPerCall() {
        return outputsPerCall;
    }

    /** A new stream starting at sample 0 (or input frame 0): one per audio stream, used by one thread. */
    public PhoneticStream newStream() {
        checkOpen();
        return new PhoneticStream(this, frontend.newStream());
    }

    /** Refuses further streams and model calls; the session stays with the {@link OnnxEngine}. */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * Runs the graph on the first {@code frames} frames of {@code features} (row-major, n_mels a frame).
     *
     * @return the {@link EncoderSpec#outputsFor}{@code (frames)} outputs, indexed from {@code first}
     */
    EncoderFrames run(float[] features, int frames, long first) {
        checkOpen();
        int expected = spec.outputsFor(frames);
        Map<String, FloatTensor> outputs = graph.run(Map.of(INPUT,
                FloatTensor.of(Arrays.copyOf(features, frames * spec.nMels()), 1, frames, spec.nMels())));
        float[] logProbs = output(outputs, LOG_PROBS, expected, spec.phones().size());
        float[] embeddings = output(outputs, EMBEDDINGS, expected, embeddingSize);
        return new EncoderFrames(first, expected, spec.phones().size(), embeddingSize, logProbs, embeddings);
    }

    private float[] output(Map<String, FloatTensor> outputs, String name, int count, int width) {
        FloatTensor tensor = outputs.get(name);
        long[] shape = tensor.shape();
        if (shape.length != 3 || shape[0] != 1 || shape[1] != count || shape[2] != width) {
            throw new OnnxException("model " + modelId + " returned " + name + " " + Arrays.toString(shape)
                    + ", expected [1, " + count + ", " + width + "]");
        }
        return tensor.data();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("phonetic encoder " + modelId + " is closed");
        }
    }

    // width -1: any fixed size; the batch must be 1 or dynamic, time dynamic.
    private static void checkShape(LoadedModel model, String has, String name, long[] shape, int width) {
        boolean fits = shape != null && shape.length == 3 && shape[0] <= 1 && shape[1] == -1
                && (width < 0 || shape[2] == width);
        if (!fits) {
            throw new ModelException("model " + model.id() + " graph needs " + name + " [1, T, " + (width < 0 ? "E" : width)
                    + "] with dynamic T; it has " + has + (shape == null ? "" : " with " + name + " " + Arrays.toString(shape)));
        }
    }
}
