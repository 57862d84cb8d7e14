"""ARPA back-off language model files: writing, reading, scoring, perplexity.

The format (as SRILM and KenLM write it):

    \\data\\
    ngram 1=<count>
    ngram 2=<count>
    ...

    \\1-grams:
    <log10 p>\\t<word>\\t<log10 bow>
    ...

    \\2-grams:
    <log10 p>\\t<w1> <w2>\\t<log10 bow>
    ...
    \\end\\

A back-off weight is written only where it is not 1 (log10 0) and only below the highest order.
p(w | h) is p(hw) when hw is listed, else bow(h) p(w | h[1:]) (bow 1 when h is not listed).
The Java reader (io.wakestream.asr.core.NgramLanguageModel) scores exactly this way.
"""
import math
import pathlib

from .kneser_ney import BOS, EOS, UNK

LOG10_ZERO = -99.0  # the probability of <s>, which is never predicted
DIGITS = 6


def _log10(p):
    return LOG10_ZERO if p <= 0 else math.log10(p)


def _format(value):
    text = f"{value:.{DIGITS}f}"
    return "0.000000" if text == "-0.000000" else text


def write(path, listed, bows):
    """Writes the ARPA file of a listed model ({gram: p} per order) and its back-off weights; returns its size."""
    order = len(listed)
    lines = ["\\data\\"] + [f"ngram {k}={len(listed[k - 1])}" for k in range(1, order + 1)] + [""]
    for k in range(1, order + 1):
        lines.append(f"\\{k}-grams:")
        for gram in sorted(listed[k - 1]):
            entry = f"{_format(_log10(listed[k - 1][gram]))}\t{' '.join(gram)}"
            if k < order:
                bow = bows[k - 1].get(gram, 1.0)
                if abs(math.log10(bow)) > 0.5 * 10 ** -DIGITS:
                    entry += f"\t{_format(math.log10(bow))}"
            lines.append(entry)
        lines.append("")
    lines.append("\\end\\")
    path = pathlib.Path(path)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.stat().st_size


class ArpaModel:
    """A back-off model read from an ARPA file: log10 probabilities and back-off weights per n-gram."""

    def __init__(self, order, entries):
        self.order = order
        self.entries = entries  # {gram tuple: (log10 p, log10 bow)}
        self.vocabulary = sorted(g[0] for g in entries if len(g) == 1)
        self.words = set(self.vocabulary)

    @classmethod
    def read(cls, path):
        counts, entries, section = {}, {}, None
        for number, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            if line == "\\data\\":
                section = "data"
            elif line == "\\end\\":
                break
            elif line.startswith("\\") and line.endswith("-grams:"):
                section = int(line[1:-len("-grams:")])
            elif section == "data":
                key, value = line[len("ngram "):].split("=")
                counts[int(key)] = int(value)
            elif isinstance(section, int):
                fields = line.split("\t") if "\t" in line else line.split()
                if "\t" in line:
                    prob, words = float(fields[0]), tuple(fields[1].split())
                    bow = float(fields[2]) if len(fields) > 2 else 0.0
                else:  # space-separated: log10 p, k words, optional bow
                    prob, words = float(fields[0]), tuple(fields[1:1 + section])
                    bow = float(fields[1 + section]) if len(fields) > 1 + section else 0.0
                if len(words) != section:
                    raise ValueError(f"{path}:{number}: a {section}-gram has {len(words)} words")
                entries[words] = (prob, bow)
        found = {k: sum(1 for g in entries if len(g) == k) for k in counts}
        if found != counts:
            raise ValueError(f"{path}: the header announces {counts} n-grams, the file lists {found}")
        return cls(max(counts), entries)

    def counts(self):
        return {k: sum(1 for g in self.entries if len(g) == k) for k in range(1, self.order + 1)}

    def log10_prob(self, word, history=()):
        """log10 p(word | history) by back-off; history is cut to the last order - 1 words."""
        history = tuple(history)[-(self.order - 1):] if self.order > 1 else ()
        penalty = 0.0
        while True:
            entry = self.entries.get(history + (word,))
            if entry is not None:
                return penalty + entry[0]
            if not history:
                return LOG10_ZERO  # a word outside the vocabulary
            context = self.entries.get(history)
            penalty += context[1] if context else 0.0
            history = history[1:]

    def map_word(self, word):
        return word if word in self.words else UNK

    def sentence_log10(self, words):
        """Total log10 probability of a sentence (words as normalised; OOVs scored as <unk>), </s> included."""
        history = (BOS,)
        total = 0.0
        for word in list(map(self.map_word, words)) + [EOS]:
            total += self.log10_prob(word, history)
            history = history + (word,)
        return total


def perplexity(model, sentences):
    """Perplexity figures of word-list sentences.

    `with_oov`: every token and </s>, OOVs predicted as <unk>; `without_oov`: OOV tokens' own predictions left
    out (the words after them still condition on <unk>), as SRILM leaves OOVs out of its count.
    """
    total_all = total_known = 0.0
    tokens = oovs = 0
    for words in sentences:
        history = (BOS,)
        for word in list(words) + [EOS]:
            mapped = word if word == EOS else model.map_word(word)
            logp = model.log10_prob(mapped, history)
            total_all += logp
            tokens += 1
            if mapped == UNK:
                oovs += 1
            else:
                total_known += logp
            history = history + (mapped,)
    return {
        "sentences": len(sentences),
        "tokens": tokens,  # words and </s>
        "oov_tokens": oovs,
        "oov_rate": round(oovs / max(1, tokens), 5),
        "with_oov": round(10 ** (-total_all / max(1, tokens)), 2),
        "without_oov": round(10 ** (-total_known / max(1, tokens - oovs)), 2),
    }
