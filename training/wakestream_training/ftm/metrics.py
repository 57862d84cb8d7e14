"""Figures of false-trigger mitigation: the share of false triggers a score removes at 99 % true-positive rate
(as the seed paper reports them), and the decision-level false rejection rate at <= 0.5 false accepts per hour."""
import numpy as np

TPR = 0.99
MAX_FA_PER_HOUR = 0.5


def threshold_at_tpr(true_scores, tpr=TPR):
    """The highest threshold that keeps at least `tpr` of the true triggers (accept: score >= threshold)."""
    s = np.sort(np.asarray(true_scores, np.float64))
    return float(s[int(np.floor((1 - tpr) * s.size))]) if s.size else 0.0


def mitigated_at_tpr(scores, labels, tpr=TPR):
    """(share of false triggers rejected, threshold) at the threshold that keeps `tpr` of the true ones."""
    scores, labels = np.asarray(scores, np.float64), np.asarray(labels)
    t = threshold_at_tpr(scores[labels == 1], tpr)
    false = scores[labels == 0]
    return (float((false < t).mean()) if false.size else 0.0), t


def roc(scores, labels):
    """(false-trigger acceptance rate, true-trigger acceptance rate) over every threshold, for plots."""
    scores, labels = np.asarray(scores, np.float64), np.asarray(labels)
    order = np.argsort(-scores, kind="mergesort")
    hits = labels[order] == 1
    tpr = np.concatenate([[0.0], np.cumsum(hits) / max(1, hits.sum())])
    fpr = np.concatenate([[0.0], np.cumsum(~hits) / max(1, (~hits).sum())])
    return fpr, tpr


def _by_clip(scores, detections):
    """({positive clip: [score of each detection, -inf for detections that are not true]}, [scores in streams])."""
    positive_clips, stream_scores = {}, []
    for score, row in zip(np.asarray(scores, np.float64), detections.rows):
        clip = row["clip"]
        if clip["label"] == 1:
            positive_clips.setdefault(clip["file"], []).append(score if row["label"] == 1 else -np.inf)
        elif clip.get("stream"):
            stream_scores.append(score)
    return positive_clips, np.asarray(stream_scores)


def operating_point(scores, detections, clips, stream_hours, max_fa=MAX_FA_PER_HOUR):
    """Decision-level operating point {"frr", "fa_per_hour", "threshold", "positives", "stream_hours"}: the
    lowest FRR over positive clips with <= max_fa false accepts per hour of the negative streams. A positive clip
    is accepted when one of its true detections is accepted; a false accept is an accepted detection in negative
    stream audio. Positive clips without a true detection (the wake-word stage missed them) stay rejected at
    every threshold, so the cascade's FRR includes the first stage's misses."""
    positive_clips, stream_scores = _by_clip(scores, detections)
    best_by_clip = np.array([max(positive_clips.get(c["file"], [-np.inf])) for c in clips if c["label"] == 1])
    allowed = int(np.floor(max_fa * stream_hours))
    # the threshold must exceed every stream score but the `allowed` highest
    ordered = np.sort(stream_scores)[::-1]
    floor = ordered[allowed] if ordered.size > allowed else -np.inf
    threshold = np.nextafter(floor, np.inf) if np.isfinite(floor) else -np.inf
    accepted = best_by_clip >= threshold
    fa = int((stream_scores >= threshold).sum())
    return {"frr": round(float(1 - accepted.mean()), 4), "fa_per_hour": round(fa / stream_hours, 3),
            "threshold": float(threshold), "positives": int(best_by_clip.size), "stream_hours": round(stream_hours, 3)}
