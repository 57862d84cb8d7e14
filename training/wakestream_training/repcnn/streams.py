"""Held-out evaluation audio as two long 16 kHz streams, scored the way the streaming detector scores.

- the positive stream: every positive clip, reverberated, in its own stretch of background noise at a
  random SNR, with its sample interval recorded;
- the negative stream: the split's plain speech interleaved with its confusable phrases, in pieces of
  about 20 s, each with its own room and noise: hours of audio for false accepts per hour.

Streams are written as WAV files with a JSON of the keyword intervals, so that any detector (the Java
CLI with the openWakeWord baseline, for one) can be scored on exactly the same audio.
"""
import json
import pathlib

import numpy as np

from wakestream_training import frontend

from . import augment

RATE = frontend.SAMPLE_RATE
SNR_DB = (5.0, 20.0)


def _condition(piece, split, rng):
    """A room and a background at a random SNR for one piece of the evaluation audio."""
    wet = augment.reverberate(piece, augment.room_impulse_response(rng))
    noise = augment.background(piece.size, split.speech, rng)
    return augment.mix_at_snr(wet, noise, rng.uniform(*SNR_DB))


def _to_int16(samples):
    return np.clip(np.round(samples * 32768.0), -32768, 32767).astype(np.int16)


def positive_stream(split, seed):
    """(int16 stream, [[start, end), ...] of each keyword in stream samples)."""
    rng = np.random.default_rng(seed)
    pieces, intervals, position = [], [], 0
    for clip in split.positives():
        lead, trail = int(rng.uniform(0.8, 1.2) * RATE), int(1.6 * RATE)
        piece = np.concatenate([np.zeros(lead), clip, np.zeros(trail)])
        conditioned = augment.normalise_peak(_condition(piece, split, rng), rng.uniform(0.1, 0.9))
        pieces.append(_to_int16(conditioned))
        intervals.append([position + lead, position + lead + clip.size])
        position += piece.size
    return np.concatenate(pieces), intervals


def negative_stream(split, seed, piece_seconds=20.0):
    """int16 stream of the split's speech and confusables under varying rooms and noises."""
    rng = np.random.default_rng(seed)
    confusables = split.confusables()
    speech = split.speech.astype(np.float64)
    step = int(piece_seconds * RATE)
    per_piece = max(1, int(np.ceil(len(confusables) / max(1, speech.size // step))))
    pieces = []
    for index, start in enumerate(range(0, speech.size, step)):
        inserted = []
        for clip in confusables[index * per_piece:(index + 1) * per_piece]:
            inserted += [np.zeros(int(rng.uniform(0.3, 1.0) * RATE)), clip]
        piece = np.concatenate([speech[start:start + step]] + inserted)
        pieces.append(_to_int16(augment.normalise_peak(_condition(piece, split, rng), rng.uniform(0.1, 0.9))))
    return np.concatenate(pieces)


def write_streams(directory, split, seed):
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    positives, intervals = positive_stream(split, seed)
    negatives = negative_stream(split, seed + 1)
    frontend.write_wav_int16(directory / "positives.wav", positives)
    frontend.write_wav_int16(directory / "negatives.wav", negatives)
    (directory / "positives.json").write_text(json.dumps({"keyword_intervals": intervals}))
    return directory


def load_streams(directory):
    directory = pathlib.Path(directory)
    intervals = json.loads((directory / "positives.json").read_text())["keyword_intervals"]
    return (frontend.read_wav_int16(directory / "positives.wav"), np.array(intervals),
            frontend.read_wav_int16(directory / "negatives.wav"))


def stream_features(pcm, n_mels, chunk_frames=20000):
    """Log-mel frames of a long int16 stream, computed in chunks (identical to one log_mel call)."""
    samples = frontend.int16_to_float(pcm)
    total = frontend.frame_count(samples.size)
    out = np.empty((total, n_mels), dtype=np.float32)
    for first in range(0, total, chunk_frames):
        last = min(total, first + chunk_frames)
        span = samples[first * frontend.HOP_LENGTH:(last - 1) * frontend.HOP_LENGTH + frontend.FRAME_LENGTH]
        out[first:last] = frontend.log_mel(span, n_mels)
    return out
