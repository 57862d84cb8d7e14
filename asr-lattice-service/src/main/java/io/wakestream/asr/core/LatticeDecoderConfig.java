package io.wakestream.asr.core;

/**
 * Settings of the {@link LatticeDecoder}. Costs are in nats (natural-log units): the acoustic cost of an
 * output is −ln of its posterior, the LM cost of a word −ln of its probability.
 *
 * @param lmWeight             multiplies the LM cost of every word (and of {@code </s>}) in the search score
 * @param wordInsertionPenalty added to the search score per word (positive: fewer words)
 * @param beam                 score beam: after each output, tokens whose score exceeds the best one's by more
 *                             are dropped, and so are word ends beyond it
 * @param maxActive            at most this many tokens survive an output (the best ones; ties by state)
 * @param latticeBeam          arcs of the finished lattice on no path within this much of the best path's cost
 *                             are dropped
 * @param posteriorScale       the arc costs are multiplied by this before forward–backward (1: the posteriors of
 *                             the search score; below 1 flattens them)
 * @param frameMillis          milliseconds per encoder output, for times in the text formats
 */
public record LatticeDecoderConfig(double lmWeight, double wordInsertionPenalty, double beam, int maxActive, double latticeBeam,
                                   double posteriorScale, int frameMillis) {

    public static final double DEFAULT_LM_WEIGHT = 1.0;
    public static final double DEFAULT_WORD_INSERTION_PENALTY = 0.0;
    public static final double DEFAULT_BEAM = 16.0;
    public static final int DEFAULT_MAX_ACTIVE = 4000;
    public static final double DEFAULT_LATTICE_BEAM = 8.0;
    public static final int DEFAULT_FRAME_MILLIS = 20;

    public LatticeDecoderConfig {
        if (!(lmWeight >= 0) || Double.isInfinite(lmWeight)) {
            throw new IllegalArgumentException("lmWeight must be finite and >= 0, got " + lmWeight);
        }
        if (!Double.isFinite(wordInsertionPenalty)) {
            throw new IllegalArgumentException("wordInsertionPenalty must be finite, got " + wordInsertionPenalty);
        }
        if (!(beam > 0)) {
            throw new IllegalArgumentException("beam must be > 0, got " + beam);
        }
        if (maxActive < 1) {
            throw new IllegalArgumentException("maxActive must be >= 1, got " + maxActive);
        }
        if (!(latticeBeam >= 0)) {
            throw new IllegalArgumentException("latticeBeam must be >= 0, got " + latticeBeam);
        }
        if (!(posteriorScale > 0) || Double.isInfinite(posteriorScale)) {
            throw new IllegalArgumentException("posteriorScale must be finite and > 0, got " + posteriorScale);
        }
        if (frameMillis < 1) {
            throw new IllegalArgumentException("frameMillis must be >= 1, got " + frameMillis);
        }
    }

    /** LM weight 1, no insertion penalty, beam 16, 4000 tokens, lattice beam 8, posterior scale 1, 20 ms outputs. */
    public static LatticeDecoderConfig defaults() {
        return new LatticeDecoderConfig(DEFAULT_LM_WEIGHT, DEFAULT_WORD_INSERTION_PENALTY, DEFAULT_BEAM, DEFAULT_MAX_ACTIVE,
                DEFAULT_LATTICE_BEAM, 1.0, DEFAULT_FRAME_MILLIS);
    }

    public LatticeDecoderConfig withLmWeight(double value) {
        return new LatticeDecoderConfig(value, wordInsertionPenalty, beam, maxActive, latticeBeam, posteriorScale, frameMillis);
    }

    public LatticeDecoderConfig withWordInsertionPenalty(double value) {
        return new LatticeDecoderConfig(lmWeight, value, beam, maxActive, latticeBeam, posteriorScale, frameMillis);
    }

    public LatticeDecoderConfig withBeam(double value) {
        return new LatticeDecoderConfig(lmWeight, wordInsertionPenalty, value, maxActive, latticeBeam, posteriorScale, frameMillis);
    }

    public LatticeDecoderConfig withMaxActive(int value) {
        return new LatticeDecoderConfig(lmWeight, wordInsertionPenalty, beam, value, latticeBeam, posteriorScale, frameMillis);
    }

    public LatticeDecoderConfig withLatticeBeam(double value) {
        return new LatticeDecoderConfig(lmWeight, wordInsertionPenalty, beam, maxActive, value, posteriorScale, frameMillis);
    }

    public LatticeDecoderConfig withPosteriorScale(double value) {
        return new LatticeDecoderConfig(lmWeight, wordInsertionPenalty, beam, maxActive, latticeBeam, value, frameMillis);
    }
}
