"""ONNX export of the lattice GNN and the files a model folder holds (model.onnx, words.txt, manifest.json)."""
import json
import pathlib

import torch

from ..provenance import sha256
from .graph import FEATURES
from .model import LatticeGnn

TASK = "false-trigger-mitigation"
INPUTS = ("word_ids", "arc_features", "adjacency", "mask")
OUTPUT = "p_addressed"
OPSET = 14


class _Probability(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, word_ids, arc_features, adjacency, mask):
        return self.model(word_ids, arc_features, adjacency, mask)


def io_specs(max_arcs):
    f = len(FEATURES)
    shapes = {"word_ids": [-1, max_arcs], "arc_features": [-1, max_arcs, f], "adjacency": [-1, max_arcs, max_arcs],
              "mask": [-1, max_arcs]}
    inputs = [{"name": name, "dtype": "float32", "shape": shapes[name]} for name in INPUTS]
    return inputs, [{"name": OUTPUT, "dtype": "float32", "shape": [-1]}]


def export_onnx(model: LatticeGnn, path, max_arcs):
    """Writes the model's graph: inputs INPUTS padded to max_arcs, batch dynamic, output p_addressed [B]."""
    model = model.eval()
    b, f = 2, len(FEATURES)
    example = (torch.zeros(b, max_arcs), torch.zeros(b, max_arcs, f), torch.zeros(b, max_arcs, max_arcs),
               torch.ones(b, max_arcs))
    dynamic = {name: {0: "batch"} for name in INPUTS}
    dynamic[OUTPUT] = {0: "batch"}
    with torch.no_grad():
        torch.onnx.export(_Probability(model), example, str(path), input_names=list(INPUTS), output_names=[OUTPUT],
                          dynamic_axes=dynamic, opset_version=OPSET)


def write_model(out, model, words, max_arcs, policy, manifest_fields):
    """Writes model.onnx, words.txt and manifest.json into `out`; manifest_fields adds name, version,
    description, training, evaluation, source (and may add to architecture)."""
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    export_onnx(model, out / "model.onnx", max_arcs)
    (out / "words.txt").write_text("".join(f"{w}\n" for w in words))
    inputs, outputs = io_specs(max_arcs)
    architecture = {"variant": model.config.variant, "max_arcs": max_arcs, "features": list(FEATURES),
                    "word_dim": model.config.word_dim, "hidden": model.config.hidden, "layers": model.config.layers,
                    "heads": model.config.heads if model.config.variant == "attention" else None,
                    "vocabulary": len(words) + 2,
                    "parameters": sum(p.numel() for p in model.parameters()),
                    "pruning": "lattices with more than max_arcs arcs keep the max_arcs arcs of highest posterior",
                    "policy": policy}
    architecture.update(manifest_fields.pop("architecture", {}))
    manifest = {"task": TASK, **manifest_fields,
                "files": {"model": {"path": "model.onnx", "sha256": sha256(out / "model.onnx"), "inputs": inputs,
                                    "outputs": outputs},
                          "vocabulary": {"path": "words.txt", "sha256": sha256(out / "words.txt")}},
                "architecture": {k: v for k, v in architecture.items() if v is not None}}
    order = ("name", "version", "task", "description", "files", "architecture", "thresholds", "training", "evaluation", "source")
    manifest = {k: manifest[k] for k in order if k in manifest} | {k: v for k, v in manifest.items() if k not in order}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest
