package io.wakestream.wakeword.core;

import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelManifest;
import java.time.Duration;
import java.util.Map;

/**
 * How a model's scores become firings: the moving average of the last {@code smoothingScores} scores
 * must reach {@code threshold}, and after a firing nothing fires for {@code refractory}. A model's own
 * settings come from its manifest ({@link Detector#triggerSettings()}); {@link SessionSettings} may
 * override each of them.
 *
 * @param threshold       smoothed score at or above which the detector fires
 * @param smoothingScores moving-average length over consecutive scores (1 = none)
 * @param refractory      quiet time after a firing
 */
public record TriggerSettings(float threshold, int smoothingScores, Duration refractory) {

    /** The manifest's threshold name. */
    public static final String THRESHOLD = "detection";
    /** The frontend parameter giving the moving-average length. */
    public static final String SMOOTHING_PARAMETER = "smoothing_windows";
    /** The frontend parameter giving the refractory period in seconds. */
    public static final String REFRACTORY_PARAMETER = "refractory_seconds";

    public TriggerSettings {
        if (!Float.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a number, got " + threshold);
        }
        if (smoothingScores < 1) {
            throw new IllegalArgumentException("smoothing must average at least 1 score, got " + smoothingScores);
        }
        if (refractory == null || refractory.isNegative()) {
            throw new IllegalArgumentException("refractory period must be zero or more, got " + refractory);
        }
    }

    /**
     * A manifest's settings: threshold {@value #THRESHOLD}, and {@value #SMOOTHING_PARAMETER} and
     * {@value #REFRACTORY_PARAMETER} from its frontend parameters, all required.
     *
     * @throws ModelException if one is missing or invalid
     */
    public static TriggerSettings fromManifest(ModelManifest manifest) {
        return new TriggerSettings((float) manifest.threshold(THRESHOLD), smoothing(manifest, null),
                refractory(manifest, null));
    }

    /** As {@link #fromManifest(ModelManifest)}, but a missing smoothing or refractory parameter takes the default given. */
    public static TriggerSettings fromManifest(ModelManifest manifest, int defaultSmoothing, Duration defaultRefractory) {
        return new TriggerSettings((float) manifest.threshold(THRESHOLD), smoothing(manifest, defaultSmoothing),
                refractory(manifest, defaultRefractory));
    }

    /** These settings with each non-null override of {@code settings} in place of the model's. */
    public TriggerSettings overriddenBy(SessionSettings settings) {
        return new TriggerSettings(settings.threshold() != null ? settings.threshold() : threshold,
                settings.smoothingScores() != null ? settings.smoothingScores() : smoothingScores,
                settings.refractory() != null ? settings.refractory() : refractory);
    }

    private static int smoothing(ModelManifest manifest, Integer fallback) {
        Object value = parameters(manifest).get(SMOOTHING_PARAMETER);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != number.intValue() || number.intValue() < 1) {
            throw new ModelException("model " + manifest.id() + " frontend needs a positive integer "
                    + SMOOTHING_PARAMETER + ", has " + value);
        }
        return number.intValue();
    }

    private static Duration refractory(ModelManifest manifest, Duration fallback) {
        Object value = parameters(manifest).get(REFRACTORY_PARAMETER);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (!(value instanceof Number number) || !(number.doubleValue() > 0) || Double.isInfinite(number.doubleValue())) {
            throw new ModelException("model " + manifest.id() + " frontend needs a positive number "
                    + REFRACTORY_PARAMETER + ", has " + value);
        }
        return Duration.ofNanos(Math.round(number.doubleValue() * 1e9));
    }

    private static Map<String, Object> parameters(ModelManifest manifest) {
        return manifest.frontend() == null ? Map.of() : manifest.frontend().parameters();
    }
}
