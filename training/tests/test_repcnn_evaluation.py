"""Streaming evaluation of the RepCNN detector: smoothing, refractory detections, FRR and false accepts per hour."""
import numpy as np
import pytest

from wakestream_training import frontend
from wakestream_training.repcnn import augment, corpus, evaluate
from wakestream_training.repcnn.manifest import detector_parameters
from wakestream_training.repcnn.model import RepCNNConfig

CONFIG = RepCNNConfig()
HOP = CONFIG.hop_frames * frontend.HOP_LENGTH


def test_window_ends_follow_the_hop_after_the_first_full_window():
    ends = evaluate.window_end_samples(CONFIG.window_frames + 2 * CONFIG.hop_frames + 3, CONFIG)
    first = frontend.FRAME_LENGTH + (CONFIG.window_frames - 1) * frontend.HOP_LENGTH
    assert ends.tolist() == [first, first + HOP, first + 2 * HOP]


def test_smoothing_is_a_trailing_mean_with_a_short_start():
    smoothed = evaluate.smooth(np.array([0.0, 3.0, 6.0, 9.0], dtype=np.float32), 3)
    assert smoothed.tolist() == pytest.approx([0.0, 1.5, 3.0, 6.0])


def test_refractory_period_suppresses_repeated_detections():
    ends = np.arange(1, 41) * HOP
    scores = np.zeros(40, dtype=np.float32)
    scores[[5, 6, 7, 30]] = 0.9  # one keyword held for three hops, another much later
    fired = evaluate.detections(ends, scores, 0.5, refractory_samples=frontend.SAMPLE_RATE)
    assert fired == [ends[5], ends[30]]


def test_stream_result_counts_misses_and_false_accepts():
    detector = detector_parameters(CONFIG, smoothing_windows=1, refractory_seconds=1.0)
    ends = np.arange(1, 201) * HOP  # 200 hops = 16 s
    positive_scores = np.zeros(200, dtype=np.float32)
    positive_scores[20] = 0.9      # the first keyword is found, the second only weakly
    positive_scores[120] = 0.3
    intervals = [[ends[15], ends[18]], [ends[115], ends[118]]]
    negative_scores = np.zeros(200, dtype=np.float32)
    negative_scores[[50, 150]] = [0.6, 0.95]
    hours = 16.0 / 3600.0
    result = evaluate.StreamResult((ends, positive_scores), (ends, negative_scores), intervals, hours, detector)
    assert result.at(0.5) == pytest.approx({"threshold": 0.5, "frr": 0.5, "fa_per_hour": 2 / hours})
    assert result.at(0.8)["fa_per_hour"] == pytest.approx(1 / hours)
    det = result.det()
    assert all(np.diff(det["threshold"]) > 0)
    assert all(np.diff(det["frr"]) >= 0) and all(np.diff(det["fa_per_hour"]) <= 0)
    assert evaluate.frr_at_fa(det, target=1 / hours) == {"frr": 0.5, "threshold": pytest.approx(0.6, abs=1e-3)}


def test_mixing_reaches_the_requested_snr():
    rng = np.random.default_rng(0)
    signal = np.sin(np.linspace(0, 2000, 16000))
    noise = augment.coloured_noise(16000, 1.0, rng)
    mixed = augment.mix_at_snr(signal, noise, 10.0)
    snr = 10 * np.log10(np.mean(signal ** 2) / np.mean((mixed - signal) ** 2))
    assert snr == pytest.approx(10.0, abs=0.01)


def test_room_impulse_response_decays_and_has_unit_energy():
    rir = augment.room_impulse_response(np.random.default_rng(1))
    assert np.sum(rir ** 2) == pytest.approx(1.0)
    quarter = rir.size // 4
    assert np.sum(rir[-quarter:] ** 2) < 0.01 * np.sum(rir[:quarter] ** 2)


def test_voices_of_the_splits_are_disjoint():
    voices = corpus.split_voices()
    train, val, test = (set(voices[s]) for s in ("train", "val", "test"))
    assert train and val and test
    assert not (train & val or train & test or val & test)
