package io.wakestream.kws.core;

/**
 * The verifier model's inputs for one span of a clip against a phrase of K phones:
 * {@code similarity} [U][K] (S[u][k] = normalised embedding u · phone vector k, computed in float64,
 * stored as float), the span's {@link Partition} (computed on those stored values), {@code pooled}
 * [K][D] (the mean normalised embedding of each segment) and {@code segmentFrames} [K] (each segment's
 * length in frames).
 *
 * @param span          the frames of the clip this is
 * @param frames        U: the span's frames
 * @param units         K
 * @param dimension     D
 * @param similarity    row-major U x K
 * @param partition     one segment per phone, frames relative to the span's start
 * @param pooled        row-major K x D
 * @param segmentFrames K lengths
 */
record SpanFeatures(SpanPlan.Span span, int frames, int units, int dimension, float[] similarity, Partition partition,
                    float[] pooled, float[] segmentFrames) {

    /**
     * Computes the inputs of {@code span}; the span must have at least K frames.
     *
     * @param phoneVectors row-major K x D, each row unit-norm
     */
    static SpanFeatures compute(FrameEmbeddings embeddings, SpanPlan.Span span, float[] phoneVectors, int units,
                                PartitionMethod method) {
        int dimension = embeddings.dimension();
        int frames = span.frames();
        if (frames < units) {
            throw new IllegalArgumentException("a span of " + frames + " frames cannot hold " + units + " phones");
        }
        float[] similarity = new float[frames * units];
        for (int u = 0; u < frames; u++) {
            for (int k = 0; k < units; k++) {
                double dot = 0;
                for (int d = 0; d < dimension; d++) {
                    dot += (double) embeddings.at(span.start() + u, d) * phoneVectors[k * dimension + d];
                }
                similarity[u * units + k] = (float) dot;
            }
        }
        Partition partition = method.apply(similarity, frames, units);
        float[] pooled = new float[units * dimension];
        float[] segmentFrames = new float[units];
        double[] sum = new double[dimension];
        for (int k = 0; k < units; k++) {
            java.util.Arrays.fill(sum, 0);
            for (int u = partition.start(k); u < partition.end(k); u++) {
                for (int d = 0; d < dimension; d++) {
                    sum[d] += embeddings.at(span.start() + u, d);
                }
            }
            int length = partition.length(k);
            for (int d = 0; d < dimension; d++) {
                pooled[k * dimension + d] = (float) (sum[d] / length);
            }
            segmentFrames[k] = length;
        }
        return new SpanFeatures(span, frames, units, dimension, similarity, partition, pooled, segmentFrames);
    }
}
