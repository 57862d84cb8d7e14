package io.wakestream.ftm.core;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * False-trigger mitigation for one detection: the lattice GNN scores the lattice ({@link LatticeGraph},
 * {@link LatticeGnn}), and the decision policy of the GNN's manifest ({@link DecisionPolicy}) combines it with
 * the wake-word and verification scores of the stages that answered.
 *
 * <p>Lifecycle: {@link #open} → {@link #decide} from any number of threads → {@link #close()}. Its ONNX session
 * belongs to the {@link OnnxEngine} (shared, reported and closed there); closing the decider refuses further
 * calls.
 */
public final class TriggerDecider implements AutoCloseable {

    /** The manifest's task of a lattice GNN. */
    public static final String TASK = "false-trigger-mitigation";
    /** The role of the word list among the manifest's files: one word per line, the first has id 2. */
    public static final String VOCABULARY_ROLE = "vocabulary";

    private final String modelId;
    private final Map<String, Integer> vocabulary;
    private final int maxArcs;
    private final LatticeGnn gnn;
    private final DecisionPolicy policy;
    private final float detectionThreshold;
    private volatile boolean closed;

    private TriggerDecider(String modelId, Map<String, Integer> vocabulary, int maxArcs, LatticeGnn gnn, DecisionPolicy policy,
                           float detectionThreshold) {
        this.modelId = modelId;
        this.detectionThreshold = detectionThreshold;
        this.vocabulary = vocabulary;
        this.maxArcs = maxArcs;
        this.gnn = gnn;
        this.policy = policy;
    }

    /**
     * Loads the GNN (sha256-checked), its vocabulary and its decision policy.
     *
     * @throws io.wakestream.common.model.ModelNotFoundException if the model or a file is missing
     * @throws ModelException if the task is not {@value #TASK}, {@code architecture.max_arcs}, {@code features},
     *                        {@code policy} or {@code detection_threshold} is missing or invalid, or the graph breaks the {@link LatticeGnn} contract
     */
    public static TriggerDecider open(ModelRepository models, FtmConfig config, OnnxEngine engine) {
        LoadedModel model = config.version().isEmpty() ? models.loadLatest(config.model()) : models.load(config.model(), config.version());
        if (!TASK.equals(model.manifest().task())) {
            throw new ModelException("model " + model.id() + " has task " + model.manifest().task() + ", not " + TASK);
        }
        Map<String, Object> architecture = model.manifest().architecture();
        if (!(architecture.get("max_arcs") instanceof Integer maxArcs) || maxArcs <= 0) {
            throw new ModelException("model " + model.id() + " needs a positive integer architecture.max_arcs, has "
                    + architecture.get("max_arcs"));
        }
        if (!LatticeGraph.FEATURES.equals(architecture.get("features"))) {
            throw new ModelException("model " + model.id() + " architecture.features must be " + LatticeGraph.FEATURES
                    + ", is " + architecture.get("features"));
        }
        DecisionPolicy policy;
        try {
            policy = DecisionPolicy.fromManifest(architecture.get("policy"));
        } catch (IllegalArgumentException e) {
            throw new ModelException("model " + model.id() + ": " + e.getMessage(), e);
        }
        if (!(architecture.get("detection_threshold") instanceof Number threshold)
                || !(threshold.doubleValue() > 0 && threshold.doubleValue() <= 1)) {
            throw new ModelException("model " + model.id() + " needs architecture.detection_threshold in (0, 1], has "
                    + architecture.get("detection_threshold"));
        }
        Map<String, Integer> vocabulary = readVocabulary(model);
        return new TriggerDecider(model.id(), vocabulary, maxArcs, LatticeGnn.open(model, engine, maxArcs), policy,
                threshold.floatValue());
    }

    /** name/version of the GNN (and its policy). */
    public String modelId() {
        return modelId;
    }

    /**
     * The wake-word threshold the GNN and its policy were trained behind ({@code architecture.detection_threshold}):
     * the cascade's wakeword-service fires at it (below the model's standalone threshold) and the later stages decide.
     */
    public float detectionThreshold() {
        return detectionThreshold;
    }

    /** The largest lattice scored whole; larger ones are pruned ({@link LatticeGraph}). */
    public int maxArcs() {
        return maxArcs;
    }

    /** The GNN's probability that the device was addressed, for a lattice of {@code detection}. Thread-safe. */
    public float scoreLattice(io.wakestream.events.v1.Lattice lattice, io.wakestream.events.v1.WakewordDetection detection) {
        checkOpen();
        return gnn.score(LatticeGraph.of(lattice, detection, vocabulary, maxArcs));
    }

    /**
     * Decides about one detection from the stages that answered. Without a detection nothing can be weighed:
     * the decision is a rejection that says the wakeword stage is missing. Thread-safe.
     */
    public Decision decide(StageResults results) {
        checkOpen();
        List<Stage> missing = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (!results.present(stage)) {
                missing.add(stage);
            }
        }
        if (results.detection() == null) {
            return new Decision(false, 0, 1, Map.of(), missing, List.of("no detection was seen for this id"), modelId);
        }
        Map<Stage, Float> scores = new EnumMap<>(Stage.class);
        scores.put(Stage.WAKEWORD, results.detection().getScore());
        if (results.verification() != null) {
            scores.put(Stage.KWS, results.verification().getScore());
        }
        if (results.lattice() != null) {
            scores.put(Stage.FTM, scoreLattice(results.lattice(), results.detection()));
        }
        DecisionPolicy.Outcome outcome = policy.decide(scores);
        List<String> reasons = new ArrayList<>(outcome.reasons());
        for (Stage stage : missing) {
            reasons.add(String.format(Locale.ROOT, "degraded: %s had not answered", stage.label()));
        }
        return new Decision(outcome.accepted(), outcome.score(), outcome.threshold(), scores, missing, reasons, modelId);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("trigger decider " + modelId + " is closed");
        }
    }

    private static Map<String, Integer> readVocabulary(LoadedModel model) {
        try {
            List<String> words = Files.readAllLines(model.file(VOCABULARY_ROLE));
            Map<String, Integer> ids = new HashMap<>();
            for (String word : words) {
                if (!word.isBlank()) {
                    ids.putIfAbsent(word.strip().toLowerCase(Locale.ROOT), ids.size() + 2);
                }
            }
            return Map.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vocabulary of " + model.id(), e);
        }
    }
}
