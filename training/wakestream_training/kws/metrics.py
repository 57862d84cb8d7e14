"""AUC and EER of match scores, as LibriPhrase results are reported."""
import numpy as np


def auc(positive, negative):
    """Area under the ROC curve: the chance a random positive outscores a random negative (ties count half)."""
    positive, negative = np.asarray(positive, np.float64), np.asarray(negative, np.float64)
    scores = np.concatenate([positive, negative])
    order = scores.argsort(kind="mergesort")
    ranks = np.empty(scores.size)
    sorted_scores = scores[order]
    # average ranks over ties
    _, first, counts = np.unique(sorted_scores, return_index=True, return_counts=True)
    average = first + (counts - 1) / 2.0 + 1.0
    ranks[order] = np.repeat(average, counts)
    return float((ranks[:positive.size].sum() - positive.size * (positive.size + 1) / 2.0)
                 / (positive.size * negative.size))


def eer(positive, negative):
    """(equal error rate, threshold): where the false reject rate of positives meets the false accept rate
    of negatives (accept = score >= threshold), interpolated between the two closest thresholds."""
    positive, negative = np.asarray(positive, np.float64), np.asarray(negative, np.float64)
    thresholds = np.unique(np.concatenate([positive, negative]))
    frr = np.searchsorted(np.sort(positive), thresholds, side="left") / positive.size
    far = 1.0 - np.searchsorted(np.sort(negative), thresholds, side="left") / negative.size
    gap = frr - far
    i = int(np.argmax(gap >= 0))
    if i == 0:
        return float((frr[0] + far[0]) / 2), float(thresholds[0])
    a, b = gap[i - 1], gap[i]
    w = a / (a - b) if a != b else 0.5
    return (float((1 - w) * (frr[i - 1] + far[i - 1]) / 2 + w * (frr[i] + far[i]) / 2),
            float(thresholds[i - 1] + w * (thresholds[i] - thresholds[i - 1])))


def threshold_at_frr(positive, frr):
    """The highest threshold that rejects at most a share `frr` of the positives."""
    positive = np.sort(np.asarray(positive, np.float64))
    return float(positive[int(np.floor(frr * positive.size))])
