"""Phonetic-encoder outputs of every clip of a split, computed once and cached: the inputs of the
phone-vector table, the verifier's training pairs and the LibriPhrase-style benchmark.

Each clip runs as one whole stream (encoder.pad_stream, as io.wakestream.common.phonetic.PhoneticStream
runs it after finish()), giving U = ceil(N / 2) outputs of 20 ms: L2-normalised embeddings [U, 128]
(float16), the phone posteriors [U, 40] (float16, blank first) and the forced alignment of the transcript
to them (for the table). Word timings
(seconds) come from the corpus entries; phones per word from CMUdict (flite letter-to-sound for words
it lacks), stress removed, as the encoder was trained.
"""
import dataclasses
import hashlib
import json
import pathlib

import numpy as np
import torch
from tqdm import tqdm

from ..corpus import Corpus
from ..phonetic import align
from ..phonetic import phones as phone_set
from ..phonetic.encoder import pad_stream
from ..phonetic.encoder_data import cached_clip_set
from ..phonetic.golden import encoder_from_onnx
from ..text import cmudict

FRAME_SECONDS = 0.02


@dataclasses.dataclass
class EncodedSet:
    embeddings: np.ndarray     # [all outputs, E] float16, L2-normalised, clips end to end
    posteriors: np.ndarray     # [all outputs, 40] float16, blank first
    offsets: np.ndarray        # [clips + 1] int64
    words: list                # per clip: [(word, phone indices, first output, end output)]
    info: list                 # per clip: {"id", "corpus", "kind", "voice", "engine", "text"}
    aligned: list              # per clip: [(phone index, start, end)] forced alignment outputs, or None

    def __len__(self):
        return len(self.info)

    def clip(self, i):
        return self.embeddings[self.offsets[i]:self.offsets[i + 1]]

    def clip_posteriors(self, i):
        return self.posteriors[self.offsets[i]:self.offsets[i + 1]]

    def save(self, path):
        np.savez(path, embeddings=self.embeddings, posteriors=self.posteriors, offsets=self.offsets,
                 meta=json.dumps({"words": self.words, "info": self.info, "aligned": self.aligned}))

    @classmethod
    def load(cls, path):
        with np.load(path) as data:
            meta = json.loads(str(data["meta"]))
            return cls(data["embeddings"], data["posteriors"], data["offsets"], meta["words"], meta["info"],
                       meta["aligned"])


_WORD_PHONES = {}


def word_phones(word):
    """Phone indices of one word (CMUdict, else flite), or None when it has none."""
    key = word.lower().strip(".,!?;:\"")
    if key not in _WORD_PHONES:
        try:
            symbols = cmudict.pronounce(key) if key else ()
        except (KeyError, ValueError):
            symbols = ()
        _WORD_PHONES[key] = [phone_set.index(p) for p in symbols] or None
    return _WORD_PHONES[key]


def _entries_by_id(corpus_dirs, split):
    found = {}
    for directory in corpus_dirs:
        corpus = Corpus(directory)
        for entry in corpus.entries(split):
            found[(corpus.directory.name, entry["id"])] = entry
    return found


def _words(entry, outputs):
    words = []
    for word, start, end in entry.get("words", []):
        phones = word_phones(word)
        first = min(outputs - 1, int(np.floor(start / FRAME_SECONDS)))
        last = min(outputs, max(first + 1, int(np.ceil(end / FRAME_SECONDS))))
        words.append((word.lower(), phones, first, last))
    return words


def encode_split(encoder_dir, corpus_dirs, split, cache_dir, log=print):
    """The EncodedSet of a split of the corpora, cached under cache_dir by encoder and clip-set identity."""
    clips = cached_clip_set(cache_dir, corpus_dirs, split, log=log)
    model_file = pathlib.Path(encoder_dir) / "model.onnx"
    key = hashlib.sha256(json.dumps([[str(d), (pathlib.Path(d) / "corpus.json").read_text()] for d in corpus_dirs]
                                    + [split, hashlib.sha256(model_file.read_bytes()).hexdigest(), 2]).encode())
    path = pathlib.Path(cache_dir) / f"encoded-{split}-{key.hexdigest()[:16]}.npz"
    if path.exists():
        return EncodedSet.load(path)
    model, _ = encoder_from_onnx(encoder_dir)
    entries = _entries_by_id(corpus_dirs, split)
    parts, posteriors, offsets, words, aligned = [], [], [0], [], []
    with torch.no_grad():
        for i in tqdm(range(len(clips)), desc=f"encode {split}", unit="clip"):
            frames = clips.clip_frames(i).astype(np.float32)
            log_probs, embeddings = model(torch.from_numpy(pad_stream(frames, model.config))[None])
            log_probs, embeddings = log_probs[0].numpy(), embeddings[0].numpy()
            norms = np.linalg.norm(embeddings, axis=1, keepdims=True)
            parts.append((embeddings / np.maximum(norms, 1e-12)).astype(np.float16))
            posteriors.append(np.exp(log_probs).astype(np.float16))
            offsets.append(offsets[-1] + len(embeddings))
            info = clips.info[i]
            words.append(_words(entries[(info["corpus"], info["id"])], len(embeddings)))
            try:
                alignment = align.force_align(log_probs, clips.clip_targets(i))
                aligned.append([(s.phone, s.start, s.end) for s in alignment.segments])
            except ValueError:
                aligned.append(None)
    encoded = EncodedSet(np.concatenate(parts), np.concatenate(posteriors), np.asarray(offsets, np.int64), words,
                         clips.info, aligned)
    encoded.save(path)
    log(f"cached encoder outputs of {len(encoded)} {split} clips in {path}")
    return encoded


def phone_vector_table(encoded_sets, phones=len(phone_set.PHONES)):
    """[V, E] float64: row p (1..39) = the L2-normalised mean of the (normalised) embeddings of every output
    forced-aligned to phone p across the sets; row 0 (blank) is zero. Also the output count per phone."""
    sums, counts = None, np.zeros(phones, np.int64)
    for encoded in encoded_sets:
        for i, segments in enumerate(encoded.aligned):
            if not segments:
                continue
            clip = encoded.clip(i).astype(np.float64)
            if sums is None:
                sums = np.zeros((phones, clip.shape[1]))
            for phone, start, end in segments:
                sums[phone] += clip[start:end].sum(axis=0)
                counts[phone] += end - start
    table = sums / np.maximum(counts, 1)[:, None]
    table /= np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-12)
    table[0] = 0.0
    return table, counts
