package io.wakestream.kws.core;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxException;
import io.wakestream.common.onnx.OnnxModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The verifier's ONNX graph: {@code similarity} [1, U, K], {@code pooled} [1, K, D], {@code phone_vectors}
 * [1, K, D], {@code segment_frames} [1, K] and {@code segment_posteriors} [1, K] in ({@link SpanFeatures}), {@code score} [1] out (a probability: the sigmoid is inside
 * the graph). Thread-safe: the session is shared and owned by the {@link OnnxEngine}.
 */
final class VerifierModel {

    static final String SIMILARITY = "similarity";
    static final String POOLED = "pooled";
    static final String PHONE_VECTORS = "phone_vectors";
    static final String SEGMENT_FRAMES = "segment_frames";
    static final String SEGMENT_POSTERIORS = "segment_posteriors";
    static final String SCORE = "score";

    private final String modelId;
    private final OnnxModel graph;

    private VerifierModel(String modelId, OnnxModel graph) {
        this.modelId = modelId;
        this.graph = graph;
    }

    /**
     * Opens the graph of {@code model} and checks its inputs and outputs against the contract.
     *
     * @throws ModelException if an input or the output is missing or has another rank or embedding size than {@code dimension}
     */
    static VerifierModel open(LoadedModel model, OnnxEngine engine, int dimension) {
        OnnxModel graph = engine.load(model.id(), model.modelFile());
        Set<String> expected = Set.of(SIMILARITY, POOLED, PHONE_VECTORS, SEGMENT_FRAMES, SEGMENT_POSTERIORS);
        if (!Set.copyOf(graph.inputNames()).equals(expected) || !graph.outputNames().contains(SCORE)) {
            throw new ModelException("model " + model.id() + " graph must take " + expected + " and return " + SCORE
                    + "; it takes " + graph.inputNames() + " and returns " + graph.outputNames());
        }
        checkShape(model, SIMILARITY, graph.inputShape(SIMILARITY), 3, -1);
        checkShape(model, POOLED, graph.inputShape(POOLED), 3, dimension);
        checkShape(model, PHONE_VECTORS, graph.inputShape(PHONE_VECTORS), 3, dimension);
        checkShape(model, SEGMENT_FRAMES, graph.inputShape(SEGMENT_FRAMES), 2, -1);
        checkShape(model, SEGMENT_POSTERIORS, graph.inputShape(SEGMENT_POSTERIORS), 2, -1);
        return new VerifierModel(model.id(), graph);
    }

    String modelId() {
        return modelId;
    }

    /**
     * The score of one span.
     *
     * @param phoneVectors the phrase's phone vectors, row-major K x D
     * @throws OnnxException if the graph fails or returns something other than one finite value
     */
    double score(SpanFeatures features, float[] phoneVectors) {
        int k = features.units();
        int d = features.dimension();
        Map<String, FloatTensor> inputs = new LinkedHashMap<>();
        inputs.put(SIMILARITY, FloatTensor.of(features.similarity(), 1, features.frames(), k));
        inputs.put(POOLED, FloatTensor.of(features.pooled(), 1, k, d));
        inputs.put(PHONE_VECTORS, FloatTensor.of(phoneVectors, 1, k, d));
        inputs.put(SEGMENT_FRAMES, FloatTensor.of(features.segmentFrames(), 1, k));
        inputs.put(SEGMENT_POSTERIORS, FloatTensor.of(features.segmentPosteriors(), 1, k));
        FloatTensor score = graph.run(inputs).get(SCORE);
        if (score.data().length != 1 || !Float.isFinite(score.data()[0])) {
            throw new OnnxException("model " + modelId + " returned " + SCORE + " " + Arrays.toString(score.shape())
                    + " = " + Arrays.toString(score.data()) + ", expected one finite value");
        }
        return score.data()[0];
    }

    // width -1: any; batch 1 or dynamic; the other dimensions dynamic or, for the last of pooled and phone_vectors, D.
    private static void checkShape(LoadedModel model, String name, long[] shape, int rank, int width) {
        boolean fits = shape.length == rank && shape[0] <= 1
                && (width < 0 || shape[rank - 1] == width || shape[rank - 1] == -1);
        if (!fits) {
            throw new ModelException("model " + model.id() + " input " + name + " has shape " + Arrays.toString(shape)
                    + ", expected rank " + rank + " with batch 1" + (width < 0 ? "" : " and last dimension " + width));
        }
    }
}
