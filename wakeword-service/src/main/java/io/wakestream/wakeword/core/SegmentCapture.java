package io.wakestream.wakeword.core;

import java.util.Arrays;

/** Collects trigger + request audio of one detection until the request ends. */
final class SegmentCapture {

    private final Detection detection;
    private final long maxSamples;
    private final RequestEndpointer endpointer;
    private short[] pcm;
    private int length;

    SegmentCapture(Detection detection, short[] alreadyHeld, long maxSamples, long endSilenceSamples) {
        this.detection = detection;
        this.maxSamples = maxSamples;
        this.endpointer = new RequestEndpointer(endSilenceSamples);
        this.pcm = Arrays.copyOf(alreadyHeld, Math.max(alreadyHeld.length * 2, 16_000));
        this.length = alreadyHeld.length;
    }

    /** Adds the samples that follow; returns the reason the segment ended, or null while it goes on. */
    SegmentEndReason accept(short[] samples) {
        int take = (int) Math.min(samples.length, maxSamples - length);
        if (length + take > pcm.length) {
            pcm = Arrays.copyOf(pcm, Math.max(pcm.length * 2, length + take));
        }
        System.arraycopy(samples, 0, pcm, length, take);
        length += take;
        short[] request = take == samples.length ? samples : Arrays.copyOf(samples, take);
        if (endpointer.accept(request)) {
            return SegmentEndReason.END_OF_SPEECH;
        }
        return length >= maxSamples ? SegmentEndReason.MAX_LENGTH : null;
    }

    Segment close(SegmentEndReason reason) {
        return new Segment(detection.detectionId(), detection.streamId(), Arrays.copyOf(pcm, length),
                detection.startSample(), detection.endSample(), reason);
    }
}
