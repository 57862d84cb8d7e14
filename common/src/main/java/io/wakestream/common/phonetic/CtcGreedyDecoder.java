package io.wakestream.common.phonetic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Greedy CTC decoding of encoder log-posteriors: the best index of each output (ties to the lower
 * index), repeats collapsed, blanks dropped. Each phone comes with the run of outputs it won. Same
 * algorithm as the toolkit's {@code align.greedy} (training/wakestream_training/phonetic/align.py).
 * Immutable and thread-safe.
 */
public final class CtcGreedyDecoder {

    private final PhoneTable phones;

    /**
     * @param phones  output symbols in index order, {@code <blank>} first ({@link EncoderSpec#phones()})
     * @param frameMs milliseconds of audio per output ({@link EncoderSpec#outputFrameMs()})
     */
    public CtcGreedyDecoder(List<String> phones, int frameMs) {
        this.phones = new PhoneTable(phones, frameMs);
    }

    public CtcGreedyDecoder(EncoderSpec spec) {
        this(spec.phones(), spec.outputFrameMs());
    }

    /**
     * @param logProbs {@code [U][V]} natural-log posteriors, one row per output from the stream's start
     * @return the decoded phones in order, each with its outputs and their times
     * @throws IllegalArgumentException if a row does not have V values
     */
    public List<PhoneSegment> decode(float[][] logProbs) {
        phones.checkWidth(logProbs);
        List<PhoneSegment> segments = new ArrayList<>();
        int start = 0;
        int runPhone = -1;
        for (int t = 0; t <= logProbs.length; t++) {
            int best = t < logProbs.length ? argmax(logProbs[t]) : -1;
            if (best != runPhone) {
                if (runPhone > PhoneTable.BLANK) {
                    segments.add(PhoneSegment.of(phones, runPhone, start, t, logProbs));
                }
                runPhone = best;
                start = t;
            }
        }
        return segments;
    }

    /** The segments' phones separated by spaces, e.g. {@code HH EY JH AA R V IH S}. */
    public static String phoneString(List<PhoneSegment> segments) {
        return segments.stream().map(PhoneSegment::phone).collect(Collectors.joining(" "));
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int v = 1; v < row.length; v++) {
            if (row[v] > row[best]) {
                best = v;
            }
        }
        return best;
    }
}
