package io.wakestream.asr.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The decoder's recorded arcs to a {@link Lattice}: lattice-beam pruning, renumbering, forward–backward
 * posteriors and the 1-best path (see {@link LatticeDecoder}'s notes).
 */
final class LatticeBuilder {

    private static final double EPSILON = 1e-9;

    /** A recorded arc: nodes as the search numbered them (from < to), costs in nats. */
    record Arc(int from, int to, String word, double am, double lm) {
    }

    private LatticeBuilder() {
    }

    static Lattice build(String model, int frames, LatticeDecoderConfig config, List<Integer> nodeFrames, List<Arc> arcs,
                         int finalNode) {
        int nodes = finalNode + 1;
        double[] weights = new double[arcs.size()];
        List<List<Integer>> outgoing = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            outgoing.add(new ArrayList<>());
        }
        for (int a = 0; a < arcs.size(); a++) {
            Arc arc = arcs.get(a);
            weights[a] = weight(arc, config);
            outgoing.get(arc.from()).add(a);
        }
        // Viterbi forward (alpha) and backward (beta) costs
        double[] alpha = new double[nodes];
        double[] beta = new double[nodes];
        Arrays.fill(alpha, Double.POSITIVE_INFINITY);
        Arrays.fill(beta, Double.POSITIVE_INFINITY);
        alpha[0] = 0;
        for (int n = 0; n < nodes; n++) {
            if (alpha[n] == Double.POSITIVE_INFINITY) {
                continue;
            }
            for (int a : outgoing.get(n)) {
                alpha[arcs.get(a).to()] = Math.min(alpha[arcs.get(a).to()], alpha[n] + weights[a]);
            }
        }
        beta[finalNode] = 0;
        for (int n = nodes - 1; n >= 0; n--) {
            for (int a : outgoing.get(n)) {
                beta[n] = Math.min(beta[n], weights[a] + beta[arcs.get(a).to()]);
            }
        }
        double best = alpha[finalNode];
        if (best == Double.POSITIVE_INFINITY) {
            return Lattice.empty(model, frames, config.frameMillis(), config.lmWeight(), config.wordInsertionPenalty());
        }
        // lattice beam
        List<Integer> kept = new ArrayList<>();
        boolean[] used = new boolean[nodes];
        for (int a = 0; a < arcs.size(); a++) {
            Arc arc = arcs.get(a);
            double through = alpha[arc.from()] + weights[a] + beta[arc.to()];
            if (through <= best + config.latticeBeam() + EPSILON) {
                kept.add(a);
                used[arc.from()] = true;
                used[arc.to()] = true;
            }
        }
        int[] renumber = new int[nodes];
        List<Integer> keptFrames = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            renumber[n] = used[n] ? keptFrames.size() : -1;
            if (used[n]) {
                keptFrames.add(nodeFrames.get(n));
            }
        }
        kept.sort(Comparator.<Integer>comparingInt(a -> renumber[arcs.get(a).from()])
                .thenComparingInt(a -> renumber[arcs.get(a).to()])
                .thenComparing(a -> arcs.get(a).word()));
        int count = keptFrames.size();
        int last = count - 1;
        // forward-backward in the log semiring, costs scaled by the posterior scale
        double scale = config.posteriorScale();
        double[] forward = new double[count];
        double[] backward = new double[count];
        Arrays.fill(forward, Double.POSITIVE_INFINITY);
        Arrays.fill(backward, Double.POSITIVE_INFINITY);
        forward[0] = 0;
        for (int a : kept) {
            int from = renumber[arcs.get(a).from()];
            int to = renumber[arcs.get(a).to()];
            forward[to] = logAdd(forward[to], forward[from] + scale * weights[a]);
        }
        backward[last] = 0;
        for (int i = kept.size() - 1; i >= 0; i--) {
            int a = kept.get(i);
            int from = renumber[arcs.get(a).from()];
            int to = renumber[arcs.get(a).to()];
            backward[from] = logAdd(backward[from], scale * weights[a] + backward[to]);
        }
        double total = forward[last];
        List<LatticeArc> result = new ArrayList<>(kept.size());
        for (int a : kept) {
            Arc arc = arcs.get(a);
            int from = renumber[arc.from()];
            int to = renumber[arc.to()];
            double posterior = Math.exp(-(forward[from] + scale * weights[a] + backward[to] - total));
            posterior = Math.max(0, Math.min(1, posterior));
            result.add(new LatticeArc(from, to, arc.word(), keptFrames.get(from), keptFrames.get(to), arc.am(), arc.lm(), posterior));
        }
        return new Lattice(model, frames, config.frameMillis(), keptFrames, result, oneBest(result, count, weights(result, config)),
                config.lmWeight(), config.wordInsertionPenalty());
    }

    private static double[] weights(List<LatticeArc> arcs, LatticeDecoderConfig config) {
        double[] result = new double[arcs.size()];
        for (int i = 0; i < result.length; i++) {
            LatticeArc arc = arcs.get(i);
            result[i] = weight(new Arc(arc.from(), arc.to(), arc.word(), arc.amCost(), arc.lmCost()), config);
        }
        return result;
    }

    private static double weight(Arc arc, LatticeDecoderConfig config) {
        double penalty = arc.word().equals(NgramLanguageModel.SENTENCE_END) ? 0 : config.wordInsertionPenalty();
        return arc.am() + config.lmWeight() * arc.lm() + penalty;
    }

    // Viterbi over arcs sorted by (from, to, word): strict improvement, so ties keep the first arc
    private static List<Integer> oneBest(List<LatticeArc> arcs, int nodes, double[] weights) {
        double[] cost = new double[nodes];
        int[] via = new int[nodes];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
        cost[0] = 0;
        for (int a = 0; a < arcs.size(); a++) {
            LatticeArc arc = arcs.get(a);
            double through = cost[arc.from()] + weights[a];
            if (through < cost[arc.to()]) {
                cost[arc.to()] = through;
                via[arc.to()] = a;
            }
        }
        List<Integer> path = new ArrayList<>();
        for (int node = nodes - 1; node > 0; node = arcs.get(via[node]).from()) {
            path.add(via[node]);
        }
        java.util.Collections.reverse(path);
        return path;
    }

    /** −ln(e^−a + e^−b): costs added as probabilities. */
    static double logAdd(double a, double b) {
        if (a == Double.POSITIVE_INFINITY) {
            return b;
        }
        if (b == Double.POSITIVE_INFINITY) {
            return a;
        }
        double low = Math.min(a, b);
        return low - Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
