package io.wakestream.common.phonetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CTC forced alignment: the most likely path (Viterbi) of a known phone sequence through encoder
 * log-posteriors, giving each phone its outputs and times. The path runs over the CTC topology
 * blank, p1, blank, p2, ..., pL, blank: each output stays in its state, moves one state on, or skips
 * the blank between two different phones; it starts in the first blank or p1 and ends in pL or the
 * last blank. Ties go to staying, then to the nearer state, and at the end to the final blank.
 *
 * <p>The same recursion in double, with the same tie-breaking, as the toolkit's {@code align.force_align}
 * (training/wakestream_training/phonetic/align.py), so both give the same path for the same
 * posteriors (pinned by the golden fixture). Time and memory are O(U x L). Immutable and thread-safe.
 */
public final class CtcAlignment {

    private final PhoneTable phones;

    /**
     * @param phones  output symbols in index order, {@code <blank>} first ({@link EncoderSpec#phones()})
     * @param frameMs milliseconds of audio per output ({@link EncoderSpec#outputFrameMs()})
     */
    public CtcAlignment(List<String> phones, int frameMs) {
        this.phones = new PhoneTable(phones, frameMs);
    }

    public CtcAlignment(EncoderSpec spec) {
        this(spec.phones(), spec.outputFrameMs());
    }

    /**
     * A forced alignment.
     *
     * @param segments one per transcript phone, in order, on disjoint outputs
     * @param score    the path's summed natural-log posterior
     */
    public record Result(List<PhoneSegment> segments, double score) {

        public Result {
            segments = List.copyOf(segments);
        }
    }

    /**
     * Aligns ARPAbet phones (stress digits ignored, e.g. {@code HH EY1 JH AA1 R V IH0 S}).
     *
     * @throws IllegalArgumentException as {@link #align(float[][], int[])}, or for a phone not in the phone set
     */
    public Result align(float[][] logProbs, List<String> transcript) {
        return align(logProbs, phones.indices(transcript));
    }

    /**
     * Aligns output indices.
     *
     * @param logProbs {@code [U][V]} natural-log posteriors, one row per output from the stream's start
     * @param targets  phone indices 1..V-1, no blanks
     * @throws IllegalArgumentException if U is below {@link #framesNeeded} (the message says how many outputs
     *                                  and milliseconds are needed), a target is the blank or out of range,
     *                                  a row does not have V values, or every path crosses a -inf log-posterior
     */
    public Result align(float[][] logProbs, int[] targets) {
        phones.checkWidth(logProbs);
        for (int target : targets) {
            if (target <= PhoneTable.BLANK || target >= phones.symbols().size()) {
                throw new IllegalArgumentException("target " + target + " is not a phone index (1.."
                        + (phones.symbols().size() - 1) + "; 0 is the blank)");
            }
        }
        int frames = logProbs.length;
        int needed = framesNeeded(targets);
        if (frames < needed) {
            throw new IllegalArgumentException("cannot align " + targets.length + " phones to " + frames
                    + " frames: a CTC path of this transcript needs at least " + needed + " frames ("
                    + (long) needed * phones.frameMs() + " ms)");
        }
        if (targets.length == 0) {
            double score = 0;
            for (float[] row : logProbs) {
                score += row[PhoneTable.BLANK];
            }
            return new Result(List.of(), score);
        }
        int states = 2 * targets.length + 1;
        int[] symbol = new int[states];
        boolean[] canSkip = new boolean[states];
        for (int i = 0; i < targets.length; i++) {
            symbol[2 * i + 1] = targets[i];
            canSkip[2 * i + 1] = i > 0 && targets[i] != targets[i - 1];
        }

        double[] score = new double[states];
        double[] next = new double[states];
        Arrays.fill(score, Double.NEGATIVE_INFINITY);
        score[0] = logProbs[0][symbol[0]];
        score[1] = logProbs[0][symbol[1]];
        byte[][] shifts = new byte[frames][states];
        for (int t = 1; t < frames; t++) {
            for (int s = 0; s < states; s++) {
                double best = score[s];
                byte shift = 0;
                double fromPrevious = s >= 1 ? score[s - 1] : Double.NEGATIVE_INFINITY;
                if (fromPrevious > best) {
                    best = fromPrevious;
                    shift = 1;
                }
                double fromSkip = canSkip[s] ? score[s - 2] : Double.NEGATIVE_INFINITY;
                if (fromSkip > best) {
                    best = fromSkip;
                    shift = 2;
                }
                shifts[t][s] = shift;
                next[s] = best + logProbs[t][symbol[s]];
            }
            double[] swap = score;
            score = next;
            next = swap;
        }

        int state = score[states - 2] > score[states - 1] ? states - 2 : states - 1;
        double total = score[state];
        if (total == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("no alignment with a finite score: every path crosses a -inf log-posterior");
        }
        int[] start = new int[targets.length];
        int[] end = new int[targets.length];
        for (int t = frames - 1; t >= 0; t--) {
            if (state % 2 == 1) {
                int phone = state / 2;
                if (end[phone] == 0) {
                    end[phone] = t + 1;
                }
                start[phone] = t;
            }
            state -= shifts[t][state];
        }
        List<PhoneSegment> segments = new ArrayList<>(targets.length);
        for (int i = 0; i < targets.length; i++) {
            segments.add(PhoneSegment.of(phones, targets[i], start[i], end[i], logProbs));
        }
        return new Result(segments, total);
    }

    /** Fewest outputs a CTC path of {@code targets} takes: one per phone, plus a blank between equal neighbours. */
    public static int framesNeeded(int[] targets) {
        int needed = targets.length;
        for (int i = 1; i < targets.length; i++) {
            if (targets[i] == targets[i - 1]) {
                needed++;
            }
        }
        return needed;
    }
}
