"""CTC greedy decoding and forced alignment on hand-made posteriors whose answer is known."""
import numpy as np
import pytest

from wakestream_training.phonetic import align, phones

HH, EY, JH, AA = (phones.index(p) for p in ("HH", "EY", "JH", "AA"))
V = len(phones.PHONES)


def posteriors(best, confidence=0.9):
    """log_probs [len(best), V]: frame t puts `confidence` on best[t], the rest spread evenly."""
    probs = np.full((len(best), V), (1 - confidence) / (V - 1))
    probs[np.arange(len(best)), best] = confidence
    return np.log(probs)


def spans(segments):
    return [(s.phone, s.start, s.end) for s in segments]


def test_greedy_collapses_repeats_and_drops_blanks():
    log_probs = posteriors([0, HH, HH, 0, EY, EY, EY, 0, 0, EY, JH])

    segments = align.greedy(log_probs)

    assert spans(segments) == [(HH, 1, 3), (EY, 4, 7), (EY, 9, 10), (JH, 10, 11)]
    assert align.phone_string(segments) == "HH EY EY JH"
    assert align.segments_ms(segments)[0] == {"phone": "HH", "start_ms": 20, "end_ms": 60}
    assert segments[0].score == pytest.approx(np.log(0.9))


def test_greedy_of_blanks_or_no_frames_is_empty():
    assert align.greedy(posteriors([0, 0, 0])) == []
    assert align.greedy(np.zeros((0, V))) == []


def test_forced_alignment_follows_clear_posteriors():
    log_probs = posteriors([0, 0, HH, HH, EY, 0, JH, JH, JH, AA, 0])

    result = align.force_align(log_probs, [HH, EY, JH, AA])

    assert spans(result.segments) == [(HH, 2, 4), (EY, 4, 5), (JH, 6, 9), (AA, 9, 10)]
    assert result.score == pytest.approx(11 * np.log(0.9))
    assert all(s.score == pytest.approx(np.log(0.9)) for s in result.segments)


def test_forced_alignment_places_a_phone_the_posteriors_miss():
    # EY never wins a frame; the alignment still gives it one frame, taken where it costs least.
    log_probs = posteriors([HH, HH, HH, 0, 0, JH, JH])
    log_probs[3, EY] = np.log(0.09)

    result = align.force_align(log_probs, [HH, EY, JH])

    assert spans(result.segments) == [(HH, 0, 3), (EY, 3, 4), (JH, 5, 7)]


def test_repeated_phone_needs_a_blank_between():
    log_probs = posteriors([EY, EY, EY, EY])
    log_probs[2, 0] = np.log(0.5)

    result = align.force_align(log_probs, [EY, EY])

    assert spans(result.segments) == [(EY, 0, 2), (EY, 3, 4)]
    assert align.frames_needed([EY, EY, HH, HH, HH]) == 8


def test_exactly_enough_frames_gives_the_only_path():
    result = align.force_align(posteriors([0, 0, 0]), [EY, EY])

    assert spans(result.segments) == [(EY, 0, 1), (EY, 2, 3)]


def test_too_few_frames_is_a_clear_error():
    with pytest.raises(ValueError, match="needs at least 3 frames"):
        align.force_align(posteriors([EY, EY]), [EY, EY])
    with pytest.raises(ValueError, match="needs at least 1 frames"):
        align.force_align(np.zeros((0, V)), [EY])


def test_blank_or_unknown_targets_and_impossible_posteriors_are_errors():
    with pytest.raises(ValueError, match="not a phone index"):
        align.force_align(posteriors([0, 0]), [0])
    with pytest.raises(ValueError, match="not a phone index"):
        align.force_align(posteriors([0, 0]), [V])
    log_probs = posteriors([0, EY])
    log_probs[:, EY] = -np.inf
    with np.errstate(divide="ignore"):
        with pytest.raises(ValueError, match="finite score"):
            align.force_align(log_probs, [EY])


def test_empty_transcript_aligns_every_frame_to_blank():
    result = align.force_align(posteriors([0, 0]), [])

    assert result.segments == ()
    assert result.score == pytest.approx(2 * np.log(0.9))


def test_ties_end_in_the_final_blank_and_stay_in_a_state():
    # Every path scores the same: it ends in the final blank and, traced back, stays there as long
    # as it can, so the phones take the first frames. Java breaks ties the same way.
    result = align.force_align(np.full((6, V), -np.log(V)), [HH, EY])

    assert spans(result.segments) == [(HH, 0, 1), (EY, 1, 2)]


def test_ten_seconds_align_every_phone_in_order():
    # About 30 ms here (500 frames, 120 phones); tests assert no times.
    rng = np.random.default_rng(3)
    logits = rng.standard_normal((500, V))  # 10 s at 20 ms per frame
    log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    targets = rng.integers(1, V, size=120)

    result = align.force_align(log_probs, targets)

    assert [s.phone for s in result.segments] == list(targets)
    assert all(a.end <= b.start for a, b in zip(result.segments, result.segments[1:]))
