"""ONNX export of the phonetic encoder.

The graph takes `features` [1, T, n_mels] (log-mel frames, oldest first; T is dynamic, at least
`receptive`) and returns `log_probs` [1, U, 40] (natural-log phone posteriors, index 0 = CTC blank,
then the phones of arpabet.txt) and `embeddings` [1, U, embedding] with U = floor((T - left_context -
lookahead) / 2). BatchNorm is folded into the convolutions by the exporter (eval mode).
"""
import onnx
import torch

INPUT_NAME = "features"
OUTPUTS = ("log_probs", "embeddings")
OPSET = 13


def export_onnx(model, path):
    config = model.config
    model = model.eval()
    example = torch.zeros(1, config.receptive + 2 * 8, config.n_mels)
    torch.onnx.export(model, example, str(path), input_names=[INPUT_NAME], output_names=list(OUTPUTS),
                      dynamic_axes={INPUT_NAME: {1: "frames"}, OUTPUTS[0]: {1: "outputs"}, OUTPUTS[1]: {1: "outputs"}},
                      opset_version=OPSET, do_constant_folding=True)
    exported = onnx.load(str(path))
    onnx.checker.check_model(exported)
    return exported


def io_specs(config):
    """The manifest's inputs and outputs (-1: dynamic)."""
    return ([{"name": INPUT_NAME, "dtype": "float32", "shape": [1, -1, config.n_mels]}],
            [{"name": OUTPUTS[0], "dtype": "float32", "shape": [1, -1, config.phones]},
             {"name": OUTPUTS[1], "dtype": "float32", "shape": [1, -1, config.embedding]}])
