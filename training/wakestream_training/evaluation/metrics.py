"""Wake-word metrics: false rejects on positive clips, false accepts per hour on long negative audio
(counted the way the service fires: a detection, then a refractory period with no detection), and
the DET curve that sweeps the threshold.

Conventions: a detection fires when a score reaches the threshold (score >= threshold). After a
detection at time t nothing fires before t + refractory.
"""
import dataclasses

import numpy as np

DEFAULT_REFRACTORY_S = 2.0


def refractory_events(times, scores, threshold, refractory=DEFAULT_REFRACTORY_S):
    """Times at which a detector fires on one stream: scores (at sorted times, seconds) at or above
    the threshold, each at least `refractory` seconds after the previous firing."""
    times = np.asarray(times, dtype=np.float64)
    candidates = times[np.asarray(scores, dtype=np.float64) >= threshold]
    fired, k = [], 0
    while k < candidates.size:
        fired.append(float(candidates[k]))
        k = int(np.searchsorted(candidates, candidates[k] + refractory, side="left"))
    return fired


def false_reject_rate(positive_scores, threshold):
    """Share of positive clips whose best score stays below the threshold."""
    scores = np.asarray(positive_scores, dtype=np.float64)
    return float(np.mean(scores < threshold)) if scores.size else float("nan")


def clip_accept_rate(negative_scores, threshold):
    scores = np.asarray(negative_scores, dtype=np.float64)
    return float(np.mean(scores >= threshold)) if scores.size else float("nan")


@dataclasses.dataclass
class Stream:
    """A long negative recording as the detector saw it: score times (s) and scores, its length."""
    times: np.ndarray
    scores: np.ndarray
    seconds: float


def false_accepts_per_hour(streams, threshold, refractory=DEFAULT_REFRACTORY_S):
    hours = sum(s.seconds for s in streams) / 3600.0
    events = sum(len(refractory_events(s.times, s.scores, threshold, refractory)) for s in streams)
    return events / hours if hours > 0 else float("nan"), events


@dataclasses.dataclass
class DetPoint:
    threshold: float
    frr: float
    fa_per_hour: float
    false_accepts: int
    clip_accept: dict  # negative clip kind -> share of clips accepted

    def to_json(self):
        return {"threshold": round(self.threshold, 6), "frr": round(self.frr, 6),
                "fa_per_hour": round(self.fa_per_hour, 4), "false_accepts": self.false_accepts,
                "clip_accept": {k: round(v, 6) for k, v in self.clip_accept.items()}}


def thresholds_for(positive_scores, negative_clip_scores, streams, stream_values=2000, grid=101):
    """Every clip score (each one moves FRR or a clip accept rate), the highest `stream_values`
    distinct stream scores (where false accepts per hour are low, which is where detectors are
    run), an even grid over the whole range, and one threshold above every score."""
    clips = [np.asarray(positive_scores, dtype=np.float64)]
    clips += [np.asarray(v, dtype=np.float64) for v in negative_clip_scores.values()]
    stream_scores = np.unique(np.concatenate([np.asarray(s.scores, dtype=np.float64) for s in streams] or [[]]))
    values = np.concatenate(clips + [stream_scores[-stream_values:]])
    if values.size == 0:
        values = np.zeros(1)
    everything = np.concatenate([values, stream_scores])
    values = np.unique(np.concatenate([values, np.linspace(everything.min(), everything.max(), grid)]))
    return np.concatenate([values, [np.nextafter(values[-1], np.inf)]])


def det_curve(positive_scores, negative_clip_scores, streams, refractory=DEFAULT_REFRACTORY_S, thresholds=None):
    """DetPoints over thresholds, ascending. negative_clip_scores: {kind: [max score per clip]}."""
    if thresholds is None:
        thresholds = thresholds_for(positive_scores, negative_clip_scores, streams)
    curve = []
    for threshold in thresholds:
        fa_rate, events = false_accepts_per_hour(streams, threshold, refractory) if streams else (float("nan"), 0)
        curve.append(DetPoint(float(threshold), false_reject_rate(positive_scores, threshold), fa_rate, events,
                              {k: clip_accept_rate(v, threshold) for k, v in sorted(negative_clip_scores.items())}))
    return curve


def operating_point(curve, max_fa_per_hour):
    """The point with the lowest FRR whose false accepts per hour are at most the target (None if none)."""
    eligible = [p for p in curve if p.fa_per_hour <= max_fa_per_hour]
    return min(eligible, key=lambda p: (p.frr, p.threshold)) if eligible else None
