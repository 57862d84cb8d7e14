"""Deterministic corpus plans: what every clip will say, in which voice, with which seed.

A plan depends only on the corpus arguments and the seed, so a rebuild or a resumed build makes
the same clips. Clip counts come from the hours asked for and each kind's typical length; the
corpus statistics report the hours actually made.
"""
import collections
import dataclasses
import re

import numpy as np

from .. import splits
from ..augment.music import music_tracks
from ..text import general, requests, wake
from ..tts import BASE_PITCH_ENGINES, Prosody, available_voices

SPLIT_SHARES = (("train", 0.8), ("val", 0.1), ("test", 0.1))
# Engine weights (normalised over the engines a split has): espeak-ng, flite and festival keep their
# weights from before the other engines existed, so a corpus of those three plans as it did.
ENGINE_WEIGHTS = {"espeak-ng": 0.5, "flite": 0.3, "festival": 0.2, "mbrola": 0.25, "rhvoice": 0.2, "pico": 0.15}
# typical seconds per clip, padding included, to turn hours into counts
TYPICAL_SECONDS = {"positive": 3.0, "confusable": 2.2, "partial": 2.2, "request": 3.2, "general": 4.5,
                   "wake_request": 4.0, "music": 8.0, "mention": 4.5}
# Corpora built with music also get music clips (an excerpt of one of the split's tracks, no speech), this
# share of the hours on top of the mix; the other kinds are planned exactly as without music.
MUSIC_SHARES = {"wakeword": 0.05, "negatives": 0.1}
MUSIC_SECONDS = (4.0, 12.0)
LONG_FILE_SECONDS = 300.0
# Speaking rate of each clip, a factor over the voice's default, drawn uniformly; corpora for models that must
# hold from a slow 0.7x to a fast 1.4x speaker pass --rates 0.7 1.4.
DEFAULT_RATES = (0.8, 1.25)
LONG_PAUSE_SECONDS = (0.3, 2.5)

# share of the hours per kind, for each corpus type
MIXES = {
    "wakeword": {"positive": 0.30, "confusable": 0.10, "partial": 0.05, "request": 0.05, "general": 0.20,
                 "long_negative": 0.30},
    "requests": {"wake_request": 0.5, "request": 0.5},
    "negatives": {"general": 0.3, "long_negative": 0.7},
    # false-trigger mitigation: the whole phrase said but not to the device (text/wake.py mention_utterances)
    "mentions": {"mention": 1.0},
    # phonetic models (acoustic encoder): varied English first, the wake phrase, its confusables and requests too
    "phonetic": {"general": 0.55, "request": 0.2, "wake_request": 0.1, "positive": 0.05, "confusable": 0.07,
                 "partial": 0.03},
    # run-time phrases (open-vocabulary spotting): positives of phrases no model trains on, test split only
    "phrases": {"positive": 1.0},
}
# The phrases type is for evaluation only: its phrases are typed at run time, so no split of it trains anything.
PHRASES_SPLIT = "test"


@dataclasses.dataclass
class Item:
    """One clip to make. speech: [[voice_id, prosody, text] or pause seconds, ...]."""
    id: str
    split: str
    kind: str
    label: int
    speech: list
    policy: str
    seed: int
    form: str = ""
    music: dict = None  # music clips: {"track", "start", "seconds"} instead of speech
    phrase: str = None  # phrases corpora: the run-time phrase a positive says (else the corpus's phrase)

    def to_json(self):
        return dataclasses.asdict(self)


def phrase_slug(phrase):
    """A phrase as a file-name part: `okay house turn on` -> `okay-house-turn-on`."""
    return re.sub(r"[^a-z0-9]+", "-", phrase.lower()).strip("-")


