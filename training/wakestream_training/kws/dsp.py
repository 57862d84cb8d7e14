"""Dynamic sequence partitioning (DSP): the monotonic partition of T audio frames into K contiguous,
non-empty segments, one per text unit in order, that maximises the summed audio-text similarity.

Source: "Matching Latent Encoding for Audio-Text based Keyword Spotting" (DSP, section 2.2); here the
objective is frame-level: sum over frames t of S[t, k(t)], where k(t) is the unit of t's segment.

Recurrence on the similarity matrix S [T, K] (float64):
    D[0, 0] = S[0, 0]; D[0, k] = -inf for k > 0
    D[t, k] = S[t, k] + max(D[t-1, k], D[t-1, k-1])        (stay in unit k, or advance from unit k-1)
the best partition scores D[T-1, K-1]. Ties go to *stay*: a frame advances only when
D[t-1, k-1] > D[t-1, k] strictly, so the Java twin (io.wakestream.kws.core.SequencePartitioner) picks
the same partition. Time O(T * K), memory O(T * K) for the backtrace; needs T >= K.

Backtrace: from (T-1, K-1) walk back; at each t, the stored choice says whether frame t opened its
segment (advanced) or stayed; every advance closes the previous segment.
"""
import dataclasses

import numpy as np


@dataclasses.dataclass(frozen=True)
class Partition:
    """bounds: K (start, end) frame ranges [start, end), contiguous, covering [0, T); score: D[T-1, K-1]."""
    bounds: tuple
    score: float


def partition(similarity):
    """The best monotonic partition of similarity [T, K] (see module docstring).

    Raises ValueError when the matrix is not 2-D or has fewer frames than units (T < K) or no unit."""
    s = np.asarray(similarity, dtype=np.float64)
    if s.ndim != 2:
        raise ValueError(f"similarity must be [frames, units], got shape {s.shape}")
    frames, units = s.shape
    if units == 0 or frames < units:
        raise ValueError(f"need at least one unit and as many frames as units, got T={frames}, K={units}")
    best = np.full(units, -np.inf)
    best[0] = s[0, 0]
    advanced = np.zeros((frames, units), dtype=bool)
    for t in range(1, frames):
        previous = np.concatenate(([-np.inf], best[:-1]))
        advance = previous > best
        advanced[t] = advance
        best = s[t] + np.where(advance, previous, best)
    bounds, end, unit = [], frames, units - 1
    for t in range(frames - 1, 0, -1):
        if advanced[t, unit]:
            bounds.append((t, end))
            end, unit = t, unit - 1
    bounds.append((0, end))
    if unit != 0:
        raise AssertionError("backtrace did not reach the first unit")
    return Partition(tuple(reversed(bounds)), float(best[units - 1]))


def uniform_partition(frames, units):
    """K near-equal contiguous segments of T frames: the no-DSP ablation."""
    if units == 0 or frames < units:
        raise ValueError(f"need at least one unit and as many frames as units, got T={frames}, K={units}")
    edges = np.floor(np.arange(units + 1) * frames / units).astype(int)
    return tuple((int(a), int(b)) for a, b in zip(edges[:-1], edges[1:]))


def pooled(embeddings, bounds):
    """Mean of embeddings [T, D] over each segment: [K, D]."""
    return np.stack([embeddings[a:b].mean(axis=0) for a, b in bounds])
