"""Golden fixture that pins the Java phonetic encoder (io.wakestream.common.phonetic) to the toolkit.

Writes, for one WAV, the whole-file run of an encoder (the torch model on pad_stream of the
reference frontend's 80-bin frames): log_probs, embeddings, the greedy phones and a forced alignment
of a known transcript (align.py). The encoder is either a model directory (model.onnx and
manifest.json; the network is rebuilt from the graph's weights, since the toolkit has no ONNX
runtime) or, by default, a tiny randomly initialised PhoneticEncoder that is exported with its
manifest into a test models root, so that Java loads it through ModelRepository with sha256 checks.

    python3 -m wakestream_training.phonetic.golden            # the unit tests' fixture (run in training/)
    python3 -m wakestream_training.phonetic.golden --model-dir ../models/phonetic-encoder/1.0.0 --out DIR
"""
import argparse
import dataclasses
import json
import pathlib

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from .. import audio, frontend
from . import align, encoder_manifest, phones
from .encoder import EncoderConfig, PhoneticEncoder, pad_stream, parameter_count
from .encoder_export import export_onnx

REPOSITORY = pathlib.Path(__file__).resolve().parents[3]
TEST_RESOURCES = REPOSITORY / "common/src/test/resources"
SAMPLE = REPOSITORY / "common/src/main/resources/samples/hey-jarvis-timer.wav"
TINY_CONFIG = EncoderConfig(channels=16, embedding=8)
TINY_VERSION = "0.0.0-tiny"
TRANSCRIPT = "HH EY JH AA R V IH S"


def tiny_encoder(seed=8):
    """A PhoneticEncoder of TINY_CONFIG with seeded random weights and BatchNorm statistics (so that
    the exporter's folding is exercised), in eval mode. Untrained: its phones mean nothing."""
    torch.manual_seed(seed)
    model = PhoneticEncoder(TINY_CONFIG)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm1d):
                module.running_mean.uniform_(-0.5, 0.5)
                module.running_var.uniform_(0.5, 2.0)
                module.weight.uniform_(0.5, 1.5)
                module.bias.uniform_(-0.2, 0.2)
        # Peakier posteriors than the default init gives, so that the best phone of a frame wins by
        # more than the Java-vs-torch rounding and greedy decoding is comparable across the two.
        model.classify.weight.mul_(8.0)
    return model.eval()


def write_test_model(model, root=TEST_RESOURCES / "models", version=TINY_VERSION):
    """Export `model` as root/phonetic-encoder/<version>/{model.onnx, manifest.json}; returns the directory."""
    directory = pathlib.Path(root) / encoder_manifest.NAME / version
    directory.mkdir(parents=True, exist_ok=True)
    model_path = directory / "model.onnx"
    export_onnx(model, model_path)
    training = {"recipe": "wakestream_training.phonetic.golden: random initialisation, never trained (a test model)",
                "data": [], "notes": "test fixture only; its posteriors are not phones of the audio"}
    manifest = encoder_manifest.build_manifest(version, model_path, model.config, parameter_count(model),
                                               training, {})
    manifest["source"]["license"] = "Apache-2.0"
    encoder_manifest.write_manifest(directory / "manifest.json", manifest)
    return directory


def encoder_from_onnx(model_dir):
    """The PhoneticEncoder of an exported model directory: the architecture from its manifest, the
    weights from the graph's Conv nodes in order (stem, each block's depthwise and pointwise, embed,
    classify) and the BatchNormalization node after a Conv where the exporter kept one. Where it
    folded BatchNorm into the Conv (encoder_export does, in eval mode), the BatchNorm here becomes the
    identity plus the folded bias."""
    model_dir = pathlib.Path(model_dir)
    manifest = json.loads((model_dir / "manifest.json").read_text())
    fields = {f.name for f in dataclasses.fields(EncoderConfig)}
    config = EncoderConfig(**{k: tuple(v) if isinstance(v, list) else v
                              for k, v in manifest["architecture"].items() if k in fields})
    graph = onnx.load(str(model_dir / manifest["files"]["model"]["path"])).graph
    weights = {w.name: numpy_helper.to_array(w).copy() for w in graph.initializer}
    # Some exporters keep weights as Constant nodes rather than initializers.
    weights.update({node.output[0]: numpy_helper.to_array(node.attribute[0].t).copy()
                    for node in graph.node if node.op_type == "Constant" and node.attribute[0].name == "value"})
    # The exporter shares equal constants (zero biases) through Identity nodes.
    weights.update({node.output[0]: weights[node.input[0]]
                    for node in graph.node if node.op_type == "Identity" and node.input[0] in weights})
    convs, normalization = [], {}
    for node in graph.node:
        # the per-band normalisation ((features - mean) * scale) comes before the first Conv
        if node.op_type in ("Sub", "Mul") and not convs:
            constant = next(weights[name] for name in node.input if name in weights)
            normalization[node.op_type] = constant
        elif node.op_type == "Conv":
            weight, *bias = [weights[name] for name in node.input[1:]]
            convs.append({"weight": weight, "bias": bias[0] if bias else np.zeros(weight.shape[0], np.float32)})
        elif node.op_type == "BatchNormalization":
            epsilon = next((a.f for a in node.attribute if a.name == "epsilon"), 1e-5)
            convs[-1]["norm"] = [weights[name] for name in node.input[1:5]] + [epsilon]
    model = PhoneticEncoder(config).eval()
    layers = [(model.stem, model.stem_norm)]
    for block in model.blocks:
        layers += [(block.depthwise, block.norm1), (block.pointwise, block.norm2)]
    layers += [(model.embed, None), (model.classify, None)]
    if len(convs) != len(layers):
        raise ValueError(f"{model_dir}: graph has {len(convs)} Conv nodes, the manifest's architecture {len(layers)}")
    with torch.no_grad():
        model.mean.copy_(torch.from_numpy(normalization.get("Sub", np.zeros(config.n_mels, np.float32))))
        model.scale.copy_(torch.from_numpy(normalization.get("Mul", np.ones(config.n_mels, np.float32))))
        for (conv, norm), found in zip(layers, convs):
            conv.weight.copy_(torch.from_numpy(found["weight"]))
            bias = torch.from_numpy(found["bias"])
            if norm is None:
                conv.bias.copy_(bias)
            elif "norm" in found:
                scale, shift, mean, var, norm.eps = found["norm"]
                norm.weight.copy_(torch.from_numpy(scale))
                norm.bias.copy_(torch.from_numpy(shift))
                # conv(x) + b normalised with mean m is conv(x) normalised with mean m - b
                norm.running_mean.copy_(torch.from_numpy(mean) - bias)
                norm.running_var.copy_(torch.from_numpy(var))
            else:
                norm.running_mean.zero_()
                norm.running_var.fill_(1.0 - norm.eps)
                norm.weight.fill_(1.0)
                norm.bias.copy_(bias)
    return model, manifest


