package io.wakestream.kws.core;

/**
 * A clip's encoder embeddings, each frame's vector L2-normalised (in float64; a zero vector stays zero),
 * row-major [U][D]. Immutable once built.
 */
final class FrameEmbeddings {

    private final int frames;
    private final int dimension;
    private final float[] values;

    private FrameEmbeddings(int frames, int dimension, float[] values) {
        this.frames = frames;
        this.dimension = dimension;
        this.values = values;
    }

    /** Normalises a copy of {@code embeddings}, {@code frames} rows of {@code dimension} values. */
    static FrameEmbeddings normalise(float[] embeddings, int frames, int dimension) {
        if (embeddings.length != frames * dimension) {
            throw new IllegalArgumentException(embeddings.length + " values are not " + frames + " frames of " + dimension);
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
        return new FrameEmbeddings(frames, dimension, values);
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
}
