"""Rebuild the shipped RepCNN "hey jarvis" model end to end, and the paper's ablation beside it.

cd training && python3 -m wakestream_training.repcnn.train --out ../models/wakeword-hey-jarvis/1.0.0

Steps: synthesise the corpus if it is missing (speaker-disjoint train / validation / test voices);
build the held-out streams (reverberation and noise on validation and test voices); build the pool of
training windows; train the multi-branch RepCNN (and, with --ablation, the same inference architecture
trained directly with one branch per block); fold; choose the threshold on validation voices at
0.5 false accepts per hour; evaluate on test voices; export model.onnx, manifest.json, det.png and
evaluation.json, and samples/ (held-out-voice WAVs with their Python scores, for the Java detector's
tests). Uses CUDA when available.
"""
import argparse
import dataclasses
import json
import pathlib
import subprocess
import time

import numpy as np
import torch

from wakestream_training import frontend

from . import corpus as corpus_module
from . import evaluate, streams
from .costs import inference_costs
from .data import CorpusSplit, PoolSizes, training_pool
from .export import export_onnx, fan_out, op_counts
from .fit import train
from .manifest import build_manifest, detector_parameters, write_manifest
from .model import RepCNNConfig
from .samples import write_samples

DEFAULT_CORPUS = pathlib.Path(__file__).resolve().parents[2] / "data" / "repcnn-corpus"
SYSTEM_NAMES = {"rep": "RepCNN (multi-branch, folded)", "direct": "single branch, trained directly"}


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


def ensure_corpus(directory, scale):
    if not (directory / "corpus.json").exists():
        log(f"synthesising corpus into {directory}")
        corpus_module.build(directory, scale)
    return json.loads((directory / "corpus.json").read_text())


def ensure_stream_features(directory, split_name, config, seed):
    """(positive features, keyword intervals, negative features, negative hours) of a held-out split, cached."""
    stream_dir = directory / "streams" / split_name
    if not (stream_dir / "positives.json").exists():
        log(f"writing {split_name} evaluation streams")
        streams.write_streams(stream_dir, CorpusSplit.load(directory, split_name), seed)
    positives, intervals, negatives = streams.load_streams(stream_dir)
    cached = {}
    for name, pcm in (("positives", positives), ("negatives", negatives)):
        path = stream_dir / f"{name}-logmel{config.n_mels}.npy"
        if not path.exists():
            np.save(path, streams.stream_features(pcm, config.n_mels))
        cached[name] = np.load(path)
    hours = negatives.size / frontend.SAMPLE_RATE / 3600.0
    return cached["positives"], intervals, cached["negatives"], hours


def ensure_pool(directory, config, seed, sizes):
    path = directory / ("pool-w{}-s{}-{}.npz".format(config.window_frames, seed, "-".join(
        str(v) for v in dataclasses.astuple(sizes))))
    if not path.exists():
        log("building training windows")
        features, labels = training_pool(CorpusSplit.load(directory, "train"), config, seed, sizes)
        np.savez(path, features=features, labels=labels)
    with np.load(path) as pool:
        return pool["features"], pool["labels"]


def score_split(folded, split, config, detector, device):
    positive_features, intervals, negative_features, hours = split
    positive = evaluate.model_scores(folded, positive_features, config, device=device)
    negative = evaluate.model_scores(folded, negative_features, config, device=device)
    return evaluate.StreamResult(positive, negative, intervals, hours, detector)


