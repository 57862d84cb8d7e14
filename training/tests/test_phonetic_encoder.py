import numpy as np
import pytest
import torch

from wakestream_training.phonetic.encoder import (EncoderConfig, PhoneticEncoder, output_frames, pad_stream,
                                                  silence_frame)

SMALL = EncoderConfig(channels=16, embedding=8)


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    m = PhoneticEncoder(SMALL).eval()
    # non-trivial BatchNorm statistics, so that eval mode is not the identity
    for module in m.modules():
        if isinstance(module, torch.nn.BatchNorm1d):
            module.running_mean.uniform_(-0.5, 0.5)
            module.running_var.uniform_(0.5, 2.0)
    return m


def test_look_ahead_is_at_most_320_ms():
    config = EncoderConfig()
    assert config.lookahead <= 32
    assert config.receptive == config.left_context + 2 + config.lookahead


@pytest.mark.parametrize("frames", [1, 2, 7, 50, 51])
def test_a_stream_of_n_frames_yields_ceil_n_over_2_outputs(model, frames):
    features = np.random.default_rng(frames).normal(-5, 2, (frames, 80)).astype(np.float32)
    log_probs, embeddings = model(torch.from_numpy(pad_stream(features, SMALL))[None])
    assert log_probs.shape == (1, output_frames(frames), 40)
    assert embeddings.shape == (1, output_frames(frames), 8)
    assert torch.allclose(log_probs.exp().sum(-1), torch.ones(1, output_frames(frames)), atol=1e-5)


def test_output_u_reads_only_its_receptive_span(model):
    """Changing an input frame outside [2u - left_context, 2u + 1 + lookahead] leaves output u unchanged."""
    rng = np.random.default_rng(1)
    features = rng.normal(-5, 2, (120, 80)).astype(np.float32)
    padded = pad_stream(features, SMALL)
    before, _ = model(torch.from_numpy(padded)[None])
    u = 30
    last_read = SMALL.left_context + 2 * u + 1 + SMALL.lookahead  # in padded frames
    changed = padded.copy()
    changed[last_read + 1:] += 3.0
    changed[:2 * u - 1] -= 3.0
    after, _ = model(torch.from_numpy(changed)[None])
    assert torch.allclose(before[0, u], after[0, u], atol=1e-6)
    changed[last_read] += 3.0
    moved, _ = model(torch.from_numpy(changed)[None])
    assert not torch.allclose(before[0, u], moved[0, u], atol=1e-6)


def test_windows_of_any_size_give_the_whole_stream_result(model):
    rng = np.random.default_rng(2)
    padded = pad_stream(rng.normal(-5, 2, (101, 80)).astype(np.float32), SMALL)
    whole, _ = model(torch.from_numpy(padded)[None])
    pieces, u = [], 0
    while u < whole.shape[1]:
        count = int(rng.integers(1, 9))
        start = 2 * u
        window = padded[start:start + SMALL.receptive + 2 * (count - 1)]
        out, _ = model(torch.from_numpy(window)[None])
        pieces.append(out[0])
        u += out.shape[1]
    assert torch.allclose(torch.cat(pieces)[:whole.shape[1]], whole[0], atol=1e-5)


def test_silence_frame_is_the_log_floor():
    assert np.allclose(silence_frame(80), np.log(1e-6))
