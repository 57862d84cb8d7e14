package io.wakestream.kws.core;

import java.util.List;

/**
 * The verdict on one clip against one phrase.
 *
 * @param model       the verifier, name/version
 * @param phrase      the phrase as given
 * @param phones      its phones, as verified
 * @param score       the best span's probability that the clip says the phrase; 0 when no span could be scored
 * @param threshold   the threshold in force
 * @param accepted    score >= threshold
 * @param segments    one per phone in the best span (empty when none was scored)
 * @param spanStartMs the best span's first millisecond (-1 when none)
 * @param spanEndMs   the best span's end, exclusive (-1 when none)
 * @param reason      why nothing was scored ({@link #TOO_SHORT}); null when a span was
 */
public record Verification(String model, String phrase, List<String> phones, double score, double threshold,
                           boolean accepted, List<PhoneAlignment> segments, long spanStartMs, long spanEndMs,
                           String reason) {

    /** The clip gave fewer encoder outputs than the phrase has phones. */
    public static final String TOO_SHORT = "too_short";

    public Verification {
        phones = List.copyOf(phones);
        segments = List.copyOf(segments);
    }

    static Verification tooShort(String model, String phrase, List<String> phones, double threshold) {
        return new Verification(model, phrase, phones, 0, threshold, false, List.of(), -1, -1, TOO_SHORT);
    }
}
