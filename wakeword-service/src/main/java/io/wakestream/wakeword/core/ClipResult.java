package io.wakestream.wakeword.core;

import java.util.List;

/**
 * What a detector made of one clip under its trigger settings: every score as the trigger policy
 * smoothed it (the number compared with the threshold), the highest of them, and where it fired.
 *
 * @param model    name/version of the model
 * @param trigger  the settings the firings used: the model's, with any overrides
 * @param samples  the clip's length
 * @param maxScore the highest smoothed score; 0 if the clip is too short for one
 * @param firings  where the detector fired
 * @param scores   the smoothed score at every hop, in order
 */
public record ClipResult(String model, TriggerSettings trigger, long samples, float maxScore, List<Firing> firings,
                         List<DetectorScore> scores) {

    /** The threshold the firings used. */
    public float threshold() {
        return trigger.threshold();
    }

    public record Firing(String keyword, float score, long startSample, long endSample) {
    }
}
