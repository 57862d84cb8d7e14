package io.wakestream.kws.core;

import io.wakestream.common.phonetic.PhrasePronunciation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which phrases can be enrolled as a stream's keyword: not blank, at most {@value #MAX_CHARACTERS} characters
 * of letters, digits, apostrophes, spaces and hyphens, at most {@value #MAX_WORDS} words as spoken (numbers
 * count as the words they are read as, a hyphen separates words), pronounceable (every word has phones the
 * verifier knows), and at least {@value #MIN_PHONES} phones. Thread-safe when the pronouncer is.
 */
public final class PhrasePolicy {

    public static final int MAX_CHARACTERS = 40;
    public static final int MAX_WORDS = 6;
    public static final int MIN_PHONES = 2;

    /** One rule a phrase breaks: a stable code and what is wrong, in words. */
    public record Violation(String code, String message) {
    }

    /**
     * The outcome of a check: the phrase's pronunciation when it is valid, else what it breaks.
     *
     * @param pronunciation null unless valid
     * @param violations    empty when valid
     */
    public record Check(PhrasePronunciation pronunciation, List<Violation> violations) {

        public Check {
            violations = List.copyOf(violations);
        }

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private final Function<String, PhrasePronunciation> pronouncer;
    private final Predicate<List<String>> knownPhones;

    /**
     * @param pronouncer  the phrase's phones ({@link KeywordVerifier#pronounce}); may throw IllegalArgumentException
     *                    for a word it cannot spell
     * @param knownPhones whether the verifier has a vector for every phone ({@link KeywordVerifier#knowsPhones})
     */
    public PhrasePolicy(Function<String, PhrasePronunciation> pronouncer, Predicate<List<String>> knownPhones) {
        this.pronouncer = pronouncer;
        this.knownPhones = knownPhones;
    }

    /** Checks {@code phrase} (null counts as empty); leading and trailing spaces do not count. */
    public Check check(String phrase) {
        String text = phrase == null ? "" : phrase.strip();
        if (text.isEmpty()) {
            return invalid(new Violation("empty", "the phrase is empty or blank"));
        }
        List<Violation> violations = new ArrayList<>();
        if (text.codePointCount(0, text.length()) > MAX_CHARACTERS) {
            violations.add(new Violation("too_long", "the phrase has " + text.codePointCount(0, text.length())
                    + " characters, at most " + MAX_CHARACTERS + " are allowed"));
        }
        if (!violations.isEmpty()) {
            return new Check(null, violations); // not pronounced: a long text costs the G2P model time
        }
        String bad = text.codePoints().filter(c -> !allowed(c)).distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (!bad.isEmpty()) {
            violations.add(new Violation("invalid_characters", "the phrase may hold only letters, digits, apostrophes,"
                    + " spaces and hyphens; it has '" + bad + "'"));
            return new Check(null, violations);
        }
        PhrasePronunciation pronunciation;
        try {
            pronunciation = pronouncer.apply(text);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("not_pronounceable", "the phrase cannot be pronounced: " + e.getMessage()));
            return new Check(null, violations);
        }
        if (pronunciation.words().size() > MAX_WORDS) {
            violations.add(new Violation("too_many_words", "the phrase has " + pronunciation.words().size()
                    + " words as spoken (" + String.join(" ", pronunciation.words().stream().map(w -> w.word()).toList())
                    + "), at most " + MAX_WORDS + " are allowed"));
        }
        List<String> silent = pronunciation.words().stream().filter(w -> w.phones().isEmpty()).map(w -> w.word()).toList();
        if (pronunciation.words().isEmpty() || !silent.isEmpty() || !knownPhones.test(pronunciation.phones())) {
            violations.add(new Violation("not_pronounceable", pronunciation.words().isEmpty()
                    ? "the phrase has no word that can be pronounced (words are spelt with the letters a-z)"
                    : "no phones for " + (silent.isEmpty() ? "some of its sounds" : String.join(", ", silent))));
        } else if (pronunciation.phones().size() < MIN_PHONES) {
            violations.add(new Violation("too_few_phones", "the phrase has " + pronunciation.phones().size()
                    + " phone (" + String.join(" ", pronunciation.phones()) + "), at least " + MIN_PHONES + " are needed"));
        }
        return violations.isEmpty() ? new Check(pronunciation, List.of()) : new Check(null, violations);
    }

    private static Check invalid(Violation violation) {
        return new Check(null, List.of(violation));
    }

    private static boolean allowed(int c) {
        return Character.isLetter(c) || Character.isDigit(c) || c == '\'' || c == '\u2019' || c == ' ' || c == '-';
    }
}
