package io.wakestream.wakeword.core;

/** What a stream's processing emits: a detection at once, a segment when the request ends. */
public sealed interface StreamEvent permits Detection, Segment {

    String detectionId();

    String streamId();
}
