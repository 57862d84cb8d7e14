"""The boundary-error measure of forced alignment against TTS phone timings, checked with posteriors
made from the timings themselves (an encoder that is right everywhere)."""
import numpy as np

from wakestream_training.phonetic import align, boundaries, phones
from wakestream_training.tts import Timing

TIMINGS = [Timing("pau", 0.0, 0.119), Timing("hh", 0.119, 0.23), Timing("ey", 0.23, 0.327), Timing("jh", 0.327, 0.437),
           Timing("aa", 0.437, 0.471), Timing("r", 0.471, 0.538), Timing("v", 0.538, 0.604), Timing("ax", 0.604, 0.701),
           Timing("s", 0.701, 0.819), Timing("pau", 0.819, 1.0)]


def oracle_log_probs(timings, outputs, frame_ms=20):
    """Each output's best phone is the one sounding at its middle (blank in pauses), with 0.9 of the mass."""
    best = np.zeros(outputs, dtype=int)
    for u in range(outputs):
        middle = (u + 0.5) * frame_ms / 1000
        for t in timings:
            if t.start <= middle < t.end and t.label != "pau":
                best[u] = phones.index(boundaries.REDUCED.get(t.label, t.label).upper())
    probs = np.full((outputs, len(phones.PHONES)), 0.1 / (len(phones.PHONES) - 1))
    probs[np.arange(outputs), best] = 0.9
    return np.log(probs)


def test_engine_phones_become_arpabet_without_pauses():
    reference = boundaries.reference_phones(TIMINGS)

    assert [phones.PHONES[p] for p, _ in reference] == "HH EY JH AA R V AH S".split()
    assert reference[0] == (phones.index("HH"), 0.119)
    assert boundaries.reference_phones([Timing("h", 0.0, 0.1)]) is None


def test_an_encoder_that_is_right_everywhere_has_onsets_within_one_output():
    reference = boundaries.reference_phones(TIMINGS)
    alignment = align.force_align(oracle_log_probs(TIMINGS, 50), [p for p, _ in reference])

    errors = boundaries.onset_errors_ms(alignment, reference)

    assert errors.shape == (8,)
    assert np.max(errors) <= 20
    assert boundaries.summary([errors])["phones"] == 8
    assert boundaries.summary([errors])["median_ms"] <= 10


def test_phrases_start_with_the_wake_phrases_and_are_fixed():
    texts = boundaries.phrases(6)

    assert texts[:3] == list(boundaries.WAKE_PHRASES)
    assert len(texts) == 6 and texts == boundaries.phrases(6)
    assert boundaries.summary([]) == {"phones": 0}
