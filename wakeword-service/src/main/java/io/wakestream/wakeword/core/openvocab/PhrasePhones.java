package io.wakestream.wakeword.core.openvocab;

import io.wakestream.common.phonetic.PhoneSet;
import io.wakestream.common.phonetic.PhrasePronunciation;
import io.wakestream.common.phonetic.Pronouncer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A phrase and the phone sequences it may be spoken as: its pronunciation variants (lexicon alternates, G2P for
 * words the lexicon lacks), distinct, the preferred first.
 *
 * @param phrase   the phrase's words, normalised, joined by single spaces (e.g. "hey nova")
 * @param variants phone indices of {@link PhoneSet} per variant, each non-empty; at least one variant
 */
public record PhrasePhones(String phrase, List<int[]> variants) {

    public PhrasePhones {
        if (variants.isEmpty() || variants.stream().anyMatch(v -> v.length == 0)) {
            throw new IllegalArgumentException("phrase '" + phrase + "' has no phones to search for");
        }
        variants = variants.stream().map(int[]::clone).toList();
    }

    /**
     * Pronounces {@code text} with up to {@code maxVariants} variants.
     *
     * @throws IllegalArgumentException if the text has no word, or a word with no phones
     */
    public static PhrasePhones pronounce(Pronouncer pronouncer, String text, int maxVariants) {
        List<PhrasePronunciation> pronunciations = pronouncer.pronounceVariants(text, maxVariants);
        if (pronunciations.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" has no words to spot; give words of letters a-z or digits");
        }
        PhoneSet phoneSet = PhoneSet.arpabet();
        List<int[]> variants = new ArrayList<>();
        for (PhrasePronunciation pronunciation : pronunciations) {
            if (pronunciation.words().stream().anyMatch(word -> word.phones().isEmpty())) {
                throw new IllegalArgumentException("\"" + text + "\" has a word the G2P model could not sound out: "
                        + pronunciation.words());
            }
            int[] phones = pronunciation.phones().stream().mapToInt(phoneSet::index).toArray();
            if (variants.stream().noneMatch(known -> Arrays.equals(known, phones))) {
                variants.add(phones);
            }
        }
        String phrase = String.join(" ", pronunciations.getFirst().words().stream().map(w -> w.word()).toList());
        return new PhrasePhones(phrase, variants);
    }

    /** Phones of the longest variant. */
    public int maxLength() {
        return variants.stream().mapToInt(v -> v.length).max().orElseThrow();
    }

    /** The variants as phone names, e.g. [[HH, EY, N, OW, V, AH]]. */
    public List<List<String>> phoneNames() {
        PhoneSet phoneSet = PhoneSet.arpabet();
        return variants.stream().map(v -> Arrays.stream(v).mapToObj(phoneSet::phone).toList()).toList();
    }
}
