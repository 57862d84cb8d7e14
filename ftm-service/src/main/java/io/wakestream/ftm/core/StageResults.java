package io.wakestream.ftm.core;

import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.WakewordDetection;

/**
 * What the stages said about one detection by the time it is decided; a stage that has not answered is null.
 *
 * @param detection    wakeword-service's detection (null only when the detection itself was never seen)
 * @param verification kws-service's verification of the trigger audio, or null
 * @param lattice      asr-lattice-service's lattice of trigger + request, or null
 */
public record StageResults(WakewordDetection detection, KeywordVerification verification, Lattice lattice) {

    /** Whether {@code stage} answered. */
    public boolean present(Stage stage) {
        return switch (stage) {
            case WAKEWORD -> detection != null;
            case KWS -> verification != null;
            case FTM -> lattice != null;
        };
    }
}