def git_commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True, cwd=pathlib.Path(__file__).parent).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="model version directory, e.g. ../models/wakeword-hey-jarvis/1.0.0")
    parser.add_argument("--corpus", type=pathlib.Path, default=DEFAULT_CORPUS)
    parser.add_argument("--corpus-scale", type=float, default=1.0, help="fraction of the default corpus size")
    parser.add_argument("--pool-scale", type=float, default=1.0, help="fraction of the default speech and background windows")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--smoothing-windows", type=int, default=3)
    parser.add_argument("--refractory-seconds", type=float, default=1.0)
    parser.add_argument("--ablation", action="store_true", help="also train the single-branch model directly")
    parser.add_argument("--external", action="append", default=[], metavar="NAME=COMMAND",
                        help="also score an external detector command (the toolkit's detector interchange, WAV path appended) "
                             "on the test streams, e.g. 'openwakeword=./wakestream detect --model openwakeword/hey_jarvis --scores'")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    config = RepCNNConfig()
    detector = detector_parameters(config, args.smoothing_windows, args.refractory_seconds)

    corpus_info = ensure_corpus(args.corpus, args.corpus_scale)
    val = ensure_stream_features(args.corpus, "val", config, seed=101)
    test = ensure_stream_features(args.corpus, "test", config, seed=202)
    sizes = PoolSizes(speech=int(PoolSizes.speech * args.pool_scale), background=int(PoolSizes.background * args.pool_scale))
    features, labels = ensure_pool(args.corpus, config, args.seed, sizes)
    log(f"{len(labels)} training windows, {int(labels.sum())} positive; device {args.device}")

    results, curves = {}, {}
    for branches in ["rep", "direct"] if args.ablation else ["rep"]:
        model, seconds = train(features, labels, config, branches, args.epochs, args.seed, args.device, log=log)
        folded = model.fold()
        threshold = evaluate.threshold_for_fa(score_split(folded, val, config, detector, args.device).det())
        test_result = score_split(folded, test, config, detector, args.device)
        test_det = test_result.det()
        results[branches] = {
            "system": SYSTEM_NAMES[branches],
            "training_parameters": sum(p.numel() for p in model.parameters()),
            "training_seconds": round(seconds, 1),
            "validation_threshold": threshold,
            "test_at_validation_threshold": test_result.at(threshold),
            "test_frr_at_0.5_fa_per_hour": evaluate.frr_at_fa(test_det),
        }
        curves[SYSTEM_NAMES[branches]] = test_det
        log(f"{branches}: {json.dumps(results[branches])}")
        if branches == "rep":
            # The shipped model is complete before the ablation starts; later systems only add figures.
            shipped = (folded, threshold)
            publish(out, args, config, detector, shipped, results, curves, corpus_info, test, len(labels))
            write_samples(out, config)

    for spec in args.external:
        name, command = spec.split("=", 1)
        stream_dir = args.corpus / "streams" / "test"
        positive = evaluate.external_scores(command, stream_dir / "positives.wav")
        negative = evaluate.external_scores(command, stream_dir / "negatives.wav")
        # Its own scores as its pipeline thresholds them: no extra smoothing.
        det = evaluate.StreamResult(positive, negative, test[1], test[3], {**detector, "smoothing_windows": 1}).det()
        curves[name] = det
        results[name] = {"system": name, "test_frr_at_0.5_fa_per_hour": evaluate.frr_at_fa(det)}
    publish(out, args, config, detector, shipped, results, curves, corpus_info, test, len(labels))


def publish(out, args, config, detector, shipped, results, curves, corpus_info, test, windows):
    """Write model.onnx, manifest.json, det.png and evaluation.json for the shipped model and the figures so far."""
    folded, threshold = shipped
    graph = export_onnx(folded, out / "model.onnx")
    costs = inference_costs(folded)
    structure = {"conv_nodes": op_counts(graph)["Conv"], "blocks": len(folded.convs), "fan_out": len(fan_out(graph))}
    evaluate.plot_det(curves, out / "det.png", "hey jarvis, held-out test voices, noise + reverb")
    (out / "evaluation.json").write_text(json.dumps({"results": results, "det": curves}) + "\n")
    rep = results["rep"]
    evaluation = {
        "test_frr_at_0.5_fa_per_hour": rep["test_frr_at_0.5_fa_per_hour"]["frr"],
        "test_frr_at_threshold": rep["test_at_validation_threshold"]["frr"],
        "test_fa_per_hour_at_threshold": rep["test_at_validation_threshold"]["fa_per_hour"],
        "test_negative_hours": round(test[3], 3),
        "test_keywords": len(test[1]),
        "parameters": costs["parameters"],
        "macs_per_window": costs["macs_per_window"],
        "macs_per_second": costs["macs_per_second"],
        "peak_activation_bytes": costs["peak_activation_bytes"],
        "training_seconds": rep["training_seconds"],
        "graph": structure,
        "figures": {"det": "det.png", "curves": "evaluation.json"},
    }
    for name, result in results.items():
        if name != "rep":
            evaluation[f"{name}_test_frr_at_0.5_fa_per_hour"] = result["test_frr_at_0.5_fa_per_hour"]["frr"]
    training = {
        "recipe": f"cd training && python3 -m wakestream_training.repcnn.train --out {args.out} --epochs {args.epochs} "
                  f"--seed {args.seed}{' --ablation' if args.ablation else ''} (commit {git_commit()})",
        "data": [f"synthetic TTS corpus (wakestream_training.repcnn.corpus): {json.dumps(corpus_info['splits'])}",
                 "train voices: " + " ".join(corpus_info["voices"]["train"]),
                 "validation voices (threshold): " + " ".join(corpus_info["voices"]["val"]),
                 "test voices (figures): " + " ".join(corpus_info["voices"]["test"])],
        "notes": f"{windows} training windows per epoch, {args.epochs} epochs; synthetic rooms (RT60 0.2-0.9 s) "
                 f"and noises (white, pink, brown, hum, babble) at 5-20 dB SNR on the held-out streams",
    }
    write_manifest(out / "manifest.json", build_manifest(out.name, out / "model.onnx", config, detector,
                                                         threshold, training, evaluation))
    log(f"wrote {out}: {json.dumps(evaluation)}")


if __name__ == "__main__":
    main()
