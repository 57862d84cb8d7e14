import json
import pathlib

import numpy as np
import torch

from wakestream_training import frontend
from wakestream_training.torch_frontend import LogMel

FIXTURE = pathlib.Path(__file__).resolve().parents[2] / "common/src/test/resources/frontend"


def test_equals_numpy_reference_on_random_signals_in_double_and_single_precision():
    rng = np.random.default_rng(3)
    for n_mels in (40, 80):
        for length in (400, 401, 560, 16000 + 37):
            signal = rng.uniform(-0.5, 0.5, length)
            reference = frontend.log_mel(signal, n_mels)
            double = LogMel(n_mels, torch.float64)(torch.tensor(signal)).numpy()
            single = LogMel(n_mels)(torch.tensor(signal, dtype=torch.float32)).numpy()
            assert double.shape == reference.shape == single.shape
            assert np.max(np.abs(double - reference)) < 1e-9
            assert np.max(np.abs(single - reference)) < 1e-3


def test_matches_the_golden_fixture_the_java_frontend_is_pinned_to():
    pcm = frontend.read_wav_int16(FIXTURE / "golden.wav")
    for n_mels in (40, 80):
        golden = np.asarray(json.loads((FIXTURE / f"golden-logmel-{n_mels}.json").read_text())["features"])
        features = LogMel(n_mels, torch.float64)(torch.tensor(frontend.int16_to_float(pcm))).numpy()
        assert np.max(np.abs(features - golden)) < 1e-5


def test_batches_and_short_inputs():
    batch = torch.zeros(3, 1600)
    assert LogMel(40)(batch).shape == (3, 8, 40)
    assert LogMel(40)(torch.zeros(2, 399)).shape == (2, 0, 40)


def test_is_differentiable():
    signal = torch.randn(800, requires_grad=True)
    LogMel(40)(signal).sum().backward()
    assert signal.grad is not None and torch.isfinite(signal.grad).all()
