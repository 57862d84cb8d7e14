package io.wakestream.ftm.core;

import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.LatticeArc;
import io.wakestream.events.v1.WakewordDetection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A lattice as the GNN's graph: each arc (a word hypothesis) is a graph node, and node i feeds node j when arc
 * i ends where arc j starts (the lattice's line graph). Tensors are padded to {@code maxArcs} rows with a mask,
 * so one ONNX graph serves every lattice up to that size. A larger lattice is pruned first to the
 * {@code maxArcs} arcs of highest posterior (ties: lower arc index), kept in their lattice order.
 *
 * <p>Per arc, {@link #FEATURES} in this order (times relative to the trigger's end, which is
 * {@code end_sample - start_sample} of the detection into the segment, since a segment starts at the
 * detection's first sample): arc start and end in seconds, duration in seconds, acoustic cost per encoder
 * output (nats), LM cost (nats), posterior, ln(max(posterior, 1e-6)), whether the arc leaves the start node,
 * whether it enters the final node, and whether its word is one of the keyword's words. The graph itself
 * standardises them (means and deviations of the training set are inside it).
 *
 * <p>Source of the representation: Jeon et al., "Lattice-based Improvements for Voice Triggering Using Graph
 * Neural Networks" (ICASSP 2022), section 2: lattice arcs as graph nodes with word and arc-level features.
 *
 * @param wordIds  [maxArcs] vocabulary ids (0 padding, 1 unknown), as floats for the graph
 * @param features [maxArcs × FEATURES.size()] row-major
 * @param adjacency [maxArcs × maxArcs] row-major, 1 where arc i's end node is arc j's start node
 * @param mask     [maxArcs] 1 for an arc, 0 for padding
 * @param arcs     arcs kept (≤ maxArcs)
 * @param pruned   arcs the lattice had beyond maxArcs
 */
public record LatticeGraph(float[] wordIds, float[] features, float[] adjacency, float[] mask, int arcs, int pruned) {

    /** Feature names, as the manifest's {@code architecture.features} must list them. */
    public static final List<String> FEATURES = List.of("start_s", "end_s", "duration_s", "am_cost_per_frame",
            "lm_cost", "posterior", "log_posterior", "from_start", "to_final", "in_keyword");

    static final int PAD = 0;
    static final int UNKNOWN = 1;

    /**
     * Builds the graph of {@code lattice} for {@code detection}.
     *
     * @param vocabulary word → id (ids from 2)
     * @throws IllegalArgumentException if maxArcs is not positive or the lattice's frame_ms is not positive while it has arcs
     */
    public static LatticeGraph of(Lattice lattice, WakewordDetection detection, Map<String, Integer> vocabulary, int maxArcs) {
        if (maxArcs <= 0) {
            throw new IllegalArgumentException("maxArcs must be positive, got " + maxArcs);
        }
        List<LatticeArc> all = lattice.getArcsList();
        if (!all.isEmpty() && lattice.getFrameMs() <= 0) {
            throw new IllegalArgumentException("lattice " + lattice.getDetectionId() + " has arcs but frame_ms " + lattice.getFrameMs());
        }
        List<Integer> kept = IntStream.range(0, all.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -all.get(i).getPosterior()).thenComparingInt(i -> i))
                .limit(maxArcs).sorted().toList();
        int f = FEATURES.size();
        float[] wordIds = new float[maxArcs];
        float[] features = new float[maxArcs * f];
        float[] mask = new float[maxArcs];
        double frameSeconds = lattice.getFrameMs() / 1000.0;
        double triggerEnd = (detection.getEndSample() - detection.getStartSample()) / 16_000.0;
        int finalNode = lattice.getNodes() - 1;
        Set<String> keywordWords = words(detection.getKeyword());
        List<LatticeArc> arcs = new ArrayList<>(kept.size());
        for (int row = 0; row < kept.size(); row++) {
            LatticeArc arc = all.get(kept.get(row));
            arcs.add(arc);
            String word = arc.getWord().toLowerCase(Locale.ROOT);
            wordIds[row] = vocabulary.getOrDefault(word, UNKNOWN);
            mask[row] = 1f;
            double start = arc.getStartFrame() * frameSeconds;
            double end = arc.getEndFrame() * frameSeconds;
            int frames = Math.max(1, arc.getEndFrame() - arc.getStartFrame());
            float[] values = {(float) (start - triggerEnd), (float) (end - triggerEnd), (float) (end - start),
                    arc.getAmCost() / frames, arc.getLmCost(), arc.getPosterior(),
                    (float) Math.log(Math.max(arc.getPosterior(), 1e-6)), arc.getFrom() == 0 ? 1f : 0f,
                    arc.getTo() == finalNode ? 1f : 0f, keywordWords.contains(word) ? 1f : 0f};
            System.arraycopy(values, 0, features, row * f, f);
        }
        float[] adjacency = new float[maxArcs * maxArcs];
        for (int i = 0; i < arcs.size(); i++) {
            for (int j = 0; j < arcs.size(); j++) {
                if (arcs.get(i).getTo() == arcs.get(j).getFrom()) {
                    adjacency[i * maxArcs + j] = 1f;
                }
            }
        }
        return new LatticeGraph(wordIds, features, adjacency, mask, arcs.size(), all.size() - arcs.size());
    }

    private static Set<String> words(String keyword) {
        return Arrays.stream(keyword.toLowerCase(Locale.ROOT).split("[^a-z0-9']+"))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
