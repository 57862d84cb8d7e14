"""RepCNN folding: the folded single-branch network computes what the multi-branch one computes."""
import shutil
import subprocess

import numpy as np
import onnx
import pytest
import scipy.io.wavfile
import scipy.signal
import torch

from wakestream_training import frontend
from wakestream_training.repcnn.costs import inference_costs
from wakestream_training.repcnn.export import INPUT_NAME, OUTPUT_NAME, export_onnx, fan_out, op_counts
from wakestream_training.repcnn.model import RepCNN, RepCNNConfig

CONFIG = RepCNNConfig()
TOLERANCE = 1e-4


def trained_briefly(branches, seed=0):
    """A network after a few optimiser steps, so that every batch norm has non-trivial statistics and affine terms."""
    torch.manual_seed(seed)
    model = RepCNN(CONFIG, branches)
    model.feature_mean.uniform_(-8.0, -2.0)
    model.feature_scale.uniform_(0.2, 0.5)
    optimiser = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(5):
        features = torch.randn(8, CONFIG.window_frames, CONFIG.n_mels) * 3.0 - 5.0
        labels = torch.randint(0, 2, (8,)).float()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(model.logits(features), labels)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    return model.eval()


def espeak_features(text, tmp_path):
    """Log-mel frames of espeak-ng speaking text, resampled from 22050 Hz to 16 kHz."""
    path = tmp_path / "speech.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(path), text], check=True)
    rate, pcm = scipy.io.wavfile.read(path)
    samples = scipy.signal.resample_poly(pcm.astype(np.float64) / 32768.0, frontend.SAMPLE_RATE, rate)
    return frontend.log_mel(samples, CONFIG.n_mels)


@pytest.mark.parametrize("branches", ["rep", "direct"])
def test_folded_equals_multi_branch_on_random_windows(branches):
    model = trained_briefly(branches)
    folded = model.fold()
    features = torch.randn(16, CONFIG.window_frames, CONFIG.n_mels) * 3.0 - 5.0
    with torch.no_grad():
        difference = (model.logits(features) - folded.logits(features)).abs().max().item()
    assert difference < TOLERANCE


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")
def test_folded_equals_multi_branch_on_speech(tmp_path):
    features = espeak_features("hey jarvis, what is the weather like tomorrow in the city", tmp_path)
    assert features.shape[0] > CONFIG.window_frames
    starts = range(0, features.shape[0] - CONFIG.window_frames + 1, CONFIG.hop_frames)
    windows = torch.tensor(np.stack([features[s:s + CONFIG.window_frames] for s in starts]), dtype=torch.float32)
    model = trained_briefly("rep", seed=1)
    folded = model.fold()
    with torch.no_grad():
        branches_out, folded_out = model.logits(windows), folded.logits(windows)
    assert (branches_out - folded_out).abs().max().item() < TOLERANCE
    assert branches_out.std().item() > 0.0  # the windows really differ, so the comparison covers real inputs


def test_multi_branch_network_has_more_parameters_than_its_folded_form():
    model = trained_briefly("rep")
    folded = model.fold()
    assert sum(p.numel() for p in model.parameters()) > sum(p.numel() for p in folded.parameters())
    assert all(block.branch_count > 1 for block in model.blocks)


def test_exported_graph_has_one_convolution_per_block_and_no_branches(tmp_path):
    model = trained_briefly("rep")
    graph = export_onnx(model.fold(), tmp_path / "model.onnx")
    ops = op_counts(graph)
    assert ops["Conv"] == len(model.blocks)
    assert ops["BatchNormalization"] == 0 and ops["Add"] == 0 and ops["Sum"] == 0
    assert fan_out(graph) == {}
    (graph_input,), (graph_output,) = graph.graph.input, graph.graph.output
    assert graph_input.name == INPUT_NAME and graph_output.name == OUTPUT_NAME
    dims = graph_input.type.tensor_type.shape.dim
    assert dims[0].dim_param == "batch"
    assert [d.dim_value for d in dims[1:]] == [CONFIG.window_frames, CONFIG.n_mels]


def test_costs_match_the_exported_convolutions(tmp_path):
    folded = trained_briefly("rep").fold()
    graph = export_onnx(folded, tmp_path / "model.onnx")
    weights = {init.name: tuple(init.dims) for init in graph.graph.initializer}
    length, conv_macs = CONFIG.window_frames, 0
    for node in graph.graph.node:
        if node.op_type == "Conv":
            out_channels, in_per_group, kernel = weights[node.input[1]]
            stride = next(a.ints[0] for a in node.attribute if a.name == "strides")
            length = (length - 1) // stride + 1
            conv_macs += length * out_channels * in_per_group * kernel
    costs = inference_costs(folded)
    assert costs["macs_per_window"] == conv_macs + CONFIG.channels
    assert costs["parameters"] == sum(int(np.prod(shape)) for shape in weights.values()) - 2 * CONFIG.n_mels
    assert 10_000 < costs["parameters"] < 100_000


def test_exported_file_loads_back_into_the_same_network(tmp_path):
    from wakestream_training.repcnn.samples import load_onnx_as_torch
    folded = trained_briefly("rep", seed=2).fold()
    export_onnx(folded, tmp_path / "model.onnx")
    reloaded = load_onnx_as_torch(tmp_path / "model.onnx", CONFIG)
    features = torch.randn(4, CONFIG.window_frames, CONFIG.n_mels) * 3.0 - 5.0
    with torch.no_grad():
        assert torch.equal(folded(features), reloaded(features))
