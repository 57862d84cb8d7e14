"""Keyword verification: DSP optimality and its batched twin, AUC/EER, phrase pairs, the verifier's shapes."""
import itertools

import numpy as np
import pytest
import torch

from wakestream_training.kws import dsp, pairs
from wakestream_training.kws.metrics import auc, eer, threshold_at_frr
from wakestream_training.kws.search import spans
from wakestream_training.kws.verifier import Verifier, batched_partition, pooled_segments, segment_posteriors


def brute_force(similarity):
    frames, units = similarity.shape
    best = -np.inf
    for cuts in itertools.combinations(range(1, frames), units - 1):
        edges = (0,) + cuts + (frames,)
        best = max(best, sum(similarity[a:b, k].sum() for k, (a, b) in enumerate(zip(edges[:-1], edges[1:]))))
    return best


def test_dsp_is_optimal_on_every_small_size():
    rng = np.random.default_rng(3)
    for frames in range(1, 8):
        for units in range(1, frames + 1):
            s = rng.normal(size=(frames, units))
            p = dsp.partition(s)
            assert p.score == pytest.approx(brute_force(s), abs=1e-9)
            assert p.bounds[0][0] == 0 and p.bounds[-1][1] == frames
            assert all(a < b for a, b in p.bounds)
            assert all(p.bounds[k][1] == p.bounds[k + 1][0] for k in range(units - 1))


def test_dsp_ties_stay_in_the_current_unit():
    # unit 1 opens at frame 1 (its only finite predecessor), then ties keep every frame in it
    assert dsp.partition(np.zeros((4, 2))).bounds == ((0, 1), (1, 4))


def test_dsp_rejects_fewer_frames_than_units():
    with pytest.raises(ValueError, match="T=2, K=3"):
        dsp.partition(np.zeros((2, 3)))


def test_batched_partition_matches_the_reference_on_padded_batches():
    rng = np.random.default_rng(5)
    matrices = [rng.integers(0, 3, size=(t, k)).astype(float) for t, k in [(9, 3), (4, 4), (12, 1), (7, 2)]]
    padded = np.zeros((len(matrices), 12, 4))
    for b, m in enumerate(matrices):
        padded[b, :m.shape[0], :m.shape[1]] = m
    assignment = batched_partition(torch.from_numpy(padded), torch.tensor([m.shape[0] for m in matrices]),
                                   torch.tensor([m.shape[1] for m in matrices]))
    for b, m in enumerate(matrices):
        expected = [k for k, (a, e) in enumerate(dsp.partition(m).bounds) for _ in range(a, e)]
        assert assignment[b, :m.shape[0]].tolist() == expected
        assert (assignment[b, m.shape[0]:] == -1).all()


def test_pooled_segments_are_speech_weighted_segment_means():
    embeddings = torch.arange(12, dtype=torch.float32).reshape(1, 6, 2)
    weights = torch.tensor([[1.0, 1.0, 0.0, 1.0, 3.0, 1.0]])
    pooled, counts, one_hot = pooled_segments(embeddings, weights, torch.tensor([[0, 0, 1, 1, 1, -1]]), 2)
    assert counts.tolist() == [[2.0, 3.0]]
    assert pooled[0].tolist() == [[1.0, 2.0], [7.5, 8.5]]
    posteriors = torch.zeros(1, 6, 40)
    posteriors[0, :, 7] = torch.tensor([0.1, 0.9, 0.2, 0.3, 0.4, 0.95])
    peaks = segment_posteriors(posteriors, torch.tensor([[7, 7]]), one_hot)
    assert peaks[0].tolist() == pytest.approx([0.9, 0.4])


def test_auc_and_eer():
    assert auc([2, 3], [0, 1]) == 1.0
    assert auc([0, 1], [2, 3]) == 0.0
    assert auc([1], [1]) == 0.5
    rate, _ = eer([0.9, 0.8, 0.3], [0.1, 0.2, 0.85])
    assert rate == pytest.approx(1 / 3, abs=0.05)
    assert threshold_at_frr([0.1, 0.5, 0.9, 0.95], 0.25) == 0.5


def test_spans_cover_the_audio_with_a_last_span_at_the_end():
    assert spans(40, 50) == [(0, 40)]
    assert spans(62, 50, 5) == [(0, 50), (5, 55), (10, 60), (12, 62)]


def test_phone_edits_change_the_phrase():
    rng = np.random.default_rng(0)
    phrase = (12, 13, 17, 28, 29)
    for edits in (1, 2, 3):
        edited = pairs.phone_edits(phrase, rng, edits)
        assert edited != phrase and len(edited) >= 1


def test_window_holds_the_words():
    rng = np.random.default_rng(1)
    for _ in range(100):
        start, end = pairs.window(30, 60, 200, 60, rng)
        assert start <= 30 and end >= 60 and end - start == 60


def test_verifier_accepts_one_unpadded_example_and_a_padded_batch_alike():
    torch.manual_seed(0)
    table = np.eye(40, 128)
    model = Verifier(table).eval()
    similarity, pooled = torch.randn(1, 30, 5), torch.randn(1, 5, 128)
    vectors, frames = torch.randn(1, 5, 128), torch.full((1, 5), 6.0)
    peaks = torch.rand(1, 5)
    alone = model(similarity, pooled, vectors, frames, peaks)
    pad = lambda x, shape: torch.cat([x, torch.zeros(shape)], dim=1)
    padded = model(pad(similarity, (1, 4, 5)).repeat(2, 1, 1)[:, :, :5], pooled.repeat(2, 1, 1),
                   vectors.repeat(2, 1, 1), frames.repeat(2, 1), peaks.repeat(2, 1),
                   frame_mask=(torch.arange(34) < 30).float()[None].repeat(2, 1),
                   unit_mask=torch.ones(2, 5))
    assert torch.allclose(alone, padded[:1], atol=1e-5)
