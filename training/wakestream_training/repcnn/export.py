"""ONNX export of a folded RepCNN and the structural checks on the exported graph.

The graph takes `features` [batch, frames, n_mels] (log-mel frames, oldest first) and returns `score`
[batch] (wake-word probability of each window); the batch axis is dynamic so that a server can
micro-batch windows of many streams into one call.
"""
import collections

import onnx
import torch

INPUT_NAME = "features"
OUTPUT_NAME = "score"
OPSET = 13


def export_onnx(folded, path):
    config = folded.config
    folded = folded.eval()
    example = torch.zeros(1, config.window_frames, config.n_mels)
    torch.onnx.export(folded, example, str(path), input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
                      dynamic_axes={INPUT_NAME: {0: "batch"}, OUTPUT_NAME: {0: "batch"}},
                      opset_version=OPSET, do_constant_folding=True)
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    return model


def op_counts(model):
    return collections.Counter(node.op_type for node in model.graph.node)


def fan_out(model):
    """Tensors read by more than one node: where a graph would split into parallel branches."""
    readers = collections.Counter(name for node in model.graph.node for name in node.input if name)
    initializers = {init.name for init in model.graph.initializer}
    return {name: count for name, count in readers.items() if count > 1 and name not in initializers}
