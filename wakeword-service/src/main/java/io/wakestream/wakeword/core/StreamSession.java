package io.wakestream.wakeword.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stream's detection state from a given starting sample: detector buffers, trigger policy,
 * recent audio, and the segment being captured. Sequence bookkeeping lives in {@link WakewordEngine}.
 *
 * <p>A chunk's samples reach the history and the open segment only up to each score's end sample
 * before that score is judged, so the trigger audio, a segment's start and the end of a request are
 * found at sample resolution: the events do not depend on how the stream was cut into chunks, even
 * for chunks longer than the history.
 */
final class StreamSession {

    private final String streamId;
    private final SessionSettings settings;
    private final PcmHistory history;
    private Detector detector;
    private DetectorStream detectorStream;
    private TriggerPolicy policy;
    private long detectorStartSample;
    private long nextSample;
    private SegmentCapture capture;

    StreamSession(String streamId, Detector detector, SessionSettings settings, long startSample) {
        this.streamId = streamId;
        this.detector = detector;
        this.settings = settings;
        this.detectorStream = detector.openStream();
        this.policy = TriggerPolicy.of(detector, settings, startSample);
        long historySamples = Math.max(SessionSettings.samples(settings.historyLength()), detector.windowSamples());
        this.history = new PcmHistory((int) historySamples, startSample);
        this.detectorStartSample = startSample;
        this.nextSample = startSample;
    }

    Detector detector() {
        return detector;
    }

    /**
     * Runs {@code next} from the next sample on, as if the stream started there (its history and open segment
     * stay): the stream's phrase changed. Trigger audio stays within the history kept for the first detector.
     */
    void switchDetector(Detector next) {
        detector = next;
        detectorStream = next.openStream();
        policy = TriggerPolicy.of(next, settings, nextSample);
        detectorStartSample = nextSample;
    }

    long nextSample() {
        return nextSample;
    }

    List<StreamEvent> accept(short[] samples) {
        ScoreBatch own = new ScoreBatch();
        Prepared prepared = prepare(samples, own);
        own.run();
        return complete(prepared);
    }

    /**
     * The first half of {@link #accept}: feeds the chunk to the detector, whose windows may wait in {@code batch};
     * {@link #complete} judges the scores once the batch has run. Nothing else may reach this session in between.
     */
    Prepared prepare(short[] samples, ScoreBatch batch) {
        float[] floats = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            floats[i] = samples[i] / 32768f;
        }
        return new Prepared(samples, detectorStream.submit(floats, 0, floats.length, batch));
    }

    /** The second half of {@link #accept}: the prepared chunk's scores through the trigger policy, the chunk into the history. */
    List<StreamEvent> complete(Prepared prepared) {
        short[] samples = prepared.samples();
        List<StreamEvent> events = new ArrayList<>(0);
        long chunkStart = nextSample;
        int done = 0;
        for (DetectorScore score : prepared.scores().get()) {
            DetectorScore absolute = new DetectorScore(detectorStartSample + score.endSample(), score.score());
            // A detector with look-ahead (the phonetic encoder) scores audio of earlier chunks: judged at once.
            int upTo = (int) Math.max(done, absolute.endSample() - chunkStart);
            advance(samples, done, upTo, events);
            done = upTo;
            TriggerPolicy.Step step = policy.offer(absolute);
            if (step.fires()) {
                events.addAll(fire(step.smoothed()));
            }
        }
        advance(samples, done, samples.length, events);
        return events;
    }

    /** A chunk fed to the detector whose scores may wait for their batch. */
    record Prepared(short[] samples, DetectorStream.Scores scores) {
    }

    /** Closes the open segment, if any, because the stream's state ends here. */
    Optional<Segment> close(SegmentEndReason reason) {
        Optional<Segment> open = Optional.ofNullable(capture).map(c -> c.close(reason));
        capture = null;
        return open;
    }

    /** Moves the stream on by {@code samples[from, to)}: into the history and the open segment. */
    private void advance(short[] samples, int from, int to, List<StreamEvent> events) {
        history.append(samples, from, to);
        if (capture != null) {
            SegmentEndReason ended = capture.accept(samples, from, to);
            if (ended != null) {
                events.add(capture.close(ended));
                capture = null;
            }
        }
        nextSample += to - from;
    }

    private List<StreamEvent> fire(DetectorScore firing) {
        List<StreamEvent> events = new ArrayList<>(2);
        if (capture != null) {
            events.add(capture.close(SegmentEndReason.END_OF_SPEECH));
        }
        long end = firing.endSample();
        long start = Math.max(history.firstHeldSample(), end - detector.windowSamples());
        Detection detection = new Detection(DetectionIds.of(streamId, end), streamId, detector.keyword(),
                detector.modelId(), firing.score(), start, end, history.copy(start, end));
        events.add(detection);
        capture = new SegmentCapture(detection, SessionSettings.samples(settings.maxSegment()),
                SessionSettings.samples(settings.endSilence()));
        // The request audio already seen after a late score's end sample: the segment follows on from the trigger.
        short[] seen = history.copy(end, history.endSample());
        SegmentEndReason ended = capture.accept(seen, 0, seen.length);
        if (ended != null) {
            events.add(capture.close(ended));
            capture = null;
        }
        return events;
    }
}
