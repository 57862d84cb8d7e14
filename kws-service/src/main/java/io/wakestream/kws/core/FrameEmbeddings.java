package io.wakestream.kws.core;

/**
 * A clip's encoder outputs as the verifier reads them, U frames: each embedding L2-normalised (in float64; a
 * zero vector stays zero), row-major [U][D]; the phone posteriors exp(log_probs), row-major [U][V] (blank
 * first); and each frame's speech weight w = 1 - P(blank). The encoder is a CTC model: a phone shows in a few
 * "spike" frames, blank frames carry little phone identity, so the verifier weighs frames by w.
 * Immutable once built.
 */
final class FrameEmbeddings {

    private final int frames;
    private final int dimension;
    private final int phones;
    private final float[] values;
    private final float[] posteriors;
    private final float[] weights;

    private FrameEmbeddings(int frames, int dimension, int phones, float[] values, float[] posteriors, float[] weights) {
        this.frames = frames;
        this.dimension = dimension;
        this.phones = phones;
        this.values = values;
        this.posteriors = posteriors;
        this.weights = weights;
    }

    /**
     * Normalises a copy of {@code embeddings} ({@code frames} rows of {@code dimension} values) and turns
     * {@code logProbs} ({@code frames} rows of {@code phones} natural-log posteriors, blank first) into
     * posteriors and speech weights.
     */
    static FrameEmbeddings of(float[] embeddings, float[] logProbs, int frames, int dimension, int phones) {
        if (embeddings.length != frames * dimension) {
            throw new IllegalArgumentException(embeddings.length + " values are not " + frames + " frames of " + dimension);
        }
        if (logProbs.length != frames * phones) {
            throw new IllegalArgumentException(logProbs.length + " log-posteriors are not " + frames + " frames of " + phones);
        }
        float[] values = new float[embeddings.length];
        for (int u = 0; u < frames; u++) {
            double squares = 0;
            for (int d = 0; d < dimension; d++) {
                double value = embeddings[u * dimension + d];
                squares += value * value;
            }
            double norm = Math.sqrt(squares);
            for (int d = 0; d < dimension && norm > 0; d++) {
                values[u * dimension + d] = (float) (embeddings[u * dimension + d] / norm);
            }
        }
        float[] posteriors = new float[logProbs.length];
        float[] weights = new float[frames];
        for (int u = 0; u < frames; u++) {
            for (int v = 0; v < phones; v++) {
                posteriors[u * phones + v] = (float) Math.exp(logProbs[u * phones + v]);
            }
            weights[u] = (float) (1.0 - posteriors[u * phones]);
        }
        return new FrameEmbeddings(frames, dimension, phones, values, posteriors, weights);
    }

    int frames() {
        return frames;
    }

    int dimension() {
        return dimension;
    }

    /** The normalised value d of frame u. */
    float at(int frame, int d) {
        return values[frame * dimension + d];
    }

    /** P(phone | frame), phone 0 being the blank. */
    float posterior(int frame, int phone) {
        return posteriors[frame * phones + phone];
    }

    /** 1 - P(blank | frame). */
    float weight(int frame) {
        return weights[frame];
    }
}
