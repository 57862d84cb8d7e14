package io.wakestream.wakeword.core.repcnn;

import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.frontend.LogMelStream;
import io.wakestream.wakeword.core.DetectorScore;
import io.wakestream.wakeword.core.DetectorStream;
import io.wakestream.wakeword.core.ScoreBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One stream of the RepCNN detector: streaming log-mel frames into a window ring that starts filled
 * with silence frames; whenever the frames seen so far are a multiple of {@code hopFrames} (from the
 * first hop on, so a clip shorter than the window is scored too), the last {@code windowFrames} frames
 * are queued, and the windows that one {@link #accept} call completes are scored together in one call,
 * or with other streams' windows in one call when {@link #submit} puts them in a shared {@link ScoreBatch}. The toolkit's training and evaluation cut windows the same way.
 */
final class RepCnnStream implements DetectorStream {

    private final RepCnnDetector detector;
    private final LogMelStream frontend;
    private final FeatureWindow window;
    private final int windowValues;
    private float[] pending;
    private long[] pendingEnds;
    private int pendingCount;

    RepCnnStream(RepCnnDetector detector, LogMelFrontend frontend) {
        this.detector = detector;
        this.frontend = frontend.newStream();
        this.window = new FeatureWindow(detector.windowFrames(), detector.silenceFrame());
        this.windowValues = detector.windowFrames() * frontend.nMels();
        this.pending = new float[windowValues];
        this.pendingEnds = new long[1];
    }

    @Override
    public List<DetectorScore> accept(float[] samples, int offset, int length) {
        ScoreBatch own = new ScoreBatch();
        Scores scores = submit(samples, offset, length, own);
        own.run();
        return scores.get();
    }

    @Override
    public Scores submit(float[] samples, int offset, int length, ScoreBatch batch) {
        pendingCount = 0;
        frontend.accept(samples, offset, length, this::onFrame);
        if (pendingCount == 0) {
            return List::of;
        }
        int count = pendingCount;
        long[] ends = Arrays.copyOf(pendingEnds, count);
        ScoreBatch.Queued queued = batch.add(detector, pending, count);
        return () -> {
            float[] scores = queued.scores();
            List<DetectorScore> result = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                result.add(new DetectorScore(ends[i], scores[i]));
            }
            return result;
        };
    }

    private void onFrame(long frameIndex, float[] features) {
        window.push(features);
        if ((frameIndex + 1) % detector.hopFrames() != 0) {
            return;
        }
        if (pendingCount == pendingEnds.length) {
            pendingEnds = Arrays.copyOf(pendingEnds, pendingCount * 2);
            pending = Arrays.copyOf(pending, pendingCount * 2 * windowValues);
        }
        window.copyTo(pending, pendingCount * windowValues);
        pendingEnds[pendingCount++] = LogMelFrontend.frameStart(frameIndex) + LogMelFrontend.FRAME_LENGTH;
    }
}
