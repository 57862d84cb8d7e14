package io.wakestream.wakeword.core;

import java.util.Arrays;

/** Collects trigger + request audio of one detection until the request ends. */
final class SegmentCapture {

    private final Detection detection;
    private final long maxSamples;
    private final RequestEndpointer endpointer;
    private short[] pcm;
    private int length;

    SegmentCapture(Detection detection, long maxSamples, long endSilenceSamples) {
        this.detection = detection;
        this.maxSamples = maxSamples;
        this.endpointer = new RequestEndpointer(endSilenceSamples);
        short[] trigger = detection.triggerPcm();
        this.pcm = Arrays.copyOf(trigger, Math.max(trigger.length * 2, 16_000));
        this.length = trigger.length;
    }

    /**
     * Adds {@code samples[from, to)}, the audio that follows, up to the sample where the request ends;
     * returns the reason the segment ended, or null while it goes on.
     */
    SegmentEndReason accept(short[] samples, int from, int to) {
        int room = (int) Math.min(to - from, maxSamples - length);
        int ended = endpointer.accept(samples, from, from + room);
        int take = ended == RequestEndpointer.NOT_ENDED ? room : ended - from;
        if (length + take > pcm.length) {
            pcm = Arrays.copyOf(pcm, Math.max(pcm.length * 2, length + take));
        }
        System.arraycopy(samples, from, pcm, length, take);
        length += take;
        if (ended != RequestEndpointer.NOT_ENDED) {
            return SegmentEndReason.END_OF_SPEECH;
        }
        return length >= maxSamples ? SegmentEndReason.MAX_LENGTH : null;
    }

    Segment close(SegmentEndReason reason) {
        return new Segment(detection.detectionId(), detection.streamId(), Arrays.copyOf(pcm, length),
                detection.startSample(), detection.endSample(), reason);
    }
}
