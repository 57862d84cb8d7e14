package io.wakestream.common.phonetic;

import java.util.List;

/**
 * A phrase's phones, word by word.
 *
 * @param phrase the text as given
 * @param words  its normalised words in order, each with its phones and their source; empty when
 *               the text holds no word
 */
public record PhrasePronunciation(String phrase, List<WordPronunciation> words) {

    public PhrasePronunciation {
        words = List.copyOf(words);
    }

    /** Every word's phones, concatenated. */
    public List<String> phones() {
        return words.stream().flatMap(word -> word.phones().stream()).toList();
    }

    /** The words that came from the G2P model. */
    public List<String> g2pWords() {
        return words.stream().filter(word -> word.source() == PronunciationSource.G2P).map(WordPronunciation::word).toList();
    }
}
