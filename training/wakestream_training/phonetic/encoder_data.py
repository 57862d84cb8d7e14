"""Clips for the phonetic encoder: 80-bin log-mel frames from the reference frontend and CTC targets
from the transcript (CMUdict's first pronunciation of each word, flite's letter-to-sound rules for
words CMUdict lacks, stress removed).

A split of one or more corpora is turned into frames once and cached as one `ClipSet` (frames of all
clips end to end in float16, with offsets), so an epoch costs no frontend work.
"""
import dataclasses
import hashlib
import json
import pathlib

import numpy as np
from tqdm import tqdm

from .. import frontend
from ..corpus import Corpus
from ..text import cmudict
from . import phones

N_MELS = 80
KINDS = ("general", "request", "wake_request", "positive", "confusable", "partial")


def transcript_phones(text):
    """Phone indices (1..39) of a transcript."""
    return [phones.index(p) for p in cmudict.pronounce(text)]


def engine_of(entry):
    return entry["voices"][0].split(":", 1)[0]


@dataclasses.dataclass
class ClipSet:
    frames: np.ndarray         # [all frames, N_MELS] float16, clips end to end
    frame_offsets: np.ndarray  # [clips + 1] int64
    targets: np.ndarray        # [all phones] int16
    target_offsets: np.ndarray  # [clips + 1] int64
    info: list                 # per clip: {"id", "corpus", "kind", "voice", "engine", "text"}

    def __len__(self):
        return len(self.info)

    def clip_frames(self, i):
        return self.frames[self.frame_offsets[i]:self.frame_offsets[i + 1]]

    def clip_targets(self, i):
        return self.targets[self.target_offsets[i]:self.target_offsets[i + 1]]

    def lengths(self):
        return np.diff(self.frame_offsets)

    @property
    def hours(self):
        return float(self.frame_offsets[-1]) * frontend.HOP_LENGTH / frontend.SAMPLE_RATE / 3600

    def save(self, path):
        np.savez(path, frames=self.frames, frame_offsets=self.frame_offsets, targets=self.targets,
                 target_offsets=self.target_offsets, info=json.dumps(self.info))

    @classmethod
    def load(cls, path):
        with np.load(path) as data:
            return cls(data["frames"], data["frame_offsets"], data["targets"], data["target_offsets"],
                       json.loads(str(data["info"])))


def build_clip_set(corpus_dirs, split, limit=None):
    """Every clip of KINDS in `split` of the corpora (at most `limit`, taken evenly), with frames and targets."""
    chosen = []
    for directory in corpus_dirs:
        corpus = Corpus(directory)
        chosen += [(corpus, e) for e in corpus.entries(split, set(KINDS))]
    if limit is not None and len(chosen) > limit:
        chosen = [chosen[i] for i in np.linspace(0, len(chosen) - 1, limit).astype(int)]
    frames, targets, info = [], [], []
    for corpus, entry in tqdm(chosen, desc=f"features {split}", unit="clip"):
        frames.append(frontend.log_mel(corpus.audio(entry).astype(np.float64), N_MELS).astype(np.float16))
        targets.append(np.asarray(transcript_phones(entry["text"]), np.int16))
        info.append({"id": entry["id"], "corpus": corpus.directory.name, "kind": entry["kind"],
                     "voice": entry["voices"][0], "engine": engine_of(entry), "text": entry["text"]})
    offsets = lambda arrays: np.concatenate([[0], np.cumsum([a.shape[0] for a in arrays])]).astype(np.int64)
    return ClipSet(np.concatenate(frames), offsets(frames), np.concatenate(targets), offsets(targets), info)


def cached_clip_set(cache_dir, corpus_dirs, split, limit=None, log=print):
    """build_clip_set, cached under cache_dir by the corpora's identity (their corpus.json) and the arguments."""
    key = hashlib.sha256(json.dumps([[str(d), (pathlib.Path(d) / "corpus.json").read_text()] for d in corpus_dirs]
                                    + [split, limit, N_MELS]).encode()).hexdigest()[:16]
    path = pathlib.Path(cache_dir) / f"{split}-{key}.npz"
    if path.exists():
        return ClipSet.load(path)
    clips = build_clip_set(corpus_dirs, split, limit)
    path.parent.mkdir(parents=True, exist_ok=True)
    clips.save(path)
    log(f"cached {len(clips)} {split} clips ({clips.hours:.2f} h) in {path}")
    return clips
