"""A RepCNN scoring audio the way the Java detector does, and its results in the evaluation harness's form.

Streaming semantics (io.wakestream.wakeword.core.repcnn.RepCnnStream): a stream starts from silence
(the window is full of the frontend's silence frame); after every `hop_frames` frames the last
`window_frames` frames are scored, the window ending at sample (frames - 1) * 160 + 400; the trigger
policy thresholds the mean of the last `smoothing_windows` scores and then keeps quiet for the
refractory period (the harness counts that the same way, evaluation.metrics.refractory_events).
"""
import numpy as np
import torch

from wakestream_training import frontend
from wakestream_training.evaluation.metrics import refractory_events

from .features import with_leading_silence


def window_end_frames(total_frames, hop_frames):
    """Frame counts after which a window is scored: hop, 2 * hop, ... up to the frames there are."""
    return np.arange(hop_frames, total_frames + 1, hop_frames)


def end_samples(end_frames):
    return (end_frames - 1) * frontend.HOP_LENGTH + frontend.FRAME_LENGTH


@torch.no_grad()
def raw_scores(model, frames, config, batch=2048, device="cpu"):
    """(end samples, window scores) of the model over the log-mel frames of one stream or clip."""
    ends = window_end_frames(len(frames), config.hop_frames)
    padded = torch.from_numpy(with_leading_silence(frames, config.window_frames))
    model = model.eval().to(device)
    scores = []
    for start in range(0, len(ends), batch):
        # Frame i of the stream is row i + window_frames of `padded`.
        index = torch.from_numpy(ends[start:start + batch])[:, None] + torch.arange(config.window_frames)[None, :]
        scores.append(model(padded[index].to(device)).float().cpu().numpy())
    return end_samples(ends), np.concatenate(scores) if scores else np.zeros(0, dtype=np.float32)


def smooth(scores, windows):
    """Mean of the last `windows` scores (fewer at the start of the stream), as the trigger policy averages."""
    sums = np.cumsum(np.concatenate([[0.0], np.asarray(scores, dtype=np.float64)]))
    index = np.arange(1, len(scores) + 1)
    lower = np.maximum(0, index - windows)
    return ((sums[index] - sums[lower]) / (index - lower)).astype(np.float32)


def manifest_trigger(ends, raw, manifest):
    """(smoothed scores, indices of the hops that fire) under a model manifest's trigger settings."""
    parameters = manifest["frontend"]["parameters"]
    smoothed = smooth(raw, parameters["smoothing_windows"])
    fired = refractory_events(ends / frontend.SAMPLE_RATE, smoothed, manifest["thresholds"]["detection"],
                              parameters["refractory_seconds"])
    return smoothed, np.searchsorted(ends, np.round(np.asarray(fired) * frontend.SAMPLE_RATE).astype(np.int64))


def harness_result(path, samples, ends, smoothed):
    """One file's result in the harness's detector interchange (evaluation.detector), with every score."""
    return {"file": str(path), "duration_ms": int(samples * 1000 // frontend.SAMPLE_RATE),
            "max_score": float(smoothed.max()) if len(smoothed) else 0.0, "detections": [],
            "scores": np.stack([ends * 1000.0 / frontend.SAMPLE_RATE, smoothed], axis=1).tolist()}
