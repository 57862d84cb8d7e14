package io.wakestream.wakeword.core;

import java.util.List;

/** One stream's detector state. Not thread-safe: a stream is processed by one thread at a time. */
public interface DetectorStream {

    /**
     * Feeds the next samples of the stream (16 kHz mono, float in [-1, 1)) and returns the scores
     * that became available, in order. Any chunk sizes give the same scores as one whole call.
     */
    List<DetectorScore> accept(float[] samples, int offset, int length);
}
