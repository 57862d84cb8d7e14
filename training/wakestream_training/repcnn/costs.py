"""Inference costs of a folded RepCNN for the manifest: parameters, MACs per second of audio, peak memory.

Counted on the folded (deployed) network at batch 1. MACs count the multiply-accumulates of the
convolutions and the classifier; the elementwise normalisation, ReLUs and pooling are left out (they
are a few thousand operations per window). A stream runs one window every hop, so MACs per second of
audio = MACs per window x windows per second. Peak activation memory is the largest sum of one
layer's input and output tensors (float32), which is what a layer-by-layer runtime must hold at once.
"""
import torch
from torch import nn

from wakestream_training import frontend

FLOAT_BYTES = 4


def layer_shapes(folded):
    """(layer, input shape, output shape) of every conv and linear layer for one window, in order."""
    config = folded.config
    shapes = []
    hooks = [module.register_forward_hook(lambda m, i, o: shapes.append((m, tuple(i[0].shape), tuple(o.shape))))
             for module in folded.modules() if isinstance(module, (nn.Conv1d, nn.Linear))]
    try:
        with torch.no_grad():
            folded(torch.zeros(1, config.window_frames, config.n_mels))
    finally:
        for hook in hooks:
            hook.remove()
    return shapes


def macs(module, output_shape):
    if isinstance(module, nn.Conv1d):
        out_channels, out_length = output_shape[1], output_shape[2]
        return out_length * out_channels * (module.in_channels // module.groups) * module.kernel_size[0]
    return module.in_features * module.out_features


def inference_costs(folded):
    config = folded.config
    shapes = layer_shapes(folded)
    window_macs = sum(macs(module, out) for module, _, out in shapes)
    windows_per_second = frontend.SAMPLE_RATE / (config.hop_frames * frontend.HOP_LENGTH)
    input_elements = config.window_frames * config.n_mels
    peak_elements = max([2 * input_elements] +  # the input window and its normalised copy
                        [_elements(i) + _elements(o) for _, i, o in shapes])
    return {
        "parameters": sum(p.numel() for p in folded.parameters()),
        "macs_per_window": window_macs,
        "windows_per_second": windows_per_second,
        "macs_per_second": round(window_macs * windows_per_second),
        "peak_activation_bytes": peak_elements * FLOAT_BYTES,
    }


def _elements(shape):
    count = 1
    for size in shape:
        count *= size
    return count
