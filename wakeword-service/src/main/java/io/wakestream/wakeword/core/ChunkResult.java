package io.wakestream.wakeword.core;

import java.util.List;

/** The outcome of one chunk and the events it produced; {@code reset} is null unless the stream was reset. */
public record ChunkResult(ChunkOutcome outcome, ResetReason reset, List<StreamEvent> events) {
}
