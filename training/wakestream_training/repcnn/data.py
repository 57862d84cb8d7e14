"""Training windows: corpus clips placed in one model window, with reverberation, noise and gain.

A training example is one window of `window_frames` log-mel frames (the exact samples the detector
sees at one hop), computed with the numpy reference frontend from int16-quantised audio, so that
training sees the features the Java service computes. Positives hold a whole "hey jarvis" somewhere
in the window; negatives are confusable phrases, plain speech and pure background.
"""
import dataclasses
import pathlib

import numpy as np

from wakestream_training import frontend

from . import augment


class CorpusSplit:
    """One split of a corpus written by wakestream_training.repcnn.corpus (16 kHz int16 audio)."""

    def __init__(self, path):
        with np.load(path) as data:
            self.positive = data["positive"]
            self.positive_offsets = data["positive_offsets"]
            self.confusable = data["confusable"]
            self.confusable_offsets = data["confusable_offsets"]
            self.speech = data["speech"].astype(np.float32) / 32768.0

    @classmethod
    def load(cls, corpus_dir, split):
        return cls(pathlib.Path(corpus_dir) / f"{split}.npz")

    def positives(self):
        return _clips(self.positive, self.positive_offsets)

    def confusables(self):
        return _clips(self.confusable, self.confusable_offsets)


def _clips(audio, offsets):
    return [audio[a:b].astype(np.float64) / 32768.0 for a, b in zip(offsets[:-1], offsets[1:])]


def window_samples(config):
    return frontend.FRAME_LENGTH + (config.window_frames - 1) * frontend.HOP_LENGTH


def quantise(samples):
    """Round to int16 and back, as audio arrives at the service."""
    return np.clip(np.round(samples * 32768.0), -32768, 32767) / 32768.0


@dataclasses.dataclass(frozen=True)
class Conditions:
    """Ranges of the random acoustic conditions of training windows."""
    reverb_probability: float = 0.75
    noise_probability: float = 0.85
    snr_db: tuple = (-5.0, 30.0)
    peak: tuple = (0.03, 0.95)


def place(clip, length, rng):
    """clip at a random offset inside `length` zeros (cropped around its centre if it is longer)."""
    if clip.size > length:
        start = (clip.size - length) // 2
        clip = clip[start:start + length]
    out = np.zeros(length)
    offset = rng.integers(0, length - clip.size + 1)
    out[offset:offset + clip.size] = clip
    return out


def make_window(foreground, split, rng, conditions):
    """Reverberate, add a random background at a random SNR, set a random level, quantise."""
    length = foreground.size
    if np.any(foreground) and rng.random() < conditions.reverb_probability:
        foreground = augment.reverberate(foreground, augment.room_impulse_response(rng))
    noise = augment.background(length, split.speech, rng)
    if not np.any(foreground):
        mixed = noise * rng.uniform(0.001, 0.1)
    elif rng.random() < conditions.noise_probability:
        mixed = augment.mix_at_snr(foreground, noise, rng.uniform(*conditions.snr_db))
    else:
        mixed = foreground
    return quantise(augment.normalise_peak(mixed, rng.uniform(*conditions.peak)))


@dataclasses.dataclass(frozen=True)
class PoolSizes:
    """How many windows of each kind one training pool holds."""
    per_positive: int = 4
    per_confusable: int = 4
    speech: int = 16000
    background: int = 2000


def training_pool(split, config, seed, sizes=PoolSizes(), conditions=Conditions()):
    """Feature windows (float16, [n, window_frames, n_mels]) and labels (1 = "hey jarvis" inside)."""
    rng = np.random.default_rng(seed)
    length = window_samples(config)
    foregrounds, labels = [], []
    for clips, repeats, label in ((split.positives(), sizes.per_positive, 1.0),
                                  (split.confusables(), sizes.per_confusable, 0.0)):
        for clip in clips:
            for _ in range(repeats):
                foregrounds.append(lambda clip=clip: place(clip, length, rng))
                labels.append(label)
    for _ in range(sizes.speech):
        foregrounds.append(lambda: _speech_window(split.speech, length, rng))
        labels.append(0.0)
    for _ in range(sizes.background):
        foregrounds.append(lambda: np.zeros(length))
        labels.append(0.0)
    features = np.empty((len(foregrounds), config.window_frames, config.n_mels), dtype=np.float16)
    for index, foreground in enumerate(foregrounds):
        window = make_window(foreground(), split, rng, conditions)
        features[index] = frontend.log_mel(window, config.n_mels)
    return features, np.array(labels, dtype=np.float32)


def _speech_window(speech, length, rng):
    start = rng.integers(0, speech.size - length)
    return speech[start:start + length].astype(np.float64)
