"""Figures of a spotter judged from its detections at one low run threshold: false rejects on positive clips and
false accepts per hour on negative audio at any higher threshold, for stage 1 alone or with a second stage.

A spotter run at a low threshold reports each detection with its score (and, with a second stage, whether the
verifier accepted it). At a higher threshold t the detections are taken to be those of score >= t: the
approximation this module makes. It holds where a detection's score is the peak of its event (the run threshold
changes which events are reported, not their scores); a spotter that would merge or split events differently at
t, through its refractory period, is counted slightly off.
"""
import dataclasses
import math

import numpy as np


@dataclasses.dataclass(frozen=True)
class Detection:
    """score: the spotter's score; accepted: the second stage's verdict (None when it did not run)."""
    score: float
    accepted: bool = None


def counted_scores(detections, verified):
    """Scores of the detections that count: all of them, or (verified) those the second stage accepted.
    Raises ValueError when verified is asked for and a detection carries no verdict."""
    if verified and any(d.accepted is None for d in detections):
        raise ValueError("a detection has no verification: run the spotter with its second stage")
    return [d.score for d in detections if not verified or d.accepted]


def best_score(detections, verified):
    """The highest counted score of one clip's detections; -inf when none counts (a miss at every threshold)."""
    scores = counted_scores(detections, verified)
    return max(scores) if scores else -math.inf


@dataclasses.dataclass(frozen=True)
class OperatingPoint:
    threshold: float
    frr: float
    fa_per_hour: float
    false_accepts: int

    def to_json(self):
        # the threshold unrounded: it sits just above a false accept's score, which rounding could let back in
        return {"threshold": self.threshold, "frr": round(self.frr, 6),
                "fa_per_hour": round(self.fa_per_hour, 4), "false_accepts": self.false_accepts}


def at_threshold(positive_best, negative_scores, hours, threshold):
    """FRR over positive clips (best counted score each) and false accepts per hour of negative audio
    (`hours` of it; every counted detection score there) at one threshold (a detection counts at score >= it)."""
    if hours <= 0:
        raise ValueError("false accepts per hour need negative audio (hours > 0)")
    best = np.asarray(positive_best, dtype=np.float64)
    false_accepts = int(np.count_nonzero(np.asarray(negative_scores, dtype=np.float64) >= threshold))
    frr = float(np.mean(best < threshold)) if best.size else math.nan
    return OperatingPoint(float(threshold), frr, false_accepts / hours, false_accepts)


def threshold_for_rate(negative_scores, hours, max_fa_per_hour, floor):
    """The lowest threshold, not below `floor` (the run threshold: nothing under it was reported), at which the
    negative audio has at most max_fa_per_hour false accepts per hour. Lower thresholds reject fewer positives,
    so this is the operating point with the lowest FRR."""
    if hours <= 0:
        raise ValueError("false accepts per hour need negative audio (hours > 0)")
    allowed = int(math.floor(max_fa_per_hour * hours + 1e-9))
    scores = np.sort(np.asarray(negative_scores, dtype=np.float64)[np.asarray(negative_scores) >= floor])[::-1]
    if scores.size <= allowed:
        return float(floor)
    # just above the (allowed + 1)-th highest score: only the `allowed` scores above it still count
    return float(np.nextafter(scores[allowed], np.inf))


def operating_point(positive_best, negative_scores, hours, max_fa_per_hour, floor):
    """The OperatingPoint with the lowest FRR at <= max_fa_per_hour (see threshold_for_rate)."""
    threshold = threshold_for_rate(negative_scores, hours, max_fa_per_hour, floor)
    return at_threshold(positive_best, negative_scores, hours, threshold)


def det_points(positive_best, negative_scores, hours, floor):
    """[(FA/h, FRR)] at the run threshold and just above every negative score: the whole DET curve the run shows,
    false accepts per hour descending."""
    scores = np.unique(np.asarray(negative_scores, dtype=np.float64))
    thresholds = [float(floor)] + [float(np.nextafter(s, np.inf)) for s in scores if s >= floor]
    points = [at_threshold(positive_best, negative_scores, hours, t) for t in thresholds]
    return [(p.fa_per_hour, p.frr) for p in points]
