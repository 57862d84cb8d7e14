package io.wakestream.common.phonetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Digit strings as English words, the way the training toolkit writes them
 * ({@code wakestream_training.phonetic.normalize}): "2026" → two thousand twenty six (no "and"),
 * ordinals by their last word ("21" → twenty first), and a number with a leading zero or more than
 * {@value #MAX_DIGITS} digits digit by digit.
 */
final class NumberWords {

    static final int MAX_DIGITS = 18;

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};
    private static final String[] SCALES = {"", "thousand", "million", "billion", "trillion", "quadrillion"};
    private static final Map<String, String> IRREGULAR_ORDINALS = Map.of("one", "first", "two", "second",
            "three", "third", "five", "fifth", "eight", "eighth", "nine", "ninth", "twelve", "twelfth");

    private NumberWords() {
    }

    /** A string of ASCII digits as cardinal words, or digit by digit (leading zero, too long). */
    static List<String> cardinal(String digits) {
        if ((digits.length() > 1 && digits.charAt(0) == '0') || digits.length() > MAX_DIGITS) {
            return digitByDigit(digits);
        }
        long n = Long.parseLong(digits);
        if (n == 0) {
            return List.of("zero");
        }
        List<String> words = new ArrayList<>();
        long scale = 1_000_000_000_000_000L;
        for (int s = SCALES.length - 1; s >= 0; s--, scale /= 1000) {
            int group = (int) (n / scale);
            n %= scale;
            if (group > 0) {
                belowThousand(group, words);
                if (s > 0) {
                    words.add(SCALES[s]);
                }
            }
        }
        return words;
    }

    /** The ordinal of a digit string: its cardinal with the last word made ordinal. */
    static List<String> ordinal(String digits) {
        List<String> words = new ArrayList<>(cardinal(digits));
        String last = words.getLast();
        String ordinal = IRREGULAR_ORDINALS.get(last);
        if (ordinal == null) {
            ordinal = last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
        }
        words.set(words.size() - 1, ordinal);
        return words;
    }

    /** Each digit as its word. */
    static List<String> digitByDigit(String digits) {
        return digits.chars().mapToObj(c -> ONES[c - '0']).toList();
    }

    private static void belowThousand(int n, List<String> words) {
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds > 0) {
            words.add(ONES[hundreds]);
            words.add("hundred");
        }
        if (rest >= 20) {
            words.add(TENS[rest / 10]);
            if (rest % 10 > 0) {
                words.add(ONES[rest % 10]);
            }
        } else if (rest > 0) {
            words.add(ONES[rest]);
        }
    }
}
