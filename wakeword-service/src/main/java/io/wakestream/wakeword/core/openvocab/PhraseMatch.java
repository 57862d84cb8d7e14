package io.wakestream.wakeword.core.openvocab;

/**
 * The best match of a phrase ending at one encoder output.
 *
 * @param endFrame   index just after the match's last output (outputs counted from the stream's start)
 * @param startFrame index of the match's first output; -1 when no path reached the phrase's end
 * @param score      length-normalised log score S of {@link PhoneSequenceSearch}, nats per phone, at most 0
 *                   (negative infinity when no path reached the end)
 */
public record PhraseMatch(long endFrame, long startFrame, float score) {

    /** The score as a confidence in (0, 1]: exp(S), the per-phone geometric mean of the posterior ratios. */
    public float confidence() {
        return (float) Math.exp(score);
    }
}
