package io.wakestream.wakeword.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stream's detection state from a given starting sample: detector buffers, trigger policy,
 * recent audio, and the segment being captured. Sequence bookkeeping lives in {@link WakewordEngine}.
 */
final class StreamSession {

    private final String streamId;
    private final Detector detector;
    private final SessionSettings settings;
    private final DetectorStream detectorStream;
    private final TriggerPolicy policy;
    private final PcmHistory history;
    private final long startSample;
    private long nextSample;
    private SegmentCapture capture;

    StreamSession(String streamId, Detector detector, SessionSettings settings, long startSample) {
        this.streamId = streamId;
        this.detector = detector;
        this.settings = settings;
        this.detectorStream = detector.openStream();
        this.policy = TriggerPolicy.of(detector, settings);
        long historySamples = Math.max(SessionSettings.samples(settings.historyLength()), detector.windowSamples());
        this.history = new PcmHistory((int) historySamples, startSample);
        this.startSample = startSample;
        this.nextSample = startSample;
    }

    long nextSample() {
        return nextSample;
    }

    List<StreamEvent> accept(short[] samples) {
        List<StreamEvent> events = new ArrayList<>(0);
        history.append(samples);
        if (capture != null) {
            SegmentEndReason ended = capture.accept(samples);
            if (ended != null) {
                events.add(capture.close(ended));
                capture = null;
            }
        }
        float[] floats = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            floats[i] = samples[i] / 32768f;
        }
        for (DetectorScore score : detectorStream.accept(floats, 0, floats.length)) {
            DetectorScore absolute = new DetectorScore(startSample + score.endSample(), score.score());
            TriggerPolicy.Step step = policy.offer(absolute);
            if (step.fires()) {
                events.addAll(fire(step.smoothed()));
            }
        }
        nextSample += samples.length;
        return events;
    }

    /** Closes the open segment, if any, because the stream's state ends here. */
    Optional<Segment> close(SegmentEndReason reason) {
        Optional<Segment> open = Optional.ofNullable(capture).map(c -> c.close(reason));
        capture = null;
        return open;
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
        // Scores arrive per hop, so samples after the window's end may already be here: they belong to the request.
        short[] heldSoFar = history.copy(start, history.endSample());
        capture = new SegmentCapture(detection, heldSoFar, SessionSettings.samples(settings.maxSegment()),
                SessionSettings.samples(settings.endSilence()));
        return events;
    }
}
