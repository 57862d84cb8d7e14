package io.wakestream.wakeword.core.openvocab;

import io.wakestream.common.phonetic.PhoneSet;
import java.util.Arrays;

/**
 * Streaming search of one phone sequence in CTC log-posteriors, against a filler (background) model: a keyword
 * spotting score in the manner of CTC keyword spotting with a filler model (Zhuang et al., "Unrestricted vocabulary
 * keyword spotting using LSTM-CTC", Interspeech 2016; Hwang et al., "Online keyword spotting with a character-level
 * recurrent neural network", 2015), itself the posterior-ratio form of the keyword/filler HMM of Rose and Paul
 * (ICASSP 1990).
 *
 * <p>For phones p_1..p_N and a match over encoder outputs s..e, the score is
 * <pre>
 *   S(s, e) = (1/N) · max over CTC paths π of the phones from s to e of
 *             Σ_{t=s..e} [ max(log y_t(π_t), floor) − max_k log y_t(k) ]  −  skips(π) · skipPenalty
 * </pre>
 * where y_t are the encoder's posteriors (blank included), the path is the sequence's CTC topology (each phone one
 * or more outputs, optional blanks between phones, a blank required between two equal phones, no blank before the
 * first or after the last phone) in which a phone may be skipped at {@code skipPenalty}, and the background
 * {@code max_k log y_t(k)} is the best-phone-or-blank filler's log-likelihood of the same outputs. Every term is at
 * most 0, so S ≤ 0, with 0 exactly when the encoder's best symbol at every output is the path's; dividing by N
 * makes a perfect one-phone-per-output match score 0 for phrases of any length. The floor bounds what one
 * misrecognised output costs (the encoder's phone error rate is high). The start s is free: a new path may begin at
 * any output (Viterbi with a free entry), and a path that would last longer than
 * {@link SearchSettings#maxFrames} outputs is dropped. {@link #advance} returns max over s of S(s, e) for the
 * output e just read.
 *
 * <p>One instance per stream and sequence; not thread-safe.
 */
public final class PhoneSequenceSearch {

    private final int[] phones;
    private final int states;
    private final float floor;
    private final float skipPenalty;
    private final int maxFrames;
    private float[] score;
    private long[] start;
    private float[] next;
    private long[] nextStart;
    private long frame = -1;
    private long bestStart = -1;

    /**
     * @param phones phone indices of {@link PhoneSet} (not the blank), at least one
     * @throws IllegalArgumentException if the sequence is empty or holds the blank or an index outside the phone set
     */
    public PhoneSequenceSearch(int[] phones, SearchSettings settings) {
        if (phones.length == 0) {
            throw new IllegalArgumentException("no phones to search for");
        }
        for (int phone : phones) {
            if (phone <= PhoneSet.BLANK || phone >= PhoneSet.arpabet().size()) {
                throw new IllegalArgumentException("not a phone index: " + phone + " in " + Arrays.toString(phones));
            }
        }
        this.phones = phones.clone();
        this.states = 2 * phones.length - 1;
        this.floor = settings.logProbFloor();
        this.skipPenalty = settings.skipPenalty();
        this.maxFrames = settings.maxFrames(phones.length);
        this.score = filled(states);
        this.start = new long[states];
        this.next = filled(states);
        this.nextStart = new long[states];
    }

    /** N: phones of the sequence. */
    public int length() {
        return phones.length;
    }

    /**
     * Reads the next output's log-posteriors, {@code logProbs[offset, offset + V)} with the blank at {@code offset}.
     *
     * @param background max_k of those log-posteriors (the caller computes it once for all the sequences it searches)
     * @return the best length-normalised score S of a match ending at this output, in nats per phone (≤ 0), or
     *         negative infinity when no path reaches the sequence's end
     */
    public float advance(float[] logProbs, int offset, float background) {
        frame++;
        float blank = Math.max(logProbs[offset + PhoneSet.BLANK], floor) - background;
        for (int i = 0; i < phones.length; i++) {
            int state = 2 * i;
            // A fresh path enters here, having skipped the i phones before this one.
            float best = -i * skipPenalty;
            long from = frame;
            if (score[state] > best) {
                best = score[state];
                from = start[state];
            }
            if (i > 0) {
                if (score[state - 1] > best) {
                    best = score[state - 1];
                    from = start[state - 1];
                }
                if (phones[i - 1] != phones[i] && score[state - 2] > best) {
                    best = score[state - 2];
                    from = start[state - 2];
                }
            }
            if (i > 1) {
                // Skipping phone i - 1: from phone i - 2 (if it differs) or the blank after it.
                if (score[state - 3] - skipPenalty > best) {
                    best = score[state - 3] - skipPenalty;
                    from = start[state - 3];
                }
                if (phones[i - 2] != phones[i] && score[state - 4] - skipPenalty > best) {
                    best = score[state - 4] - skipPenalty;
                    from = start[state - 4];
                }
            }
            set(state, best + Math.max(logProbs[offset + phones[i]], floor) - background, from);
            if (i < phones.length - 1) {
                float stay = score[state + 1];
                boolean fromPhone = score[state] > stay;
                set(state + 1, (fromPhone ? score[state] : stay) + blank, fromPhone ? start[state] : start[state + 1]);
            }
        }
        float[] swap = score;
        score = next;
        next = swap;
        long[] swapStart = start;
        start = nextStart;
        nextStart = swapStart;
        return end();
    }

    /** The first output of the match {@link #advance} last scored; -1 when it found none. */
    public long matchStart() {
        return bestStart;
    }

    private void set(int state, float value, long from) {
        boolean tooLong = frame - from + 1 > maxFrames;
        next[state] = tooLong ? Float.NEGATIVE_INFINITY : value;
        nextStart[state] = from;
    }

    private float end() {
        float best = Float.NEGATIVE_INFINITY;
        bestStart = -1;
        for (int i = phones.length - 1; i >= 0; i--) {
            float value = score[2 * i] - (phones.length - 1 - i) * skipPenalty;
            if (value > best) {
                best = value;
                bestStart = start[2 * i];
            }
        }
        return best == Float.NEGATIVE_INFINITY ? best : best / phones.length;
    }

    private static float[] filled(int size) {
        float[] values = new float[size];
        Arrays.fill(values, Float.NEGATIVE_INFINITY);
        return values;
    }
}
