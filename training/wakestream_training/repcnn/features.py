"""Log-mel frames of corpus clips for RepCNN training, and the silence a detector stream starts from.

Every clip is turned into frames once with the numpy reference frontend (the features the Java
service computes, to 1e-6); training windows are then cut from those frames, so an epoch costs no
frontend work. The training clips of a split are laid end to end in a seeded order into one
`TrainingStream`: windows that straddle two clips look like a stream where one utterance follows
another, and every keyword keeps the frame span its manifest entry gives.
"""
import dataclasses
import hashlib
import json
import math
import pathlib

import numpy as np

from wakestream_training import frontend
from wakestream_training.corpus import Corpus

TRAINING_KINDS = ("positive", "confusable", "partial", "request", "general", "music")


def silence_frame(n_mels):
    """The frontend's frame for all-zero audio: log of the floor in every band (what a stream starts from)."""
    return frontend.log_mel(np.zeros(frontend.FRAME_LENGTH), n_mels)[0].astype(np.float32)


def with_leading_silence(frames, count):
    """frames preceded by `count` silence frames."""
    silence = np.broadcast_to(silence_frame(frames.shape[1]), (count, frames.shape[1]))
    return np.concatenate([silence, frames]).astype(np.float32)


def clip_frames(corpus, entry, n_mels):
    """Log-mel frames (float32) of one corpus clip; the WAV's int16 samples are what the service would get."""
    return frontend.log_mel(corpus.audio(entry).astype(np.float64), n_mels).astype(np.float32)


def keyword_frames(keyword):
    """(first frame touching the keyword, first frame after it) for a keyword span in seconds."""
    first = max(0, math.floor(keyword["start"] * frontend.SAMPLE_RATE / frontend.HOP_LENGTH) - 2)
    end = math.ceil((keyword["end"] * frontend.SAMPLE_RATE - frontend.FRAME_LENGTH) / frontend.HOP_LENGTH) + 1
    return first, max(end, first + 1)


@dataclasses.dataclass
class TrainingStream:
    """Frames of every training clip end to end, and the [first, end) frame span of every keyword in it."""
    frames: np.ndarray       # [frames, n_mels] float16
    keywords: np.ndarray     # [keywords, 2] int64
    clips: int
    hours: float
    kinds: dict              # clip count per kind

    def save(self, path):
        np.savez(path, frames=self.frames, keywords=self.keywords,
                 info=json.dumps({"clips": self.clips, "hours": self.hours, "kinds": self.kinds}))

    @classmethod
    def load(cls, path):
        with np.load(path) as data:
            info = json.loads(str(data["info"]))
            return cls(data["frames"], data["keywords"], **info)


def training_entries(corpora, split="train"):
    """[(corpus, entry)] of the clip kinds training uses; positives whose keyword span is unknown are left out."""
    chosen = []
    for corpus in corpora:
        for entry in corpus.entries(split, set(TRAINING_KINDS)):
            if entry["label"] == 1 and not entry.get("keyword"):
                continue
            chosen.append((corpus, entry))
    return chosen


def build_training_stream(corpus_dirs, n_mels, seed, split="train", log=print):
    corpora = [Corpus(d) for d in corpus_dirs]
    entries = training_entries(corpora, split)
    order = np.random.default_rng(seed).permutation(len(entries))
    parts, keywords, position, kinds = [], [], 0, {}
    for count, index in enumerate(order):
        corpus, entry = entries[index]
        frames = clip_frames(corpus, entry, n_mels)
        if entry["label"] == 1:
            first, end = keyword_frames(entry["keyword"])
            keywords.append((position + first, position + min(end, len(frames))))
        parts.append(frames.astype(np.float16))
        position += len(frames)
        kinds[entry["kind"]] = kinds.get(entry["kind"], 0) + 1
        if (count + 1) % 2000 == 0:
            log(f"features of {count + 1}/{len(entries)} clips")
    hours = position * frontend.HOP_LENGTH / frontend.SAMPLE_RATE / 3600.0
    return TrainingStream(np.concatenate(parts), np.array(keywords, dtype=np.int64).reshape(-1, 2),
                          len(entries), round(hours, 3), kinds)


def cached_training_stream(cache_dir, corpus_dirs, n_mels, seed, log=print):
    """The training stream of these corpora, built once and kept in cache_dir (keyed by its inputs)."""
    key = json.dumps({"corpora": [str(pathlib.Path(d).resolve()) for d in corpus_dirs], "n_mels": n_mels, "seed": seed,
                      "kinds": TRAINING_KINDS, "version": 1})
    path = pathlib.Path(cache_dir) / f"train-frames-{hashlib.sha256(key.encode()).hexdigest()[:12]}.npz"
    if not path.exists():
        log(f"computing training features into {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        build_training_stream(corpus_dirs, n_mels, seed, log=log).save(path)
    return TrainingStream.load(path)
