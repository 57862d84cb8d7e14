"""Word and phoneme timings, and the rendered audio they belong to."""
import dataclasses

import numpy as np


@dataclasses.dataclass(frozen=True)
class Timing:
    label: str
    start: float  # seconds from the start of the audio
    end: float

    def shifted(self, offset, scale=1.0):
        return Timing(self.label, round(self.start * scale + offset, 4), round(self.end * scale + offset, 4))

    def to_json(self):
        return [self.label, round(self.start, 4), round(self.end, 4)]


@dataclasses.dataclass
class Rendering:
    """16 kHz float32 speech with the engine's timings (None where the engine gave none)."""
    samples: np.ndarray
    words: list = None
    phonemes: list = None

    @property
    def duration(self):
        return self.samples.size / 16000.0

    def retimed(self, scale):
        """Timings after a tempo change that multiplies durations by `scale`."""
        def shift(items):
            return None if items is None else [t.shifted(0.0, scale) for t in items]
        return shift(self.words), shift(self.phonemes)


def phones_to_timings(phones_with_ends):
    """[(phone, end)] -> [Timing] with each start at the previous end."""
    timings, start = [], 0.0
    for phone, end in phones_with_ends:
        timings.append(Timing(phone, start, end))
        start = end
    return timings


def align_words(word_phones, timed_phones):
    """Word timings from each word's phones and the timed phones of the whole utterance.

    The utterance's phones can differ from the words' isolated pronunciations (post-lexical rules),
    so the two sequences are aligned by edit distance and each word spans the phones aligned to it.
    Returns None when a word gets no phone.
    """
    reference = [(w, p) for w, phones in enumerate(word_phones) for p in phones]
    spoken = [t for t in timed_phones if t.label != "pau"]
    n, m = len(reference), len(spoken)
    if n == 0 or m == 0:
        return None
    cost = np.zeros((n + 1, m + 1))
    cost[:, 0] = np.arange(n + 1)
    cost[0, :] = np.arange(m + 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            substitute = cost[i - 1, j - 1] + (reference[i - 1][1] != spoken[j - 1].label)
            cost[i, j] = min(substitute, cost[i - 1, j] + 1, cost[i, j - 1] + 1)
    owner = [None] * m
    i, j = n, m
    while i > 0 and j > 0:
        if cost[i, j] == cost[i - 1, j - 1] + (reference[i - 1][1] != spoken[j - 1].label):
            owner[j - 1] = reference[i - 1][0]
            i, j = i - 1, j - 1
        elif cost[i, j] == cost[i - 1, j] + 1:
            i -= 1
        else:
            j -= 1
    spans = {}
    for phone, word in zip(spoken, owner):
        if word is not None:
            start, end = spans.get(word, (phone.start, phone.end))
            spans[word] = (min(start, phone.start), max(end, phone.end))
    if len(spans) != len(word_phones):
        return None
    return [spans[w] for w in range(len(word_phones))]


def speech_extent(samples, floor_db=-40.0, frame=160):
    """(start, end) in seconds of the part of 16 kHz samples louder than `floor_db` below its loudest
    10 ms frame, or None for silence: the span of an utterance whose engine gives no timings."""
    samples = np.asarray(samples, dtype=np.float64)
    count = samples.size // frame
    if count == 0:
        return None
    energy = (samples[:count * frame].reshape(count, frame) ** 2).mean(axis=1)
    if energy.max() <= 0.0:
        return None
    loud = np.flatnonzero(energy >= energy.max() * 10 ** (floor_db / 10.0))
    return loud[0] * frame / 16000.0, (loud[-1] + 1) * frame / 16000.0
