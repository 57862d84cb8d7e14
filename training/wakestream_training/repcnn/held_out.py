"""A held-out corpus split (val or test) scored by a RepCNN and judged by the toolkit's evaluation harness.

The files are the ones `python3 -m wakestream_training.evaluation run --split S --streams-from ...`
scores for any other detector (clips of the wake-word corpus, long negative streams of both corpora),
so the figures here sit on the same audio as the openWakeWord baseline's.
"""
import numpy as np

from wakestream_training import frontend
from wakestream_training.corpus import Corpus
from wakestream_training.evaluation.metrics import DEFAULT_REFRACTORY_S, operating_point
from wakestream_training.evaluation.splits import evaluate, selected_entries

from .features import clip_frames
from .scoring import harness_result, raw_scores, smooth


class HeldOutSplit:
    """The frames of every file of a split, computed once and scored by any number of models."""

    def __init__(self, wakeword_corpus, negatives_corpora, split, n_mels, log=print):
        corpus, others = Corpus(wakeword_corpus), [Corpus(d) for d in negatives_corpora]
        self.split, self.corpus, self.streams_from = split, str(corpus.directory), [str(c.directory) for c in others]
        self.entries = selected_entries(corpus, split, None, others)
        self.frames = {}
        for path, entry in self.entries:
            owner = next(c for c in [corpus] + others if path.startswith(str(c.directory)))
            self.frames[path] = clip_frames(owner, entry, n_mels).astype(np.float16)
        self.samples = {path: int(round(entry["duration"] * frontend.SAMPLE_RATE)) for path, entry in self.entries}
        hours = sum(self.samples.values()) / frontend.SAMPLE_RATE / 3600
        log(f"{split}: {len(self.entries)} files, {hours:.2f} h")

    def score(self, model, config, device="cpu"):
        """{path: (end samples, raw window scores)}."""
        return {path: raw_scores(model, frames.astype(np.float32), config, device=device)
                for path, frames in self.frames.items()}

    def judge(self, scores, smoothing_windows, refractory=DEFAULT_REFRACTORY_S):
        """(DET curve, counts, harness results) of raw scores smoothed over `smoothing_windows`."""
        results = {path: harness_result(path, self.samples[path], ends, smooth(raw, smoothing_windows))
                   for path, (ends, raw) in scores.items()}
        curve, counts = evaluate(self.entries, results, refractory)
        return curve, counts, results


def frr_at(curve, fa_per_hour):
    """The lowest FRR with at most `fa_per_hour` false accepts per hour (1.0 if no threshold gets there)."""
    point = operating_point(curve, fa_per_hour)
    return point.frr if point else 1.0


def point_at_threshold(curve, threshold):
    """The curve's point at the lowest swept threshold at or above `threshold`."""
    return next(p for p in curve if p.threshold >= threshold)
