package io.wakestream.wakeword.core;

/**
 * Which detector a stream runs now: the service's wake-word model, or the detector of a phrase enrolled for the
 * stream. Asked on each chunk, so a change applies from the stream's next chunk. Thread-safe.
 */
@FunctionalInterface
public interface DetectorChoice {

    Detector detectorFor(String streamId);

    /** Every stream runs {@code detector}. */
    static DetectorChoice fixed(Detector detector) {
        return streamId -> detector;
    }
}
