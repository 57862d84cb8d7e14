"""Audio-text pairs for the verifier and the LibriPhrase-style benchmark.

A *phrase instance* is 1-4 consecutive words of a corpus clip (word timings from the corpus), as an
output-frame window of the clip's encoder outputs that holds the words: the window the verifier's
span search would look at, L = max(SPAN_MIN, SPAN_PER_PHONE * K + SPAN_MARGIN) outputs for K phones,
placed at a random offset around the words (or the words plus 5 outputs each side when longer).

Each instance is paired with texts (phone sequences):
- positive: its own phones;
- easy negative: another instance's phrase (different phones);
- hard negatives: the LibriPhrase construction (the pool phrase with the same word count and the smallest
  phone edit distance > 0, among a random sample), CMUdict neighbours (one word replaced by a dictionary
  word one phone edit away: "jarvis" -> "jarvia"), generated confusables (1-3 phone
  edits within a phone class) and partial phrases (a word dropped, or the next word of the clip added).
"""
import dataclasses
import itertools

import numpy as np

from ..phonetic import phones as phone_set
from ..text import cmudict

SPAN_MIN, SPAN_PER_PHONE, SPAN_MARGIN, SPAN_HOP = 50, 5, 25, 5
MAX_WORDS = 4
KINDS = ("positive", "easy", "libriphrase", "neighbour", "edit", "partial")

# Phone classes for generated confusables: substitutions stay within a class, as confusions do.
PHONE_CLASSES = [
    ("AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"),
    ("P", "B", "T", "D", "K", "G"),
    ("F", "V", "TH", "DH", "S", "Z", "SH", "ZH", "HH"),
    ("CH", "JH"), ("M", "N", "NG"), ("L", "R", "W", "Y"),
]


def span_frames(phones):
    """L: the span search's window length in 20 ms outputs for a phrase of `phones` phones."""
    return max(SPAN_MIN, SPAN_PER_PHONE * phones + SPAN_MARGIN)


@dataclasses.dataclass(frozen=True)
class Instance:
    clip: int
    start: int        # window [start, end) in the clip's outputs
    end: int
    words: tuple      # the spoken words
    phones: tuple     # their phone indices


@dataclasses.dataclass(frozen=True)
class Pair:
    instance: int     # index into the instance list
    phones: tuple     # text side
    text: str
    label: int
    kind: str


def instances(encoded, per_clip, rng, max_words=MAX_WORDS):
    """Up to `per_clip` phrase instances of each clip whose words all have phones."""
    found = []
    for clip, words in enumerate(encoded.words):
        outputs = int(encoded.offsets[clip + 1] - encoded.offsets[clip])
        spoken = [w for w in words if w[1]]
        if not spoken:
            continue
        for _ in range(per_clip):
            count = int(rng.integers(1, min(max_words, len(spoken)) + 1))
            first = int(rng.integers(0, len(spoken) - count + 1))
            chosen = spoken[first:first + count]
            phones = tuple(p for w in chosen for p in w[1])
            if len(phones) < 2:
                continue
            start, end = window(chosen[0][2], chosen[-1][3], outputs, span_frames(len(phones)), rng)
            found.append(Instance(clip, start, end, tuple(w[0] for w in chosen), phones))
    return found


def window(first, last, outputs, length, rng):
    """A window of `length` outputs holding [first, last), at a random offset; the words +-5 outputs when
    they are longer; clipped to the clip."""
    if last - first + 10 >= length:
        return max(0, first - 5), min(outputs, last + 5)
    if outputs <= length:
        return 0, outputs
    low, high = max(0, last - length), min(first, outputs - length)
    start = int(rng.integers(low, high + 1)) if high >= low else max(0, min(first, outputs - length))
    return start, start + length


class NeighbourIndex:
    """CMUdict words one phone edit from a pronunciation, through a deletion index: two sequences one
    substitution apart share a one-deletion variant, and an insertion's variant is its source."""

    def __init__(self, dictionary=None):
        dictionary = dictionary or cmudict.load()
        self.keys = {}
        for word, pronunciations in dictionary.items():
            if not word.isalpha():
                continue
            for pron in pronunciations:
                pron = tuple(phone_set.index(p) for p in pron)
                for key in self._variants(pron):
                    self.keys.setdefault(key, set()).add((word, pron))

    @staticmethod
    def _variants(pron):
        yield pron
        for i in range(len(pron)):
            yield pron[:i] + pron[i + 1:]

    def near(self, pron):
        """[(word, phones)] of dictionary words one edit from `pron` (not `pron` itself)."""
        found = set()
        for key in self._variants(tuple(pron)):
            found |= self.keys.get(key, set())
        return sorted((w, p) for w, p in found if p != tuple(pron))


_CLASS_OF = {phone_set.index(p): c for c, members in enumerate(PHONE_CLASSES) for p in members}
_MEMBERS = [[phone_set.index(p) for p in members] for members in PHONE_CLASSES]


