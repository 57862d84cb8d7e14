package io.wakestream.kws.core;

/**
 * Dynamic sequence partitioning (DSP): the monotonic partition of T audio frames into K contiguous,
 * non-empty segments, one per text unit (phone) in order, that maximises the summed audio-text
 * similarity Σ_t S[t][k(t)], where k(t) is the unit of frame t's segment. Source: "Matching Latent
 * Encoding for Audio-Text based Keyword Spotting" (dynamic sequence partitioning); the Python
 * reference, which this class reproduces exactly, is {@code training/wakestream_training/kws/dsp.py}.
 *
 * <p><b>Recurrence</b> on the similarity matrix S [T][K], in float64:
 * <pre>
 *   D[0][0] = S[0][0];   D[0][k] = -inf for k &gt; 0
 *   D[t][k] = S[t][k] + max(D[t-1][k], D[t-1][k-1])     (stay in unit k, or advance from unit k-1)
 * </pre>
 * The best partition scores D[T-1][K-1]. <b>Ties go to stay</b>: frame t opens unit k's segment only
 * when D[t-1][k-1] &gt; D[t-1][k] strictly, so this class and the reference pick the same partition.
 *
 * <p><b>Complexity</b>: O(T·K) time; O(K) for the scores (one row of D is kept) plus O(T·K) bits for
 * the choices the backtrace reads.
 *
 * <p><b>Backtrace</b>: from (T-1, K-1) walk t down to 1; where the stored choice at (t, k) says frame
 * t advanced into unit k, frame t opens unit k's segment, which closes unit k-1's segment at t, and
 * the walk continues in unit k-1. Unit 0's segment starts at frame 0.
 *
 * <p>Stateless and thread-safe.
 */
public final class SequencePartitioner {

    private SequencePartitioner() {
    }

    /**
     * The best partition of {@code similarity} [T][K] (see the class comment).
     *
     * @throws IllegalArgumentException if the matrix is null, has no unit (K = 0), fewer frames than
     *                                   units (T &lt; K), or rows of different lengths
     */
    public static Partition partition(double[][] similarity) {
        if (similarity == null) {
            throw new IllegalArgumentException("similarity matrix is null");
        }
        int frames = similarity.length;
        int units = frames == 0 || similarity[0] == null ? 0 : similarity[0].length;
        for (int t = 0; t < frames; t++) {
            if (similarity[t] == null || similarity[t].length != units) {
                throw new IllegalArgumentException("similarity must be [frames][units] with rows of equal length: row 0 has "
                        + units + " units, row " + t + " has " + (similarity[t] == null ? "none" : similarity[t].length));
            }
        }
        return partition(frames, units, (t, k) -> similarity[t][k]);
    }

    /**
     * The best partition of a row-major float matrix of {@code frames} x {@code units} values
     * (S[t][k] = {@code similarity[t * units + k]}), computed in float64.
     *
     * @throws IllegalArgumentException if units is 0, frames &lt; units, or the array does not hold frames x units values
     */
    public static Partition partition(float[] similarity, int frames, int units) {
        if (similarity == null || frames < 0 || units < 0 || similarity.length != (long) frames * units) {
            throw new IllegalArgumentException("similarity must hold frames x units = " + frames + " x " + units
                    + " values, has " + (similarity == null ? "none" : similarity.length));
        }
        return partition(frames, units, (t, k) -> similarity[t * units + k]);
    }

    /** K near-equal contiguous segments of T frames (edges floor(k T / K)): the no-DSP ablation. */
    public static Partition uniform(int frames, int units) {
        checkSize(frames, units);
        int[] starts = new int[units];
        int[] ends = new int[units];
        for (int k = 0; k < units; k++) {
            starts[k] = (int) ((long) k * frames / units);
            ends[k] = (int) ((long) (k + 1) * frames / units);
        }
        return new Partition(starts, ends, Double.NaN);
    }

    private interface Matrix {
        double at(int frame, int unit);
    }

    private static Partition partition(int frames, int units, Matrix s) {
        checkSize(frames, units);
        double[] best = new double[units];
        double[] next = new double[units];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = s.at(0, 0);
        boolean[][] advanced = new boolean[frames][units];
        for (int t = 1; t < frames; t++) {
            for (int k = 0; k < units; k++) {
                double stay = best[k];
                double advance = k == 0 ? Double.NEGATIVE_INFINITY : best[k - 1];
                boolean opens = advance > stay;
                advanced[t][k] = opens;
                next[k] = s.at(t, k) + (opens ? advance : stay);
            }
            double[] swap = best;
            best = next;
            next = swap;
        }
        int[] starts = new int[units];
        int[] ends = new int[units];
        int end = frames;
        int unit = units - 1;
        for (int t = frames - 1; t > 0 && unit > 0; t--) {
            if (advanced[t][unit]) {
                starts[unit] = t;
                ends[unit] = end;
                end = t;
                unit--;
            }
        }
        if (unit != 0) {
            throw new IllegalStateException("DSP backtrace ended in unit " + unit + ", not 0");
        }
        starts[0] = 0;
        ends[0] = end;
        return new Partition(starts, ends, best[units - 1]);
    }

    private static void checkSize(int frames, int units) {
        if (units < 1 || frames < units) {
            throw new IllegalArgumentException("need at least one unit and as many frames as units, got T=" + frames
                    + ", K=" + units);
        }
    }
}
