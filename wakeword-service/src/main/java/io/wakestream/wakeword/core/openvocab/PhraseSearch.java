package io.wakestream.wakeword.core.openvocab;

import io.wakestream.common.phonetic.EncoderFrames;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming search of one phrase in a stream's encoder outputs: a {@link PhoneSequenceSearch} per pronunciation
 * variant, the best variant's score at each output. One per stream and phrase; not thread-safe.
 */
public final class PhraseSearch {

    private final List<PhoneSequenceSearch> variants;

    public PhraseSearch(PhrasePhones phrase, SearchSettings settings) {
        this.variants = phrase.variants().stream().map(v -> new PhoneSequenceSearch(v, settings)).toList();
    }

    /** The best match ending at each of the frames' outputs, in order; frames must follow on from the previous ones. */
    public List<PhraseMatch> accept(EncoderFrames frames) {
        List<PhraseMatch> matches = new ArrayList<>(frames.count());
        float[] logProbs = frames.logProbs();
        int width = frames.phones();
        for (int u = 0; u < frames.count(); u++) {
            matches.add(advance(logProbs, u * width, width, frames.first() + u));
        }
        return matches;
    }

    /**
     * Reads one output, {@code logProbs[offset, offset + width)} (blank first), the stream's output {@code index}.
     */
    public PhraseMatch advance(float[] logProbs, int offset, int width, long index) {
        float background = background(logProbs, offset, width);
        float best = Float.NEGATIVE_INFINITY;
        long start = -1;
        for (PhoneSequenceSearch variant : variants) {
            float score = variant.advance(logProbs, offset, background);
            if (score > best) {
                best = score;
                start = variant.matchStart();
            }
        }
        return new PhraseMatch(index + 1, start, best);
    }

    /** The filler's log-likelihood of one output: its best symbol's log-posterior. */
    static float background(float[] logProbs, int offset, int width) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < width; k++) {
            max = Math.max(max, logProbs[offset + k]);
        }
        return max;
    }
}
