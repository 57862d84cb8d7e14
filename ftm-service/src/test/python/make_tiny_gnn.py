"""Writes ftm-service's test models, src/test/resources/models/ftm-lattice-gnn/0.0.0-tiny and
ftm-lattice-gnn-attention/0.0.0-tiny: the toolkit's lattice GNN (GCN and self-attention variants, hidden 8,
max_arcs 16) with random weights from a fixed seed, a six-word vocabulary and a
decision policy whose combinations weigh every present stage 1 (bias 0, threshold 0.5). Never trained: its
GNN scores mean nothing; the Java tests compare them with the scores this script writes to gnn-fixture.json
and gnn-fixture-attention.json (the same lattices through the Python feature builder and the PyTorch model).

Run with the toolkit's Python (torch, onnx): /usr/bin/python3 ftm-service/src/test/python/make_tiny_gnn.py
"""
import itertools
import json
import pathlib
import sys

import torch

ROOT = pathlib.Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "training"))

from wakestream_training.ftm import graph  # noqa: E402
from wakestream_training.ftm.export import write_model  # noqa: E402
from wakestream_training.ftm.model import GnnConfig, LatticeGnn  # noqa: E402

RESOURCES = ROOT / "ftm-service" / "src" / "test" / "resources"
MODELS = RESOURCES / "models"
WORDS = ["</s>", "hey", "jarvis", "set", "a", "timer"]
MAX_ARCS = 16


def policy():
    combos = {}
    for kws, ftm in itertools.product((False, True), repeat=2):
        stages = ["wakeword"] + (["kws"] if kws else []) + (["ftm"] if ftm else [])
        combos["+".join(stages)] = {"bias": 0.0, "weights": {s: 1.0 for s in stages}, "threshold": 0.5}
    return combos


def fixture_lattices():
    """Three lattices: an addressed request, a lattice of alternatives, and an empty one."""
    def arc(a, b, word, s, e, am, lm, post):
        return {"from": a, "to": b, "word": word, "start_frame": s, "end_frame": e, "am_cost": am, "lm_cost": lm, "posterior": post}
    request = {"nodes": 7, "frame_ms": 20, "arcs": [
        arc(0, 1, "hey", 5, 20, 12.5, 3.1, 1.0), arc(1, 2, "jarvis", 20, 60, 30.25, 2.5, 1.0),
        arc(2, 3, "set", 80, 95, 9.0, 4.0, 1.0), arc(3, 4, "a", 95, 100, 2.0, 1.5, 1.0),
        arc(4, 5, "timer", 100, 130, 20.0, 2.0, 1.0), arc(5, 6, "</s>", 130, 140, 0.5, 0.25, 1.0)]}
    alternatives = {"nodes": 5, "frame_ms": 20, "arcs": [
        arc(0, 1, "hey", 0, 15, 10.0, 3.0, 0.7), arc(0, 1, "hay", 0, 15, 11.0, 6.0, 0.3),
        arc(1, 2, "jarvis", 15, 55, 25.0, 2.0, 0.6), arc(1, 3, "service", 15, 70, 40.0, 7.5, 0.4),
        arc(2, 3, "is", 55, 70, 8.0, 3.0, 0.6), arc(3, 4, "</s>", 70, 75, 0.1, 0.5, 1.0)]}
    empty = {"nodes": 0, "frame_ms": 20, "arcs": []}
    detection = {"keyword": "hey jarvis", "start_sample": 1000, "end_sample": 1000 + 28400}
    return [("request", request, detection), ("alternatives", alternatives, detection), ("empty", empty, detection)]


def write(variant, name, fixture):
    torch.manual_seed(7)
    model = LatticeGnn(GnnConfig(variant=variant, vocabulary=len(WORDS) + 2, word_dim=4, hidden=8, layers=2, heads=2,
                                 dropout=0.0),
                       feature_mean=[0.5] * len(graph.FEATURES), feature_std=[2.0] * len(graph.FEATURES)).eval()
    write_model(MODELS / name / "0.0.0-tiny", model, WORDS, MAX_ARCS, policy(), {
        "name": name, "version": "0.0.0-tiny",
        "description": f"Test lattice GNN ({variant}) with the ftm-lattice-gnn contract; never trained, its scores mean nothing",
        "architecture": {"detection_threshold": 0.3},
        "source": {"origin": "ftm-service/src/test/python/make_tiny_gnn.py", "upstream": "wakestream", "license": "Apache-2.0"}})
    vocabulary = graph.vocabulary_ids(WORDS)
    cases = []
    for case, lattice, detection in fixture_lattices():
        tensors = [torch.from_numpy(t).unsqueeze(0) for t in graph.build(lattice, detection, vocabulary, MAX_ARCS)]
        with torch.no_grad():
            score = float(model(*tensors)[0])
        cases.append({"name": case, "lattice": lattice, "detection": detection, "p_addressed": score})
    path = RESOURCES / "io" / "wakestream" / "ftm" / "core" / fixture
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(cases, indent=1) + "\n")
    print(variant, json.dumps([(c["name"], c["p_addressed"]) for c in cases]))


def main():
    write("gcn", "ftm-lattice-gnn", "gnn-fixture.json")
    write("attention", "ftm-lattice-gnn-attention", "gnn-fixture-attention.json")


if __name__ == "__main__":
    main()
