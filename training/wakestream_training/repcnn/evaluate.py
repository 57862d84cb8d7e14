"""Streaming evaluation: scores every hop over long streams, smoothing, detections, FRR and false accepts per hour.

The detector semantics here are the ones the Java RepCNN detector implements: a score for the window of
`window_frames` frames ending every `hop_frames` frames, the mean of the last `smoothing_windows`
scores, a detection when it reaches the threshold, then nothing for `refractory_seconds`.
A keyword counts as detected if a smoothed score whose window ends between the keyword's start and
one window length after its end reaches the threshold.

An external detector is scored on the same audio with `external_scores`: a command speaking the
toolkit's detector interchange (the hook for the openWakeWord baseline via the Java CLI), e.g.
train.py --external "openwakeword=./wakestream detect --model openwakeword/hey_jarvis --scores".
"""
import numpy as np
import torch

from wakestream_training import frontend
from wakestream_training.evaluation import CommandDetector, stream_from_result

RATE = frontend.SAMPLE_RATE
TARGET_FA_PER_HOUR = 0.5


def window_end_samples(total_frames, config):
    """Exclusive end sample of every scored window: after window_frames frames, then every hop_frames."""
    ends = np.arange(config.window_frames, total_frames + 1, config.hop_frames)
    return (ends - 1) * frontend.HOP_LENGTH + frontend.FRAME_LENGTH


@torch.no_grad()
def model_scores(model, features, config, batch=1024, device="cpu"):
    """(end samples, raw scores) of the model over the log-mel frames of a whole stream."""
    features = torch.from_numpy(np.ascontiguousarray(features, dtype=np.float32))
    ends = window_end_samples(features.shape[0], config)
    first_frames = np.arange(len(ends)) * config.hop_frames
    model = model.eval().to(device)
    scores = []
    for start in range(0, len(first_frames), batch):
        index = torch.from_numpy(first_frames[start:start + batch])[:, None] + torch.arange(config.window_frames)
        scores.append(model(features[index].to(device)).float().cpu().numpy())
    return ends, np.concatenate(scores) if scores else np.zeros(0, dtype=np.float32)


def external_scores(command, wav_path):
    """(end samples, scores) of an external detector command speaking the toolkit's interchange
    (wakestream_training.evaluation.detector: one JSON line per WAV, per-hop `scores` as [end_ms, score])."""
    result = CommandDetector(command).score([wav_path])[str(wav_path)]
    stream = stream_from_result(result)
    return np.round(np.asarray(stream.times) * RATE).astype(np.int64), np.asarray(stream.scores, dtype=np.float32)


def smooth(scores, windows):
    """Mean of the last `windows` scores (fewer at the start of the stream)."""
    sums = np.cumsum(np.concatenate([[0.0], scores.astype(np.float64)]))
    index = np.arange(1, scores.size + 1)
    lower = np.maximum(0, index - windows)
    return ((sums[index] - sums[lower]) / (index - lower)).astype(np.float32)


def detections(ends, smoothed, threshold, refractory_samples):
    """End samples at which the detector fires."""
    fired, last = [], None
    for position in np.flatnonzero(smoothed >= threshold):
        if last is None or ends[position] - last >= refractory_samples:
            fired.append(ends[position])
            last = ends[position]
    return fired


def keyword_maxima(ends, smoothed, intervals, window_samples):
    """The highest smoothed score credited to each keyword interval [start, end)."""
    maxima = np.full(len(intervals), -np.inf, dtype=np.float32)
    for index, (start, end) in enumerate(intervals):
        lo, hi = np.searchsorted(ends, start, "right"), np.searchsorted(ends, end + window_samples, "right")
        if hi > lo:
            maxima[index] = smoothed[lo:hi].max()
    return maxima


class StreamResult:
    """Smoothed scores of a system on the positive and negative streams, and the detector's figures from them."""

    def __init__(self, positive, negative, intervals, negative_hours, detector):
        pos_ends, pos_scores = positive
        self.negative_ends, neg_scores = negative
        self.windows = detector["smoothing_windows"]
        self.refractory = int(detector["refractory_seconds"] * RATE)
        self.keyword_max = keyword_maxima(pos_ends, smooth(pos_scores, self.windows), intervals, detector["window_samples"])
        self.negative_smoothed = smooth(neg_scores, self.windows)
        self.negative_hours = negative_hours

    def at(self, threshold):
        """False-reject rate and false accepts per hour at one threshold."""
        accepts = len(detections(self.negative_ends, self.negative_smoothed, threshold, self.refractory))
        return {"threshold": float(threshold), "frr": float(np.mean(self.keyword_max < threshold)),
                "fa_per_hour": accepts / self.negative_hours}

    def det(self, points=300):
        """DET curve: thresholds ascending with their false-reject rate and false accepts per hour."""
        top_negatives = np.sort(self.negative_smoothed)[-points:]
        candidates = np.concatenate([self.keyword_max[np.isfinite(self.keyword_max)], top_negatives])
        thresholds = np.unique(np.concatenate([np.quantile(candidates, np.linspace(0, 1, points)),
                                               np.nextafter(top_negatives[-60:], np.float32(2.0)), [1.0 + 1e-6]]))
        rows = [self.at(t) for t in thresholds.astype(np.float32)]
        return {key: [row[key] for row in rows] for key in ("threshold", "frr", "fa_per_hour")}


def frr_at_fa(det, target=TARGET_FA_PER_HOUR):
    """Lowest FRR over thresholds with at most `target` false accepts per hour, and that threshold."""
    frr, threshold = min((frr, t) for t, frr, fa in zip(det["threshold"], det["frr"], det["fa_per_hour"]) if fa <= target)
    return {"frr": frr, "threshold": threshold}


def threshold_for_fa(det, target=TARGET_FA_PER_HOUR):
    """The lowest threshold whose false accepts per hour stay at or below target (chosen on validation)."""
    return min(t for t, fa in zip(det["threshold"], det["fa_per_hour"]) if fa <= target)


def plot_det(curves, path, title):
    """DET curves (FRR against false accepts per hour) of named systems into one PNG."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    figure, axes = plt.subplots(figsize=(6, 4.5))
    for name, det in curves.items():
        fa = np.maximum(np.array(det["fa_per_hour"]), 1e-2)
        axes.step(fa, 100 * np.array(det["frr"]), where="post", label=name)
    axes.axvline(TARGET_FA_PER_HOUR, color="grey", linestyle=":", linewidth=1)
    axes.set_xscale("log")
    axes.set_xlim(1e-2, 1e3)
    axes.set_ylim(0, 100)
    axes.set_xlabel("false accepts per hour (0 drawn at 0.01)")
    axes.set_ylabel("false-reject rate (%)")
    axes.set_title(title)
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
