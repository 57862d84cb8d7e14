package io.wakestream.wakeword.core.openvocab;

import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.PhoneSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Synthetic encoder outputs: each frame gives one symbol (a phone, or the blank "_") a posterior of 0.9 and
 * shares 0.1 among the other 39, as a confident CTC encoder would.
 */
final class Posteriorgram {

    static final String BLANK = "_";
    static final float TOP = 0.9f;

    private final List<String> symbols = new ArrayList<>();

    /** Frames of the symbols given, space-separated, e.g. "_ HH EY _ N OW". */
    Posteriorgram then(String frames) {
        symbols.addAll(List.of(frames.trim().split("\\s+")));
        return this;
    }

    /** {@code count} blank frames. */
    Posteriorgram blanks(int count) {
        for (int i = 0; i < count; i++) {
            symbols.add(BLANK);
        }
        return this;
    }

    EncoderFrames frames() {
        PhoneSet phones = PhoneSet.arpabet();
        int width = phones.size();
        float[] logProbs = new float[symbols.size() * width];
        float rest = (float) Math.log((1 - TOP) / (width - 1));
        Arrays.fill(logProbs, rest);
        for (int t = 0; t < symbols.size(); t++) {
            String symbol = symbols.get(t);
            int index = symbol.equals(BLANK) ? PhoneSet.BLANK : phones.index(symbol);
            logProbs[t * width + index] = (float) Math.log(TOP);
        }
        return new EncoderFrames(0, symbols.size(), width, 0, logProbs, new float[0]);
    }

    /** The best score over every frame of a search of {@code phones} (space-separated) in these frames. */
    float bestScore(String phones, SearchSettings settings) {
        return best(new PhraseSearch(phrase(phones), settings).accept(frames())).score();
    }

    static PhraseMatch best(List<PhraseMatch> matches) {
        PhraseMatch best = matches.getFirst();
        for (PhraseMatch match : matches) {
            if (match.score() > best.score()) {
                best = match;
            }
        }
        return best;
    }

    static PhrasePhones phrase(String... variants) {
        PhoneSet phones = PhoneSet.arpabet();
        return new PhrasePhones("test", Arrays.stream(variants)
                .map(v -> Arrays.stream(v.split(" ")).mapToInt(phones::index).toArray()).toList());
    }
}
