package io.wakestream.asr.core;

/**
 * One arc of a word {@link Lattice}: a word between two lattice nodes.
 *
 * @param from       the node it leaves (the start node is 0)
 * @param to         the node it enters, always greater than {@code from}
 * @param word       the word, or {@code </s>} on the arcs into the final node (they carry the sentence-end
 *                   LM cost and the blank outputs after the last word)
 * @param startFrame first encoder output the arc covers (the time of {@code from})
 * @param endFrame   one past its last encoder output (the time of {@code to}); equal to {@code startFrame}
 *                   only for a {@code </s>} arc with no trailing outputs
 * @param amCost     acoustic cost in nats: −Σ ln P(label | output) over the arc's outputs along the best
 *                   CTC path of the word (its phones, blanks and repeats), unscaled
 * @param lmCost     language-model cost in nats: −ln P(word | history), unweighted (the file's log10
 *                   times −ln 10)
 * @param posterior  the arc's posterior probability in [0, 1] (forward–backward over the lattice)
 */
public record LatticeArc(int from, int to, String word, int startFrame, int endFrame, double amCost, double lmCost,
                         double posterior) {

    public LatticeArc {
        if (from < 0 || to <= from || word == null || word.isEmpty() || startFrame < 0 || endFrame < startFrame) {
            throw new IllegalArgumentException("invalid lattice arc " + from + " -> " + to + " '" + word + "' frames "
                    + startFrame + ".." + endFrame);
        }
    }

    LatticeArc withPosterior(double value) {
        return new LatticeArc(from, to, word, startFrame, endFrame, amCost, lmCost, value);
    }

    LatticeArc renumbered(int newFrom, int newTo) {
        return new LatticeArc(newFrom, newTo, word, startFrame, endFrame, amCost, lmCost, posterior);
    }
}
