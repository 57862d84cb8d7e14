"""CTC decoding of the phonetic encoder's log-posteriors: greedy decoding and forced alignment.

Both work on `log_probs` [U, V] (natural-log posteriors, index 0 = CTC blank, one row per 20 ms
output frame) and report frames at that rate: a phone on frames [start, end) covers
[start * 20, end * 20) ms of the stream (encoder.py: output u belongs to input frames 2u, 2u + 1).

The Java twins (io.wakestream.common.phonetic.CtcAlignment, CtcGreedyDecoder) run the same Viterbi
recursion in float64 with the same tie-breaking, so both give the same phones and frames for the
same posteriors (segment scores may differ in the last bits: numpy sums pairwise); keep the two in
step.
"""
import dataclasses

import numpy as np

from . import phones as phone_set

BLANK = phone_set.BLANK


@dataclasses.dataclass(frozen=True)
class Segment:
    """One phone on output frames [start, end): the greedy run, or the forced alignment's frames.
    score: mean log-posterior of the phone over those frames."""
    phone: int
    start: int
    end: int
    score: float


@dataclasses.dataclass(frozen=True)
class Alignment:
    """A forced alignment: one segment per transcript phone, in order; score: the path's summed log-posterior."""
    segments: tuple
    score: float


def _as_log_probs(log_probs):
    log_probs = np.asarray(log_probs, dtype=np.float64)
    if log_probs.ndim != 2:
        raise ValueError(f"log_probs must be [frames, phones], got shape {log_probs.shape}")
    return log_probs


def _mean_score(log_probs, phone, start, end):
    return float(np.sum(log_probs[start:end, phone]) / (end - start))


def greedy(log_probs):
    """Best phone per frame (ties: lowest index), repeats collapsed, blanks dropped.
    Returns one Segment per emitted phone: the run of frames whose best phone it is."""
    log_probs = _as_log_probs(log_probs)
    best = np.argmax(log_probs, axis=1) if log_probs.shape[0] else np.zeros(0, dtype=np.int64)
    segments = []
    start = 0
    for t in range(1, best.size + 1):
        if t == best.size or best[t] != best[start]:
            if best[start] != BLANK:
                phone = int(best[start])
                segments.append(Segment(phone, start, t, _mean_score(log_probs, phone, start, t)))
            start = t
    return segments


def frames_needed(targets):
    """Fewest frames a CTC path of `targets` takes: one per phone, plus a blank between equal neighbours."""
    targets = list(targets)
    return len(targets) + sum(1 for a, b in zip(targets, targets[1:]) if a == b)


def force_align(log_probs, targets):
    """Viterbi alignment of the phone indices `targets` (no blanks) to `log_probs` [U, V] over the
    CTC topology: blank, t1, blank, t2, ..., tL, blank; each frame stays in its state or moves one
    state on, or skips the blank between two different phones; the path starts in the first blank or
    t1 and ends in tL or the last blank. Ties go to staying, then to the nearer state, and at the end
    to the final blank.

    Raises ValueError when no path exists: fewer frames than frames_needed(targets), a blank or
    out-of-range target, or only paths through -inf log-posteriors."""
    log_probs = _as_log_probs(log_probs)
    targets = [int(t) for t in targets]
    frames, vocabulary = log_probs.shape
    for t in targets:
        if not 0 < t < vocabulary:
            raise ValueError(f"target {t} is not a phone index (1..{vocabulary - 1}; 0 is the blank)")
    needed = frames_needed(targets)
    if frames < needed:
        raise ValueError(f"cannot align {len(targets)} phones to {frames} frames: a CTC path of this "
                         f"transcript needs at least {needed} frames ({needed * 20} ms)")
    if not targets:
        return Alignment((), float(np.sum(log_probs[:, BLANK])))

    states = np.full(2 * len(targets) + 1, BLANK, dtype=np.int64)
    states[1::2] = targets
    can_skip = np.zeros(states.size, dtype=bool)
    can_skip[3::2] = states[3::2] != states[1:-2:2]

    score = np.full(states.size, -np.inf)
    score[:2] = log_probs[0, states[:2]]
    shifts = np.zeros((frames, states.size), dtype=np.int8)
    minus_inf = np.array([-np.inf])
    for t in range(1, frames):
        from_previous = np.concatenate([minus_inf, score[:-1]])
        from_skip = np.where(can_skip, np.concatenate([minus_inf, minus_inf, score[:-2]]), -np.inf)
        best = score
        shift = np.zeros(states.size, dtype=np.int8)
        take = from_previous > best
        best = np.where(take, from_previous, best)
        shift[take] = 1
        take = from_skip > best
        best = np.where(take, from_skip, best)
        shift[take] = 2
        shifts[t] = shift
        score = best + log_probs[t, states]

    state = states.size - 2 if score[-2] > score[-1] else states.size - 1
    total = float(score[state])
    if total == -np.inf:
        raise ValueError("no alignment with a finite score: every path crosses a -inf log-posterior")
    path = np.empty(frames, dtype=np.int64)
    for t in range(frames - 1, -1, -1):
        path[t] = state
        state -= shifts[t, state]

    segments = []
    for i, phone in enumerate(targets):
        on = np.flatnonzero(path == 2 * i + 1)
        start, end = int(on[0]), int(on[-1]) + 1
        segments.append(Segment(phone, start, end, _mean_score(log_probs, phone, start, end)))
    return Alignment(tuple(segments), total)


def phone_string(segments, symbols=phone_set.PHONES):
    """The space-separated phones of segments, as `wakestream transcribe-phones` prints them."""
    return " ".join(symbols[s.phone] for s in segments)


def segments_ms(segments, frame_ms=20, symbols=phone_set.PHONES):
    """[{"phone", "start_ms", "end_ms"}] of segments at frame_ms per output frame."""
    return [{"phone": symbols[s.phone], "start_ms": s.start * frame_ms, "end_ms": s.end * frame_ms}
            for s in segments]
