package io.wakestream.wakeword.core.repcnn;

import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxModel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micro-batches model calls across streams without waiting on a timer: a caller that finds no call
 * running becomes the leader and scores, in one batched call, every window queued so far (its own and
 * those of other streams' threads); callers arriving meanwhile queue up for the next leader. Under
 * load batches grow by themselves; a lone stream pays no extra latency.
 */
final class CombiningScorer {

    private final OnnxModel model;
    private final int windowValues;
    private final long[] windowShape;
    private final int maxBatchWindows;
    private final Object lock = new Object();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final AtomicLong calls = new AtomicLong();
    private boolean running;

    CombiningScorer(OnnxModel model, int windowFrames, int mels, int maxBatchWindows) {
        this.model = model;
        this.windowValues = windowFrames * mels;
        this.windowShape = new long[] {windowFrames, mels};
        this.maxBatchWindows = maxBatchWindows;
    }

    /** Scores {@code count} windows laid out one after another in {@code windows}. */
    float[] score(float[] windows, int count) {
        Request mine = new Request(windows, count);
        synchronized (lock) {
            queue.addLast(mine);
        }
        while (true) {
            List<Request> batch;
            synchronized (lock) {
                while (running && !mine.done) {
                    awaitQuietly();
                }
                if (mine.done) {
                    return mine.result();
                }
                running = true;
                batch = takeBatch();
            }
            try {
                run(batch);
            } finally {
                synchronized (lock) {
                    running = false;
                    lock.notifyAll();
                }
            }
        }
    }

    /** Model calls made so far (for tests and metrics). */
    long calls() {
        return calls.get();
    }

    private List<Request> takeBatch() {
        List<Request> batch = new ArrayList<>();
        int windowsInBatch = 0;
        while (!queue.isEmpty() && (batch.isEmpty() || windowsInBatch + queue.peekFirst().count <= maxBatchWindows)) {
            Request next = queue.removeFirst();
            batch.add(next);
            windowsInBatch += next.count;
        }
        return batch;
    }

    private void run(List<Request> batch) {
        int total = batch.stream().mapToInt(request -> request.count).sum();
        float[] input = new float[total * windowValues];
        int at = 0;
        for (Request request : batch) {
            System.arraycopy(request.windows, 0, input, at * windowValues, request.count * windowValues);
            at += request.count;
        }
        float[] scores;
        try {
            calls.incrementAndGet();
            scores = model.run(FloatTensor.of(input, total, windowShape[0], windowShape[1])).data();
        } catch (RuntimeException e) {
            synchronized (lock) {
                batch.forEach(request -> request.fail(e));
            }
            return;
        }
        at = 0;
        synchronized (lock) {
            for (Request request : batch) {
                float[] own = new float[request.count];
                System.arraycopy(scores, at, own, 0, request.count);
                at += request.count;
                request.complete(own);
            }
        }
    }

    private void awaitQuietly() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batched model call", e);
        }
    }

    /** One caller's windows; completed by whichever thread ran its batch (guarded by the scorer's lock). */
    private static final class Request {
        private final float[] windows;
        private final int count;
        private boolean done;
        private float[] scores;
        private RuntimeException error;

        Request(float[] windows, int count) {
            this.windows = windows;
            this.count = count;
        }

        void complete(float[] result) {
            scores = result;
            done = true;
        }

        void fail(RuntimeException cause) {
            error = cause;
            done = true;
        }

        float[] result() {
            if (error != null) {
                throw error;
            }
            return scores;
        }
    }
}
