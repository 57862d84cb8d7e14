"""Writes kws-service's test verifier, src/test/resources/models/kws-verifier/0.0.0-tiny: a model with the
kws-verifier contract (inputs similarity [1, U, K], pooled [1, K, 8], phone_vectors [1, K, 8], segment_frames
[1, K], segment_posteriors [1, K]; output score [1]) and a table of 39 random unit phone vectors of dimension 8, for common's tiny
phonetic encoder (phonetic-encoder/0.0.0-tiny, embedding 8). Never trained: its scores mean nothing; the
Java tests recompute them from the same inputs.

    score = sigmoid(4 mean(similarity) + 4 mean(pooled * phone_vectors) + 0.01 mean(segment_frames)
                    + 2 mean(segment_posteriors) - 1)

Run with the toolkit's Python (numpy, onnx): /usr/bin/python3 kws-service/src/test/python/make_tiny_verifier.py
"""
import hashlib
import json
import pathlib

import numpy as np
import onnx
from onnx import TensorProto, helper

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "models" / "kws-verifier" / "0.0.0-tiny"
PHONES = ("AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T TH UH UW V W Y Z ZH").split()
DIMENSION = 8


def graph():
    def mean(name, source):
        return helper.make_node("ReduceMean", [source], [name], keepdims=0)

    nodes = [
        mean("sim_mean", "similarity"),
        helper.make_node("Mul", ["pooled", "phone_vectors"], ["agreement"]),
        mean("agreement_mean", "agreement"),
        mean("frames_mean", "segment_frames"),
        mean("posteriors_mean", "segment_posteriors"),
        helper.make_node("Mul", ["posteriors_mean", "two"], ["d"]),
        helper.make_node("Mul", ["sim_mean", "four"], ["a"]),
        helper.make_node("Mul", ["agreement_mean", "four"], ["b"]),
        helper.make_node("Mul", ["frames_mean", "hundredth"], ["c"]),
        helper.make_node("Sum", ["a", "b", "c", "d", "minus_one"], ["logit"]),
        helper.make_node("Reshape", ["logit", "one_shape"], ["logit1"]),
        helper.make_node("Sigmoid", ["logit1"], ["score"]),
    ]
    initializers = [
        helper.make_tensor("four", TensorProto.FLOAT, [], [4.0]),
        helper.make_tensor("two", TensorProto.FLOAT, [], [2.0]),
        helper.make_tensor("hundredth", TensorProto.FLOAT, [], [0.01]),
        helper.make_tensor("minus_one", TensorProto.FLOAT, [], [-1.0]),
        helper.make_tensor("one_shape", TensorProto.INT64, [1], [1]),
    ]
    inputs = [
        helper.make_tensor_value_info("similarity", TensorProto.FLOAT, [1, "U", "K"]),
        helper.make_tensor_value_info("pooled", TensorProto.FLOAT, [1, "K", DIMENSION]),
        helper.make_tensor_value_info("phone_vectors", TensorProto.FLOAT, [1, "K", DIMENSION]),
        helper.make_tensor_value_info("segment_frames", TensorProto.FLOAT, [1, "K"]),
        helper.make_tensor_value_info("segment_posteriors", TensorProto.FLOAT, [1, "K"]),
    ]
    outputs = [helper.make_tensor_value_info("score", TensorProto.FLOAT, [1])]
    model = helper.make_model(helper.make_graph(nodes, "tiny_kws_verifier", inputs, outputs, initializers),
                              opset_imports=[helper.make_opsetid("", 13)], producer_name="wakestream-tests")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    onnx.save(graph(), OUT / "model.onnx")
    rng = np.random.default_rng(16)
    vectors = rng.standard_normal((len(PHONES), DIMENSION))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    (OUT / "phone-vectors.json").write_text(json.dumps({
        "phones": PHONES, "dimension": DIMENSION, "vectors": [[round(float(v), 8) for v in row] for row in vectors]}))
    shape = lambda *dims: list(dims)
    manifest = {
        "name": "kws-verifier",
        "version": "0.0.0-tiny",
        "task": "keyword-verification",
        "description": "Test verifier with the kws-verifier contract; never trained, its scores mean nothing",
        "files": {
            "model": {
                "path": "model.onnx", "sha256": sha256(OUT / "model.onnx"),
                "inputs": [
                    {"name": "similarity", "dtype": "float32", "shape": shape(1, -1, -1)},
                    {"name": "pooled", "dtype": "float32", "shape": shape(1, -1, DIMENSION)},
                    {"name": "phone_vectors", "dtype": "float32", "shape": shape(1, -1, DIMENSION)},
                    {"name": "segment_frames", "dtype": "float32", "shape": shape(1, -1)},
                    {"name": "segment_posteriors", "dtype": "float32", "shape": shape(1, -1)},
                ],
                "outputs": [{"name": "score", "dtype": "float32", "shape": shape(1)}],
            },
            "phone_vectors": {"path": "phone-vectors.json", "sha256": sha256(OUT / "phone-vectors.json")},
        },
        "thresholds": {"verification": 0.5},
        "architecture": {
            "encoder": "phonetic-encoder/0.0.0-tiny", "span_min_frames": 50, "span_frames_per_phone": 5,
            "span_margin_frames": 25, "span_hop_frames": 5, "partition": "dsp",
            "min_segment_weight": 0.001,
        },
        "training": {"recipe": "kws-service/src/test/python/make_tiny_verifier.py: fixed weights, never trained",
                     "data": [], "notes": "test fixture only"},
        "evaluation": {},
        "source": {"origin": "kws-service/src/test/python/make_tiny_verifier.py", "upstream": "wakestream",
                   "license": "Apache-2.0"},
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    main()
