package io.wakestream.wakeword.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Windows that the streams of one round queued for their models, scored by as few model calls as the models allow:
 * one per {@link WindowScorer} and up to its {@link WindowScorer#maxBatchWindows()} windows. The wake-word service
 * fills one batch with a whole poll's chunks (a chunk per stream), so the fixed cost of a model call is paid once for
 * hundreds of streams instead of once per chunk. Not thread-safe: one thread fills and runs a batch.
 */
public final class ScoreBatch {

    private final Map<WindowScorer, List<Queued>> queued = new IdentityHashMap<>();

    /**
     * Queues {@code count} windows laid out one after another in {@code windows} ({@code count × windowValues()}
     * floats, left untouched until {@link #run()}); their scores are read from the result after {@link #run()}.
     */
    public Queued add(WindowScorer scorer, float[] windows, int count) {
        Queued entry = new Queued(windows, count);
        queued.computeIfAbsent(scorer, key -> new ArrayList<>()).add(entry);
        return entry;
    }

    /** Scores everything queued. A failed model call fails the entries of that call and is rethrown. */
    public void run() {
        RuntimeException failure = null;
        for (Map.Entry<WindowScorer, List<Queued>> byScorer : queued.entrySet()) {
            try {
                run(byScorer.getKey(), byScorer.getValue());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        queued.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static void run(WindowScorer scorer, List<Queued> entries) {
        int values = scorer.windowValues();
        int from = 0;
        while (from < entries.size()) {
            int to = from;
            int windows = 0;
            while (to < entries.size() && (to == from || windows + entries.get(to).count <= scorer.maxBatchWindows())) {
                windows += entries.get(to++).count;
            }
            List<Queued> call = entries.subList(from, to);
            float[] input = new float[windows * values];
            int at = 0;
            for (Queued entry : call) {
                System.arraycopy(entry.windows, 0, input, at * values, entry.count * values);
                at += entry.count;
            }
            float[] scores;
            try {
                scores = scorer.score(input, windows);
            } catch (RuntimeException e) {
                // this call's entries and the later ones, which will not run
                entries.subList(from, entries.size()).forEach(entry -> entry.failure = e);
                throw e;
            }
            at = 0;
            for (Queued entry : call) {
                float[] own = new float[entry.count];
                System.arraycopy(scores, at, own, 0, entry.count);
                at += entry.count;
                entry.scores = own;
            }
            from = to;
        }
    }

    /** One stream's windows in a batch. */
    public static final class Queued {

        private final float[] windows;
        private final int count;
        private float[] scores;
        private RuntimeException failure;

        private Queued(float[] windows, int count) {
            this.windows = windows;
            this.count = count;
        }

        /**
         * The windows' scores, in order.
         *
         * @throws IllegalStateException if the batch has not run
         * @throws RuntimeException      the model call's failure, if it failed
         */
        public float[] scores() {
            if (failure != null) {
                throw failure;
            }
            if (scores == null) {
                throw new IllegalStateException("the score batch has not run yet");
            }
            return scores;
        }
    }
}
