package io.wakestream.wakeword.core;

import java.util.List;

/** Streams whose state was freed, and the segments they had open (closed as {@code STREAM_RESET}). */
public record DroppedStreams(List<String> streamIds, List<StreamEvent> openSegments) {
}
