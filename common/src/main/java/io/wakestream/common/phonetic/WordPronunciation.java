package io.wakestream.common.phonetic;

import java.util.List;

/**
 * One word of a phrase with its phones.
 *
 * @param word   the word as {@link TextNormalizer} spells it
 * @param phones ARPAbet phones without stress ({@link PhoneSet}); never empty for a lexicon word,
 *               possibly empty for a G2P word the model could not sound out
 * @param source where the phones came from
 */
public record WordPronunciation(String word, List<String> phones, PronunciationSource source) {

    public WordPronunciation {
        phones = List.copyOf(phones);
    }
}
