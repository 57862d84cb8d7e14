"""Score WAV files with an exported RepCNN model, printing the toolkit's detector interchange.

cd training && python3 -m wakestream_training.repcnn.detect --model-dir ../models/wakeword-hey-jarvis/2.0.0 [--scores] FILE.wav...

One JSON line per file (wakestream_training.evaluation.detector): duration, max smoothed score,
detections (threshold, smoothing and refractory period from the manifest) and, with --scores, the
smoothed score of every hop as [end_ms, score]: what `wakestream detect` prints for the same model.
"""
import argparse
import json
import pathlib

import torch

from wakestream_training import frontend

from .samples import config_of, load_onnx_as_torch
from .scoring import harness_result, manifest_trigger, raw_scores


def detect(folded, config, manifest, path, with_scores):
    pcm = frontend.read_wav_int16(path)
    ends, raw = raw_scores(folded, frontend.log_mel(frontend.int16_to_float(pcm), config.n_mels), config)
    smoothed, fired = manifest_trigger(ends, raw, manifest)
    result = harness_result(path, pcm.size, ends, smoothed)
    window = manifest["frontend"]["parameters"]["window_samples"]
    result["threshold"] = manifest["thresholds"]["detection"]
    result["detections"] = [{"keyword": manifest["keyword"], "score": float(smoothed[i]),
                             "start_ms": int(max(0, ends[i] - window) * 1000 // frontend.SAMPLE_RATE),
                             "end_ms": int(ends[i] * 1000 // frontend.SAMPLE_RATE)} for i in fired]
    if not with_scores:
        del result["scores"]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", required=True, type=pathlib.Path)
    parser.add_argument("--scores", action="store_true", help="print the smoothed score of every hop")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    torch.set_num_threads(2)
    manifest = json.loads((args.model_dir / "manifest.json").read_text())
    config = config_of(manifest)
    folded = load_onnx_as_torch(args.model_dir / "model.onnx", config)
    for path in args.files:
        print(json.dumps(detect(folded, config, manifest, path, args.scores)), flush=True)


if __name__ == "__main__":
    main()