def phone_edits(phones, rng, edits):
    """`edits` random edits of a phone sequence: substitution within the phone's class (most), deletion,
    insertion; never returns the input or an empty sequence."""
    for _ in range(20):
        out = list(phones)
        for _ in range(edits):
            op = rng.choice(["sub", "sub", "sub", "del", "ins"]) if len(out) > 2 else "sub"
            i = int(rng.integers(len(out)))
            if op == "sub":
                choices = [p for p in _MEMBERS[_CLASS_OF[out[i]]] if p != out[i]]
                out[i] = int(rng.choice(choices))
            elif op == "del":
                del out[i]
            else:
                out.insert(i, int(rng.choice(_MEMBERS[int(rng.integers(len(_MEMBERS)))])))
        if tuple(out) != tuple(phones) and out:
            return tuple(out)
    return tuple(phones[:-1]) if len(phones) > 1 else tuple(phones) + (phones[0],)


def _text(words):
    return " ".join(words)


def pairs(encoded, found, rng, kinds=KINDS, neighbours=None, pool_sample=60):
    """Pairs of the kinds asked for, for every instance (kinds a phrase cannot give are skipped)."""
    by_count = {}
    for i, inst in enumerate(found):
        by_count.setdefault(len(inst.words), []).append(i)
    out = []
    for i, inst in enumerate(found):
        text = _text(inst.words)
        if "positive" in kinds:
            out.append(Pair(i, inst.phones, text, 1, "positive"))
        if "easy" in kinds:
            for _ in range(10):
                other = found[int(rng.integers(len(found)))]
                if other.phones != inst.phones:
                    out.append(Pair(i, other.phones, _text(other.words), 0, "easy"))
                    break
        if "libriphrase" in kinds:
            hard = libriphrase_hard(inst, found, by_count[len(inst.words)], rng, pool_sample)
            if hard is not None:
                out.append(Pair(i, hard.phones, _text(hard.words), 0, "libriphrase"))
        if "neighbour" in kinds and neighbours is not None:
            pair = neighbour_pair(i, inst, encoded, neighbours, rng)
            if pair is not None:
                out.append(pair)
        if "edit" in kinds:
            edited = phone_edits(inst.phones, rng, int(rng.integers(1, 4)))
            out.append(Pair(i, edited, text + " (edited)", 0, "edit"))
        if "partial" in kinds:
            pair = partial_pair(i, inst, encoded, rng)
            if pair is not None:
                out.append(pair)
    return out


def libriphrase_hard(inst, found, same_count, rng, sample):
    """The sampled pool phrase with the same word count and the smallest phone edit distance > 0."""
    best, best_distance = None, None
    for j in rng.choice(same_count, size=min(sample, len(same_count)), replace=False):
        other = found[int(j)]
        if other.phones == inst.phones:
            continue
        limit = best_distance if best_distance is not None else None
        distance = cmudict.edit_distance(inst.phones, other.phones, limit)
        if best_distance is None or distance < best_distance:
            best, best_distance = other, distance
    return best


def neighbour_pair(i, inst, encoded, neighbours, rng):
    """One word of the phrase replaced by a CMUdict neighbour of it."""
    order = rng.permutation(len(inst.words))
    words = {w[0]: w[1] for w in encoded.words[inst.clip] if w[1]}
    for k in order:
        word = inst.words[k]
        near = [(w, p) for w, p in neighbours.near(words[word]) if w != word]
        if not near:
            continue
        replacement, phones = near[int(rng.integers(len(near)))]
        new_words = list(inst.words)
        new_words[k] = replacement
        text_phones = tuple(itertools.chain.from_iterable(
            phones if j == k else words[w] for j, w in enumerate(inst.words)))
        if text_phones != inst.phones:
            return Pair(i, text_phones, _text(new_words), 0, "neighbour")
    return None


def partial_pair(i, inst, encoded, rng):
    """The phrase with its first or last word dropped (a phrase of two or more words), or with the clip's
    next word added."""
    spoken = [w for w in encoded.words[inst.clip] if w[1]]
    names = [w[0] for w in spoken]
    if len(inst.words) >= 2 and rng.random() < 0.6:
        keep = inst.words[1:] if rng.random() < 0.5 else inst.words[:-1]
        phones = tuple(p for w in keep for p in dict((s[0], s[1]) for s in spoken)[w])
        return Pair(i, phones, _text(keep), 0, "partial")
    for start in range(len(names) - len(inst.words) + 1):
        if tuple(names[start:start + len(inst.words)]) == inst.words and start + len(inst.words) < len(names):
            extra = spoken[start + len(inst.words)]
            return Pair(i, inst.phones + tuple(extra[1]), _text(inst.words + (extra[0],)), 0, "partial")
    return None
