"""Training windows cut from a TrainingStream: which windows hold a whole keyword, and a fresh draw per epoch.

A window is named by its end frame e (exclusive) and covers frames [e - W, e), with silence before the
stream's start, exactly what the streaming detector scores when it has seen e frames.

- positive: the window holds the whole keyword span [first, end): e - W <= first and e >= end;
- partial (hard negative): the window overlaps the keyword but ends at least `partial_margin` frames
  before its end ("hey jar"), or starts at least `partial_margin` frames after its start ("...vis");
- background: the window is nowhere near a keyword; it may hold confusable phrases, requests, speech
  or noise.

Windows just short of a whole keyword are neither: the frontend's frames and the engines' word
timings do not say to the frame where a keyword ends. Keywords longer than the window cannot be
learned and are counted, not used.
"""
import dataclasses

import numpy as np

from wakestream_training import frontend

from .features import silence_frame


@dataclasses.dataclass(frozen=True)
class EpochSizes:
    positives_per_keyword: int = 2
    partials_per_keyword: int = 2
    background: int = 32000
    stream_start_share: float = 0.03   # windows that begin before the stream does (silence, as at a stream's start)
    level_share: float = 0.5           # windows played quieter, as a far or quiet microphone hears them
    level_range_db: tuple = (-36.0, 0.0)


class WindowSampler:
    def __init__(self, stream, window_frames, partial_margin=25, sizes=EpochSizes()):
        self.stream, self.window, self.margin, self.sizes = stream, window_frames, partial_margin, sizes
        first, end = stream.keywords[:, 0], stream.keywords[:, 1]
        self.learnable = (end - first) <= window_frames
        self.first, self.end = first[self.learnable], end[self.learnable]
        self.background_ends = self._background_ends()
        self.silence = silence_frame(stream.frames.shape[1])

    def _background_ends(self):
        """End frames of every window that holds no frame of any keyword."""
        total = len(self.stream.frames)
        blocked = np.zeros(total + 2, dtype=np.int32)
        for first, end in self.stream.keywords:
            lo, hi = min(total + 1, first + 1), min(total + 1, end + self.window)
            blocked[lo] += 1
            blocked[hi] -= 1
        free = np.cumsum(blocked)[:total + 1] == 0
        free[0] = False
        return np.flatnonzero(free)

    @property
    def skipped_keywords(self):
        return int((~self.learnable).sum())

    @property
    def epoch_size(self):
        sizes = self.sizes
        return len(self.end) * (sizes.positives_per_keyword + sizes.partials_per_keyword) + sizes.background

    def epoch(self, rng):
        """(end frames, labels) of one epoch's windows, shuffled."""
        sizes, total = self.sizes, len(self.stream.frames)
        ends, labels = [], []
        # Positives: any end from the keyword's end until its first frame leaves the window.
        for _ in range(sizes.positives_per_keyword):
            hi = np.minimum(self.first + self.window, total)
            ends.append(rng.integers(self.end, np.maximum(hi, self.end) + 1))
            labels.append(np.ones(len(self.end)))
        # Partials: ends inside the keyword well before its end, or windows that lost its beginning.
        for draw in range(sizes.partials_per_keyword):
            if draw % 2 == 0:
                lo, hi = self.first + 1, np.maximum(self.first + 1, self.end - self.margin)
            else:
                hi = np.minimum(self.end + self.window - 1, total)
                lo = np.minimum(np.maximum(self.end, self.first + self.window + self.margin), hi)
            ends.append(rng.integers(lo, hi + 1))
            labels.append(np.zeros(len(self.end)))
        ends.append(rng.choice(self.background_ends, size=sizes.background))
        labels.append(np.zeros(sizes.background))
        ends, labels = np.concatenate(ends), np.concatenate(labels).astype(np.float32)
        order = rng.permutation(len(ends))
        return ends[order], labels[order]

    def gather(self, ends, rng=None):
        """Feature windows [n, W, n_mels] (float32) ending at `ends`; with rng, a share start as a stream does."""
        frames = self.stream.frames
        index = ends[:, None] - self.window + np.arange(self.window)[None, :]
        if rng is not None:
            fresh = rng.random(len(ends)) < self.sizes.stream_start_share
            # A window at a stream's start: silence up to a random frame, speech after it.
            cut = rng.integers(1, self.window, size=len(ends))
            index = np.where(fresh[:, None] & (np.arange(self.window)[None, :] < cut[:, None]), -1, index)
        out = frames[np.clip(index, 0, len(frames) - 1)].astype(np.float32)
        out[index < 0] = self.silence
        if rng is not None:
            quieter = rng.random(len(ends)) < self.sizes.level_share
            gains = np.where(quieter, rng.uniform(*self.sizes.level_range_db, size=len(ends)), 0.0)
            out = with_gain(out, gains)
        return out


def with_gain(windows, gains_db):
    """Log-mel windows [n, W, n_mels] of the same audio scaled by gains_db[n] (dB): the frontend computes
    log(P + floor) of the mel power P, and scaling audio by g scales P by g^2, so the new features are
    log(g^2 (exp(x) - floor) + floor); exact up to 16-bit quantisation."""
    power = np.maximum(np.exp(windows.astype(np.float64)) - frontend.LOG_FLOOR, 0.0)
    scale = (10.0 ** (np.asarray(gains_db, dtype=np.float64) / 10.0))[:, None, None]
    return np.log(power * scale + frontend.LOG_FLOOR).astype(np.float32)
