package io.wakestream.common.phonetic;

import java.util.Locale;

/** Where a word's phones came from. */
public enum PronunciationSource {
    /** The lexicon (CMUdict): the first of the word's pronunciations. */
    LEXICON,
    /** The G2P model, for a word the lexicon lacks. */
    G2P;

    /** {@code lexicon} or {@code g2p}, as JSON output writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
