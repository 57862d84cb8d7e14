"""Text normalisation for pronunciation: any English text -> lexicon words.

The Java side (io.wakestream.common.phonetic.TextNormalizer) follows the same rules, and both are
tested on the same cases (common/src/test/resources/phonetic/normalization.tsv):

- accents are removed (cafe), text is lower-cased, curly apostrophes become straight ones;
- a word is a run of letters and apostrophes; apostrophes are kept inside words ("what's") and
  dropped at their edges; everything else (punctuation, hyphens, symbols) separates words;
- numbers are written as words: "10" -> ten, "2026" -> two thousand twenty six, "1,000" -> one
  thousand, "3.5" -> three point five, "21st" -> twenty first; a number with a leading zero or
  more than 18 digits is read digit by digit ("007" -> zero zero seven).
"""
import re
import unicodedata

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = ["", "thousand", "million", "billion", "trillion", "quadrillion"]
IRREGULAR_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                      "nine": "ninth", "twelve": "twelfth"}
MAX_DIGITS = 18

# ASCII digits only, as in Java: Python's \d would also take other scripts' digits.
THOUSANDS_SEPARATOR = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
TOKEN = re.compile(r"([0-9]+)(?:\.([0-9]+)|(st|nd|rd|th)(?![a-z]))?|[a-z']+")


def words(text):
    """The words of `text` as the lexicon spells them, in order."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M")).lower()
    text = THOUSANDS_SEPARATOR.sub("", text.replace("\u2019", "'").replace("\u2018", "'"))
    result = []
    for match in TOKEN.finditer(text):
        digits, decimals, ordinal = match.groups()
        if digits is None:
            word = match.group().strip("'")
            if word:
                result.append(word)
        elif decimals is not None:
            result += number_words(digits) + ["point"] + [ONES[int(d)] for d in decimals]
        elif ordinal is not None:
            spoken = number_words(digits)
            result += spoken[:-1] + [ordinal_word(spoken[-1])]
        else:
            result += number_words(digits)
    return result


def number_words(digits):
    """A digit string as words: a cardinal, or digit by digit (leading zero, more than 18 digits)."""
    if (len(digits) > 1 and digits[0] == "0") or len(digits) > MAX_DIGITS:
        return [ONES[int(d)] for d in digits]
    return cardinal(int(digits))


def cardinal(n):
    if n == 0:
        return ["zero"]
    result = []
    for scale in reversed(range(len(SCALES))):
        group, n = divmod(n, 1000 ** scale)
        if group:
            result += below_thousand(group) + ([SCALES[scale]] if scale else [])
    return result


def below_thousand(n):
    hundreds, rest = divmod(n, 100)
    result = [ONES[hundreds], "hundred"] if hundreds else []
    if rest >= 20:
        result.append(TENS[rest // 10])
        if rest % 10:
            result.append(ONES[rest % 10])
    elif rest:
        result.append(ONES[rest])
    return result


def ordinal_word(word):
    if word in IRREGULAR_ORDINALS:
        return IRREGULAR_ORDINALS[word]
    return word[:-1] + "ieth" if word.endswith("y") else word + "th"
