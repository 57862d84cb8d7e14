package io.wakestream.kws.core;

/**
 * The verifier model's inputs for one span of a clip against a phrase of K phones ({@link FrameEmbeddings}
 * for the speech weight w): {@code similarity} [U][K] (S[u][k] = w_u (normalised embedding u · phone vector
 * k), computed in float64, stored as float), the span's {@link Partition} (computed on those stored values),
 * {@code pooled} [K][D] (each segment's w-weighted mean normalised embedding, the weight sum floored at the
 * manifest's min_segment_weight), {@code segmentFrames} [K] (each segment's length in frames) and
 * {@code segmentPosteriors} [K] (the highest posterior of phone k over its segment's frames). The Python
 * twin is training/wakestream_training/kws/search.py.
 *
 * @param span          the frames of the clip this is
 * @param frames        U: the span's frames
 * @param units         K
 * @param dimension     D
 * @param similarity    row-major U x K
 * @param partition     one segment per phone, frames relative to the span's start
 * @param pooled        row-major K x D
 * @param segmentFrames K lengths
 * @param segmentPosteriors K peak posteriors
 */
record SpanFeatures(SpanPlan.Span span, int frames, int units, int dimension, float[] similarity, Partition partition,
                    float[] pooled, float[] segmentFrames, float[] segmentPosteriors) {

    /**
     * The speech-weighted similarity of every frame of the clip with every phone, row-major U x K: computed once
     * per clip, since overlapping spans share their frames.
     *
     * @param phoneVectors row-major K x D, each row unit-norm
     */
    static float[] similarities(FrameEmbeddings embeddings, float[] phoneVectors, int units) {
        int dimension = embeddings.dimension();
        float[] similarity = new float[embeddings.frames() * units];
        for (int u = 0; u < embeddings.frames(); u++) {
            for (int k = 0; k < units; k++) {
                double dot = 0;
                for (int d = 0; d < dimension; d++) {
                    dot += (double) embeddings.at(u, d) * phoneVectors[k * dimension + d];
                }
                similarity[u * units + k] = (float) (dot * embeddings.weight(u));
            }
        }
        return similarity;
    }

    /**
     * Computes the inputs of {@code span}; the span must have at least K frames.
     *
     * @param clipSimilarity the clip's {@link #similarities}, U x K
     * @param phoneIds       K phone indices into the encoder's posteriors (1..V-1)
     */
    static SpanFeatures compute(FrameEmbeddings embeddings, SpanPlan.Span span, float[] clipSimilarity, int[] phoneIds,
                                PartitionMethod method, double minSegmentWeight) {
        int units = phoneIds.length;
        int dimension = embeddings.dimension();
        int frames = span.frames();
        if (frames < units) {
            throw new IllegalArgumentException("a span of " + frames + " frames cannot hold " + units + " phones");
        }
        float[] similarity = java.util.Arrays.copyOfRange(clipSimilarity, span.start() * units, span.end() * units);
        Partition partition = method.apply(similarity, frames, units);
        float[] pooled = new float[units * dimension];
        float[] segmentFrames = new float[units];
        float[] segmentPosteriors = new float[units];
        double[] sum = new double[dimension];
        for (int k = 0; k < units; k++) {
            java.util.Arrays.fill(sum, 0);
            double weights = 0;
            float peak = 0;
            for (int u = partition.start(k); u < partition.end(k); u++) {
                double weight = embeddings.weight(span.start() + u);
                weights += weight;
                for (int d = 0; d < dimension; d++) {
                    sum[d] += weight * embeddings.at(span.start() + u, d);
                }
                peak = Math.max(peak, embeddings.posterior(span.start() + u, phoneIds[k]));
            }
            double scale = Math.max(weights, minSegmentWeight);
            for (int d = 0; d < dimension; d++) {
                pooled[k * dimension + d] = (float) (sum[d] / scale);
            }
            segmentFrames[k] = partition.length(k);
            segmentPosteriors[k] = peak;
        }
        return new SpanFeatures(span, frames, units, dimension, similarity, partition, pooled, segmentFrames,
                segmentPosteriors);
    }
}
