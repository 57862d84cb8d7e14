"""The verifier in the cascade: how many of the wake-word model's false accepts it removes and how many
true detections it loses (issue: kws-service, part 7).

    cd training && /usr/bin/python3 -m wakestream_training.kws.cascade \\
        --verifier ../models/kws-verifier/1.0.0 --wakeword ../models/wakeword-hey-jarvis/3.0.0

For the val and test splits of the wake-word corpora the wake-word model was evaluated on (clips and long
negative streams), every detection the RepCNN makes (its streaming scores, smoothing and 2 s refractory
period, as `wakestream detect`) at its manifest threshold and at a lower high-recall threshold is cut as
kws-service receives it (the detection window, 1.775 s ending at the detection) and verified against the
wake phrase (kws/search.py, the Java pipeline's twin). A detection is true when its clip is a positive and
the window holds the keyword's end; every other detection is a false accept. The verifier's threshold is
the highest that keeps 99 % of the validation split's true detections at the low threshold. Writes
cascade.json beside the verifier's manifest and prints it.
"""
import argparse
import json
import pathlib

import numpy as np
import torch

from .. import frontend
from ..corpus import Corpus
from ..evaluation.metrics import DEFAULT_REFRACTORY_S, refractory_events
from ..evaluation.splits import selected_entries
from ..phonetic.golden import encoder_from_onnx
from ..repcnn.samples import config_of, load_onnx_as_torch
from ..repcnn.scoring import raw_scores, smooth
from ..repcnn.train import default_corpus
from .export import MODELS, lexicon_phones
from .search import verify
from .verifier import Verifier, VerifierConfig
from ..text import cmudict

LOW_THRESHOLD = 0.5   # the high-recall operating point (or half the model's threshold, when that is lower)
KEEP_TRUE = 0.99


def load_verifier(directory):
    saved = torch.load(pathlib.Path(__file__).resolve().parents[2] / "runs" / f"kws-verifier-{directory.name}.pt")
    model = Verifier(saved["table"], VerifierConfig())
    model.load_state_dict(saved["state_dict"])
    return model.eval(), saved["table"]


def detections(split, wakeword_dir, thresholds):
    """({threshold: [(path, end_sample, is_true)]}, hours, manifest): the detections at each threshold."""
    manifest = json.loads((wakeword_dir / "manifest.json").read_text())
    config = config_of(manifest)
    folded = load_onnx_as_torch(wakeword_dir / "model.onnx", config)
    corpus = Corpus(default_corpus("wakeword", "current"))
    others = [Corpus(default_corpus("negatives", "current"))]
    windows = manifest["frontend"]["parameters"]["smoothing_windows"]
    found, hours = {t: [] for t in thresholds}, 0.0
    for path, entry in selected_entries(corpus, split, None, others):
        pcm = frontend.read_wav_int16(path)
        hours += pcm.size / frontend.SAMPLE_RATE / 3600
        ends, raw = raw_scores(folded, frontend.log_mel(frontend.int16_to_float(pcm), config.n_mels), config)
        smoothed = smooth(raw, windows)
        keyword = entry.get("keyword") if entry.get("label") == 1 else None
        window = manifest["frontend"]["parameters"]["window_samples"]
        for threshold in thresholds:
            for time_s in refractory_events(np.asarray(ends) / frontend.SAMPLE_RATE, smoothed, threshold,
                                            DEFAULT_REFRACTORY_S):
                end = int(round(time_s * frontend.SAMPLE_RATE))
                # true: the window ends after the keyword's end and starts before its start (100 ms slack)
                true = bool(keyword) and end >= keyword["end"] * frontend.SAMPLE_RATE - 1600 and \
                    end - window <= keyword["start"] * frontend.SAMPLE_RATE + 1600
                found[threshold].append((path, end, true))
    return found, hours, manifest


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verifier", type=pathlib.Path, default=MODELS / "kws-verifier" / "1.0.0")
    parser.add_argument("--wakeword", type=pathlib.Path, default=MODELS / "wakeword-hey-jarvis" / "3.0.0")
    parser.add_argument("--phrase", default="hey jarvis")
    args = parser.parse_args()
    torch.set_num_threads(2)
    verifier, table = load_verifier(args.verifier)
    encoder, _ = encoder_from_onnx(MODELS / "phonetic-encoder" / "1.0.0")
    phones = lexicon_phones(args.phrase, cmudict.load())
    report = {"phrase": args.phrase, "wakeword": f"{args.wakeword.parent.name}/{args.wakeword.name}",
              "verifier": f"{args.verifier.parent.name}/{args.verifier.name}"}
    scored = {}
    for split in ("val", "test"):
        manifest = json.loads((args.wakeword / "manifest.json").read_text())
        high = manifest["thresholds"]["detection"]
        low = min(LOW_THRESHOLD, high / 2)
        found, hours, manifest = detections(split, args.wakeword, (high, low))
        window = manifest["frontend"]["parameters"]["window_samples"]
        verified, pcm, pcm_path = {}, None, None
        for path, end, _ in sorted(set(found[high]) | set(found[low])):
            if path != pcm_path:  # sorted by path: each file is read once
                pcm, pcm_path = frontend.read_wav_int16(path), path
            trigger = frontend.int16_to_float(pcm[max(0, end - window):end])
            verified[(path, end)] = verify(encoder, verifier, table, trigger, phones).score
        rows = {level: [{"file": path, "end_sample": end, "true": true, "verifier_score": verified[(path, end)]}
                        for path, end, true in found[level]] for level in (high, low)}
        scored[split] = (rows, hours, high, low)
    val_rows, _, _, val_low = scored["val"]
    val_true = np.sort([r["verifier_score"] for r in val_rows[val_low] if r["true"]])
    threshold = float(val_true[int(np.floor((1 - KEEP_TRUE) * val_true.size))]) if val_true.size else 0.5
    report["verifier_threshold"] = threshold
    report["verifier_threshold_rule"] = f"keeps {KEEP_TRUE:.0%} of the val split's true detections at RepCNN >= {val_low}"
    for split, (rows, hours, high, low) in scored.items():
        report[split] = {"hours": round(hours, 2)}
        for name, level in (("at_model_threshold", high), ("at_low_threshold", low)):
            chosen = rows[level]
            true = [r for r in chosen if r["true"]]
            false = [r for r in chosen if not r["true"]]
            kept_true = sum(r["verifier_score"] >= threshold for r in true)
            removed = sum(r["verifier_score"] < threshold for r in false)
            report[split][name] = {
                "repcnn_threshold": round(level, 4), "true_detections": len(true), "false_accepts": len(false),
                "false_accepts_per_hour": round(len(false) / hours, 3) if hours else None,
                "false_accepts_removed": removed, "share_removed": round(removed / len(false), 4) if false else None,
                "true_detections_lost": len(true) - kept_true,
                "share_lost": round((len(true) - kept_true) / len(true), 4) if true else None}
    out = args.verifier / "cascade.json"
    out.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
