package io.wakestream.wakeword.core;

/** Trigger plus request audio of one detection, from {@code firstSample} on. */
public record Segment(String detectionId, String streamId, short[] pcm, long firstSample, long triggerEndSample,
                      SegmentEndReason endReason) implements StreamEvent {
}
