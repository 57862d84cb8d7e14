package io.wakestream.asr.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A word lattice of one segment: an acyclic graph whose nodes are points in time (encoder output indices,
 * {@code frameMillis} each) and whose arcs are words ({@link LatticeArc}). Node 0 is the start; the last
 * node is the single final node, entered only by {@code </s>} arcs. Arcs are sorted by (from, to, word) and
 * always go from a lower node number to a higher one, so node order is a topological order. Every complete
 * path covers every output exactly once, so at any output the posteriors of the arcs spanning it sum to 1.
 *
 * <p>An arc's total cost in the decoder's units (nats) is {@link #cost(LatticeArc)}: amCost + lmWeight ·
 * lmCost + the word insertion penalty (not on {@code </s>}). An empty lattice (no nodes, no arcs) means the
 * search found no complete path.
 *
 * @param model               what made it (e.g. {@code phonetic-encoder/1.0.0+lm-requests/1.0.0})
 * @param frames              encoder outputs of the segment
 * @param frameMillis         milliseconds per encoder output
 * @param nodeFrames          each node's time in outputs, non-decreasing with the node number
 * @param arcs                the arcs
 * @param oneBestArcs         indices into {@code arcs} of the best path, start to final
 * @param lmWeight            the LM weight the decoder used
 * @param wordInsertionPenalty the penalty per word it used
 */
public record Lattice(String model, int frames, int frameMillis, List<Integer> nodeFrames, List<LatticeArc> arcs,
                      List<Integer> oneBestArcs, double lmWeight, double wordInsertionPenalty) {

    public Lattice {
        nodeFrames = List.copyOf(nodeFrames);
        arcs = List.copyOf(arcs);
        oneBestArcs = List.copyOf(oneBestArcs);
        for (LatticeArc arc : arcs) {
            if (arc.to() >= nodeFrames.size()) {
                throw new IllegalArgumentException("arc " + arc + " enters node " + arc.to() + " of " + nodeFrames.size());
            }
        }
    }

    /** A lattice without paths: the search kept none. */
    public static Lattice empty(String model, int frames, int frameMillis, double lmWeight, double wordInsertionPenalty) {
        return new Lattice(model, frames, frameMillis, List.of(), List.of(), List.of(), lmWeight, wordInsertionPenalty);
    }

    /** Number of nodes, the start (0) and the final node (the last) included; 0 for an empty lattice. */
    public int nodes() {
        return nodeFrames.size();
    }

    /** The final node, −1 for an empty lattice. */
    public int finalNode() {
        return nodeFrames.size() - 1;
    }

    public boolean isEmpty() {
        return arcs.isEmpty();
    }

    /** The arc's cost in the decoder's units: amCost + lmWeight · lmCost (+ the insertion penalty for words). */
    public double cost(LatticeArc arc) {
        double penalty = arc.word().equals(NgramLanguageModel.SENTENCE_END) ? 0 : wordInsertionPenalty;
        return arc.amCost() + lmWeight * arc.lmCost() + penalty;
    }

    /** The best path's words, {@code </s>} left out. */
    public List<String> oneBest() {
        List<String> words = new ArrayList<>();
        for (int index : oneBestArcs) {
            String word = arcs.get(index).word();
            if (!word.equals(NgramLanguageModel.SENTENCE_END)) {
                words.add(word);
            }
        }
        return words;
    }

    /** The best path's words joined by spaces: the event's {@code one_best}. */
    public String oneBestText() {
        return String.join(" ", oneBest());
    }

    /** The best path's total cost (nats), 0 for an empty lattice. */
    public double oneBestCost() {
        return oneBestArcs.stream().mapToDouble(index -> cost(arcs.get(index))).sum();
    }
}
