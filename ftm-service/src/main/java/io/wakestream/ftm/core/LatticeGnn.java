package io.wakestream.ftm.core;

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
 * The lattice GNN's ONNX graph: {@code word_ids} [B, N] (float ids, cast inside), {@code arc_features}
 * [B, N, F], {@code adjacency} [B, N, N] and {@code mask} [B, N] in ({@link LatticeGraph}), {@code p_addressed}
 * [B] out: the probability that the device was addressed (the sigmoid is inside the graph). Thread-safe: the
 * session is shared and owned by the {@link OnnxEngine}.
 */
final class LatticeGnn {

    static final String WORD_IDS = "word_ids";
    static final String ARC_FEATURES = "arc_features";
    static final String ADJACENCY = "adjacency";
    static final String MASK = "mask";
    static final String OUTPUT = "p_addressed";

    private final String modelId;
    private final OnnxModel graph;
    private final int maxArcs;

    private LatticeGnn(String modelId, OnnxModel graph, int maxArcs) {
        this.modelId = modelId;
        this.graph = graph;
        this.maxArcs = maxArcs;
    }

    /**
     * Opens the graph of {@code model} and checks its inputs and output against the contract.
     *
     * @throws ModelException if an input or the output is missing, or arc_features' last dimension is not F
     */
    static LatticeGnn open(LoadedModel model, OnnxEngine engine, int maxArcs) {
        OnnxModel graph = engine.load(model.id(), model.modelFile());
        Set<String> expected = Set.of(WORD_IDS, ARC_FEATURES, ADJACENCY, MASK);
        if (!Set.copyOf(graph.inputNames()).equals(expected) || !graph.outputNames().contains(OUTPUT)) {
            throw new ModelException("model " + model.id() + " graph must take " + expected + " and return " + OUTPUT
                    + "; it takes " + graph.inputNames() + " and returns " + graph.outputNames());
        }
        long[] features = graph.inputShape(ARC_FEATURES);
        if (features.length != 3 || features[2] != LatticeGraph.FEATURES.size()) {
            throw new ModelException("model " + model.id() + " input " + ARC_FEATURES + " has shape " + Arrays.toString(features)
                    + ", expected [B, N, " + LatticeGraph.FEATURES.size() + "]");
        }
        return new LatticeGnn(model.id(), graph, maxArcs);
    }

    /**
     * The probability that the device was addressed, for one graph.
     *
     * @throws OnnxException if the graph fails or returns something other than one value in [0, 1]
     */
    float score(LatticeGraph lattice) {
        int n = maxArcs;
        Map<String, FloatTensor> inputs = new LinkedHashMap<>();
        inputs.put(WORD_IDS, FloatTensor.of(lattice.wordIds(), 1, n));
        inputs.put(ARC_FEATURES, FloatTensor.of(lattice.features(), 1, n, LatticeGraph.FEATURES.size()));
        inputs.put(ADJACENCY, FloatTensor.of(lattice.adjacency(), 1, n, n));
        inputs.put(MASK, FloatTensor.of(lattice.mask(), 1, n));
        float[] out = graph.run(inputs).get(OUTPUT).data();
        if (out.length != 1 || !(out[0] >= 0 && out[0] <= 1)) {
            throw new OnnxException("model " + modelId + " returned " + OUTPUT + " " + Arrays.toString(out)
                    + ", expected one probability");
        }
        return out[0];
    }
}