class TextPools:
    """The texts each kind draws from, per split where the text itself must be held out."""

    def __init__(self, phrase):
        self.phrase = phrase
        sentences = [s for s in general.fortune_sentences() if not general.contains_phrase(s, phrase)]
        self.general = {split: [s for s in sentences if general.text_split(s) == split] for split, _ in SPLIT_SHARES}
        self.request_category = {text: category for category, texts in requests.requests_by_category().items()
                                 for text in texts}
        every_request = [r for r in requests.request_texts() if not general.contains_phrase(r, phrase)]
        self.requests = {split: [r for r in every_request if general.text_split(r) == split] for split, _ in SPLIT_SHARES}
        counts = collections.Counter(w for s in sentences for w in wake.phrase_words(s))
        self.confusable = [text for _, text in wake.confusable_phrases(phrase, counts)] if phrase else []
        self.partial = wake.partial_phrases(phrase) if phrase else []


class Planner:
    """only_splits: the splits to make (others are planned the same way, then left out); train_policy /
    held_out_policy: the augmentation policy of train clips / of val and test clips (`none` with the same seed
    gives the clean twin of a held-out split: same texts, voices and prosody)."""

    def __init__(self, corpus_type, phrase, hours, seed, voices=None, only_splits=("train", "val", "test"),
                 train_policy="train", held_out_policy="noisy_reverb", music=False, rates=DEFAULT_RATES,
                 phrases=()):
        """phrases: the run-time phrases of a `phrases` corpus (`phrase` stays the trained one, kept out of its
        texts)."""
        self.corpus_type, self.phrase, self.hours, self.seed = corpus_type, phrase, hours, seed
        self.phrases = list(phrases)
        self.splits = set(only_splits)
        self.policy = {"train": train_policy, "val": held_out_policy, "test": held_out_policy}
        self.voices = splits.split_voices(voices or available_voices())
        self.texts = TextPools(phrase)
        self.music = music
        self.rates = tuple(rates)

    def plan(self):
        if self.corpus_type == "phrases":
            return self._phrase_clips()
        mix = dict(MIXES[self.corpus_type])
        if self.music and self.corpus_type in MUSIC_SHARES:
            mix["music"] = MUSIC_SHARES[self.corpus_type]
        items = []
        for kind, share in mix.items():
            seconds = self.hours * 3600.0 * share
            if kind == "long_negative":
                files = max(2, int(round(seconds / LONG_FILE_SECONDS)))
                val_files = max(1, files // 3)
                for split, count in (("val", val_files), ("test", files - val_files)):
                    items += [self._long(split, k, seconds / files) for k in range(count) if split in self.splits]
                continue
            total = max(len(SPLIT_SHARES), int(round(seconds / TYPICAL_SECONDS[kind])))
            for split, fraction in SPLIT_SHARES:
                count = max(1, int(round(total * fraction)))
                rng = self._rng(kind, split)
                clips = [self._clip(kind, split, k, rng) for k in range(count)]
                items += clips if split in self.splits else []
        return items

    def _rng(self, *names):
        key = [self.seed] + [int.from_bytes(n.encode(), "little") % (2 ** 32) for n in names]
        return np.random.default_rng(key)

    def _voice(self, split, rng):
        voices = self.voices[split]
        engines = sorted({v.engine for v in voices})
        weights = np.asarray([ENGINE_WEIGHTS[e] for e in engines])
        engine = engines[int(rng.choice(len(engines), p=weights / weights.sum()))]
        candidates = [v for v in voices if v.engine == engine]
        return candidates[int(rng.integers(len(candidates)))]

    def _prosody(self, voice, rng):
        prosody = Prosody(rate=float(rng.uniform(*self.rates)), pitch=int(rng.integers(25, 76)),
                          pitch_shift=float(rng.uniform(-2.5, 2.5)) if voice.engine not in BASE_PITCH_ENGINES else 0.0)
        return prosody.to_json(voice.engine)

    def _clip(self, kind, split, index, rng):
        if kind == "music":
            return self._music(split, index, rng)
        voice = self._voice(split, rng)
        prosody = self._prosody(voice, rng)
        form, parts, label = kind, None, 0
        if kind == "positive":
            form, parts = wake.positive_utterances(self.phrase, rng, 1)[0]
            label = 1
        elif kind == "confusable":
            parts = [self._pick(self.texts.confusable, rng)]
        elif kind == "partial":
            parts = [self._pick(self.texts.partial, rng)]
        elif kind == "request":
            parts = [self._pick(self.texts.requests[split], rng)]
            form = self.texts.request_category[parts[0]]
        elif kind == "general":
            parts = [self._pick(self.texts.general[split], rng)]
        elif kind == "mention":
            form, parts = wake.mention_utterances(self.phrase, rng, 1, self.texts.requests[split])[0]
        elif kind == "wake_request":
            request = self._pick(self.texts.requests[split], rng)
            form, parts = self.texts.request_category[request], [f"{self.phrase}, {request}"]
            label = 1
        speech = [part if isinstance(part, float) else [voice.id, prosody, part] for part in parts]
        return Item(f"{kind}-{split}-{index:06d}", split, kind, label, speech, self.policy[split],
                    int(rng.integers(2 ** 31)), form)

    def _phrase_clips(self):
        """The same number of positives for each run-time phrase, in the test split's voices, requests and
        augmentation; each phrase draws from a generator of its own, so adding a phrase changes no other's clips."""
        if not self.phrases:
            raise ValueError("a phrases corpus needs at least one phrase")
        per_phrase = max(1, int(round(self.hours * 3600.0 / TYPICAL_SECONDS["positive"] / len(self.phrases))))
        split = PHRASES_SPLIT
        if split not in self.splits:
            return []
        items = []
        for phrase in self.phrases:
            rng = self._rng("phrases", phrase, split)
            slug = phrase_slug(phrase)
            for index, (form, parts) in enumerate(wake.spotting_utterances(phrase, rng, per_phrase,
                                                                           self.texts.requests[split])):
                voice = self._voice(split, rng)
                prosody = self._prosody(voice, rng)
                speech = [part if isinstance(part, float) else [voice.id, prosody, part] for part in parts]
                items.append(Item(f"positive-{slug}-{split}-{index:04d}", split, "positive", 1, speech,
                                  self.policy[split], int(rng.integers(2 ** 31)), form, phrase=phrase))
        return items

    def _music(self, split, index, rng):
        """An excerpt of one of the split's music tracks (augment.music), alone: a negative without speech."""
        tracks = [t for t in music_tracks() if t.split == split]
        if not tracks:
            raise SystemExit("--music on needs a music package (scripts/apt-packages.txt); or use --music off")
        track = tracks[int(rng.integers(len(tracks)))]
        seconds = min(float(rng.uniform(*MUSIC_SECONDS)), track.seconds)
        start = float(rng.uniform(0.0, max(0.0, track.seconds - seconds)))
        return Item(f"music-{split}-{index:06d}", split, "music", 0, [], self.policy[split], int(rng.integers(2 ** 31)),
                    track.source, {"track": track.name, "start": round(start, 3), "seconds": round(seconds, 3)})

    def _long(self, split, index, length):
        """`length` seconds (~LONG_FILE_SECONDS at full size) of speech without the wake phrase: general sentences and requests, a few
        talkers taking turns, pauses between sentences."""
        rng = self._rng("long_negative", split, str(index))
        speech, seconds = [], 0.0
        talkers = [self._voice(split, rng) for _ in range(int(rng.integers(2, 5)))]
        prosodies = [self._prosody(v, rng) for v in talkers]
        while seconds < length:
            talker = int(rng.integers(len(talkers)))
            pool = self.texts.requests[split] if rng.random() < 0.2 else self.texts.general[split]
            text = self._pick(pool, rng)
            speech.append([talkers[talker].id, prosodies[talker], text])
            pause = round(float(rng.uniform(*LONG_PAUSE_SECONDS)), 2)
            speech.append(pause)
            seconds += len(text.split()) / 2.6 + pause  # ~156 words a minute
        return Item(f"long_negative-{split}-{index:04d}", split, "long_negative", 0, speech[:-1],
                    self.policy[split], int(rng.integers(2 ** 31)), "stream")

    @staticmethod
    def _pick(pool, rng):
        return pool[int(rng.integers(len(pool)))]
