package io.wakestream.common.phonetic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any English text to the words a {@link Lexicon} spells, by the rules of the training toolkit's
 * {@code wakestream_training.phonetic.normalize} (both are tested on
 * {@code common/src/test/resources/phonetic/normalization.tsv}):
 * <ul>
 *   <li>accents are removed ("café" → cafe), text is lower-cased, curly apostrophes become straight;</li>
 *   <li>a word is a run of letters a-z and apostrophes; apostrophes stay inside words ("what's") and are
 *       dropped at their edges; everything else, hyphens included, separates words;</li>
 *   <li>numbers become words: "10" → ten, "2026" → two thousand twenty six, "1,000" → one thousand,
 *       "3.5" → three point five, "21st" → twenty first, "007" → zero zero seven.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class TextNormalizer {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern THOUSANDS_SEPARATOR = Pattern.compile("(?<=[0-9]),(?=[0-9]{3}(?![0-9]))");
    private static final Pattern TOKEN = Pattern.compile("([0-9]+)(?:\\.([0-9]+)|(st|nd|rd|th)(?![a-z]))?|[a-z']+");

    /** The words of {@code text} in order; empty when it has none. */
    public List<String> words(String text) {
        String plain = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'');
        plain = THOUSANDS_SEPARATOR.matcher(plain).replaceAll("");
        List<String> words = new ArrayList<>();
        Matcher token = TOKEN.matcher(plain);
        while (token.find()) {
            String digits = token.group(1);
            if (digits == null) {
                String word = stripApostrophes(token.group());
                if (!word.isEmpty()) {
                    words.add(word);
                }
            } else if (token.group(2) != null) {
                words.addAll(NumberWords.cardinal(digits));
                words.add("point");
                words.addAll(NumberWords.digitByDigit(token.group(2)));
            } else if (token.group(3) != null) {
                words.addAll(NumberWords.ordinal(digits));
            } else {
                words.addAll(NumberWords.cardinal(digits));
            }
        }
        return words;
    }

    private static String stripApostrophes(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && word.charAt(start) == '\'') {
            start++;
        }
        while (end > start && word.charAt(end - 1) == '\'') {
            end--;
        }
        return word.substring(start, end);
    }
}
