package io.wakestream.wakeword.core.openvocab;

/**
 * How {@link PhoneSequenceSearch} scores a phone sequence against encoder log-posteriors (natural logs).
 *
 * @param logProbFloor      log-posterior below which a frame's phone or blank counts as this value (e.g. -6): one
 *                          badly recognised frame costs at most about {@code -logProbFloor} nats, so a noisy
 *                          encoder's substitutions cost a bounded amount instead of ruling the phrase out
 * @param skipPenalty       nats charged per phone the path skips (a deletion by the encoder), positive
 * @param maxFramesPerPhone longest match, in encoder outputs per phone of the sequence (plus {@code extraFrames}):
 *                          a path older than that is dropped, so two words far apart are not one phrase
 * @param extraFrames       outputs a match may last beyond {@code maxFramesPerPhone} x phones (pauses between words)
 */
public record SearchSettings(float logProbFloor, float skipPenalty, int maxFramesPerPhone, int extraFrames) {

    public static final float DEFAULT_LOG_PROB_FLOOR = -6f;
    public static final float DEFAULT_SKIP_PENALTY = 3f;
    public static final int DEFAULT_MAX_FRAMES_PER_PHONE = 12;
    public static final int DEFAULT_EXTRA_FRAMES = 25;

    /**
     * Floor {@value #DEFAULT_LOG_PROB_FLOOR} (a posterior of 0.25 %), skip penalty {@value #DEFAULT_SKIP_PENALTY} nats,
     * {@value #DEFAULT_MAX_FRAMES_PER_PHONE} outputs (240 ms) a phone plus {@value #DEFAULT_EXTRA_FRAMES} (500 ms).
     */
    public static SearchSettings defaults() {
        return new SearchSettings(DEFAULT_LOG_PROB_FLOOR, DEFAULT_SKIP_PENALTY, DEFAULT_MAX_FRAMES_PER_PHONE,
                DEFAULT_EXTRA_FRAMES);
    }

    public SearchSettings {
        if (!(logProbFloor < 0f) || Float.isInfinite(logProbFloor)) {
            throw new IllegalArgumentException("log-probability floor must be a negative number, got " + logProbFloor);
        }
        if (!(skipPenalty > 0f) || Float.isInfinite(skipPenalty)) {
            throw new IllegalArgumentException("skip penalty must be a positive number of nats, got " + skipPenalty);
        }
        if (maxFramesPerPhone < 1 || extraFrames < 0) {
            throw new IllegalArgumentException("a match needs at least 1 output per phone and no negative extra outputs, got "
                    + maxFramesPerPhone + " and " + extraFrames);
        }
    }

    /** Longest match, in encoder outputs, of a sequence of {@code phones} phones. */
    public int maxFrames(int phones) {
        return maxFramesPerPhone * phones + extraFrames;
    }
}
