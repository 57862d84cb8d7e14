"""Score WAV files with an exported RepCNN model, printing the toolkit's detector interchange.

cd training && python3 -m wakestream_training.repcnn.detect --model-dir ../models/wakeword-hey-jarvis/1.0.0 [--scores] FILE.wav...

One JSON line per file (wakestream_training.evaluation.detector): duration, max smoothed score,
detections (threshold, smoothing and refractory period from the manifest) and, with --scores, the
smoothed score of every hop as [end_ms, score], so that the toolkit's harness can evaluate the model
on its own corpus.
"""
import argparse
import json
import pathlib

import torch

from wakestream_training import frontend

from . import evaluate
from .model import RepCNNConfig
from .samples import load_onnx_as_torch


def detect(folded, config, manifest, path, with_scores):
    parameters = manifest["frontend"]["parameters"]
    threshold = manifest["thresholds"]["detection"]
    pcm = frontend.read_wav_int16(path)
    features = frontend.log_mel(frontend.int16_to_float(pcm), config.n_mels)
    ends, raw = evaluate.model_scores(folded, features, config)
    smoothed = evaluate.smooth(raw, parameters["smoothing_windows"])
    refractory = int(parameters["refractory_seconds"] * frontend.SAMPLE_RATE)
    fired = evaluate.detections(ends, smoothed, threshold, refractory)
    by_end = dict(zip(ends.tolist(), smoothed.tolist()))
    result = {"file": str(path), "duration_ms": int(pcm.size * 1000 // frontend.SAMPLE_RATE),
              "max_score": float(smoothed.max()) if smoothed.size else 0.0, "threshold": threshold,
              "detections": [{"keyword": manifest["keyword"], "score": by_end[int(end)],
                              "start_ms": int(max(0, end - parameters["window_samples"]) * 1000 // frontend.SAMPLE_RATE),
                              "end_ms": int(end * 1000 // frontend.SAMPLE_RATE)} for end in fired]}
    if with_scores:
        result["scores"] = [[int(end) * 1000 / frontend.SAMPLE_RATE, round(float(s), 6)] for end, s in zip(ends, smoothed)]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", required=True, type=pathlib.Path)
    parser.add_argument("--scores", action="store_true", help="print the smoothed score of every hop")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    torch.set_num_threads(2)
    config = RepCNNConfig()
    manifest = json.loads((args.model_dir / "manifest.json").read_text())
    folded = load_onnx_as_torch(args.model_dir / "model.onnx", config)
    for path in args.files:
        print(json.dumps(detect(folded, config, manifest, path, args.scores)), flush=True)


if __name__ == "__main__":
    main()