def whole_file_run(model, samples):
    """(features [N, n_mels], log_probs [U, phones], embeddings [U, embedding]) of one signal: the
    reference frontend, pad_stream, one forward pass; U = ceil(N / 2)."""
    features = frontend.log_mel(samples, model.config.n_mels).astype(np.float32)
    with torch.no_grad():
        log_probs, embeddings = model(torch.from_numpy(pad_stream(features, model.config))[None])
    return features, log_probs[0].numpy(), embeddings[0].numpy()


def _floats(array):
    # float(np.float32) is the exact value; its repr reads back to the same float32 in Java.
    return [[float(v) for v in row] for row in array]


def _segments(segments, frame_ms):
    return [{"phone": phones.PHONES[s.phone], "start_frame": s.start, "end_frame": s.end, "score": s.score,
             **{k: v for k, v in align.segments_ms([s], frame_ms)[0].items() if k != "phone"}} for s in segments]


def write_fixture(model, model_id, out, wav=SAMPLE, seconds=2.0, transcript=TRANSCRIPT, frame_ms=20):
    """Write out/encoder-golden.wav (the first `seconds` of `wav`) and out/encoder-golden.json."""
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pcm = frontend.read_wav_int16(wav)[: int(seconds * frontend.SAMPLE_RATE)]
    frontend.write_wav_int16(out / "encoder-golden.wav", pcm)
    features, log_probs, embeddings = whole_file_run(model, audio.read_wav(out / "encoder-golden.wav"))
    greedy = align.greedy(log_probs)
    targets = [phones.index(p) for p in transcript.split()]
    alignment = align.force_align(log_probs, targets)
    top2 = np.sort(log_probs, axis=1)[:, -2:]
    payload = {
        "wav": "encoder-golden.wav", "model": model_id, "n_mels": model.config.n_mels,
        "input_frames": int(features.shape[0]), "outputs": int(log_probs.shape[0]), "output_frame_ms": frame_ms,
        "min_top2_margin": float(np.min(top2[:, 1] - top2[:, 0])),
        "greedy": {"phones": align.phone_string(greedy), "segments": _segments(greedy, frame_ms)},
        "alignment": {"transcript": transcript, "score": alignment.score,
                      "segments": _segments(alignment.segments, frame_ms)},
        "log_probs": _floats(log_probs), "embeddings": _floats(embeddings),
    }
    (out / "encoder-golden.json").write_text(json.dumps(payload) + "\n")
    return payload


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", type=pathlib.Path,
                        help="an exported encoder (model.onnx + manifest.json); default: write the tiny test model")
    parser.add_argument("--models-root", type=pathlib.Path, default=TEST_RESOURCES / "models",
                        help="where the tiny test model goes (default: %(default)s)")
    parser.add_argument("--out", type=pathlib.Path, default=TEST_RESOURCES / "phonetic",
                        help="fixture directory (default: %(default)s)")
    parser.add_argument("--wav", type=pathlib.Path, default=SAMPLE, help="16 kHz mono 16-bit WAV (default: %(default)s)")
    parser.add_argument("--seconds", type=float, default=2.0, help="leading seconds of the WAV to keep")
    parser.add_argument("--transcript", default=TRANSCRIPT, help="ARPAbet phones to force-align")
    args = parser.parse_args()
    torch.set_num_threads(1)
    if args.model_dir:
        model, manifest = encoder_from_onnx(args.model_dir)
    else:
        model = tiny_encoder()
        manifest = json.loads((write_test_model(model, args.models_root) / "manifest.json").read_text())
    model_id = f"{manifest['name']}/{manifest['version']}"
    payload = write_fixture(model, model_id, args.out, args.wav, args.seconds, args.transcript,
                            manifest["frontend"]["parameters"]["output_frame_ms"])
    print(f"{model_id}: {payload['outputs']} outputs of {payload['input_frames']} frames, greedy "
          f"'{payload['greedy']['phones']}', smallest top-2 margin {payload['min_top2_margin']:.2e}")


if __name__ == "__main__":
    main()
