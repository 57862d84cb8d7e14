package io.wakestream.wakeword.core.openvocab;

import io.wakestream.wakeword.core.TriggerSettings;
import java.time.Duration;

/**
 * How enrolled phrases without a trained model are spotted.
 *
 * @param search      the phone search's floor, skip penalty and longest match
 * @param trigger     threshold on the confidence exp(S) in (0, 1], smoothing over consecutive outputs (20 ms
 *                    each), refractory period
 * @param maxVariants pronunciations of a phrase searched at most (lexicon alternates)
 */
public record OpenVocabularySettings(SearchSettings search, TriggerSettings trigger, int maxVariants) {

    /**
     * The default threshold on exp(S), chosen on positive clips and negative speech (README, "Run-time phrases"):
     * -0.69 nats per phone, about 1 false alarm an hour per phrase.
     */
    public static final float DEFAULT_THRESHOLD = 0.5f;

    public OpenVocabularySettings {
        if (maxVariants < 1) {
            throw new IllegalArgumentException("at least one pronunciation variant is searched, got " + maxVariants);
        }
    }

    /** {@link SearchSettings#defaults()}, threshold {@value #DEFAULT_THRESHOLD}, no smoothing, 2 s refractory, 4 variants. */
    public static OpenVocabularySettings defaults() {
        return new OpenVocabularySettings(SearchSettings.defaults(),
                new TriggerSettings(DEFAULT_THRESHOLD, 1, Duration.ofSeconds(2)), 4);
    }

    public OpenVocabularySettings withSearch(SearchSettings newSearch) {
        return new OpenVocabularySettings(newSearch, trigger, maxVariants);
    }

    /** @throws IllegalArgumentException if the threshold is outside [0, 1] (the confidence's range) */
    public OpenVocabularySettings withThreshold(float threshold) {
        if (!(threshold >= 0f && threshold <= 1f)) {
            throw new IllegalArgumentException("threshold must lie in [0, 1], got " + threshold);
        }
        return new OpenVocabularySettings(search,
                new TriggerSettings(threshold, trigger.smoothingScores(), trigger.refractory()), maxVariants);
    }
}
