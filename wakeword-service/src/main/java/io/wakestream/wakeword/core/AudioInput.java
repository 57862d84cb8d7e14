package io.wakestream.wakeword.core;

/**
 * One chunk of a stream as the core sees it: already validated, 16 kHz mono PCM.
 *
 * @param firstSample offset of {@code samples[0]} from the stream's start
 */
public record AudioInput(String streamId, long seq, long firstSample, short[] samples, boolean endOfStream) {
}
