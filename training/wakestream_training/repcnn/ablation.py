"""The paper's ablation over several seeds: the same inference graph trained as a multi-branch RepCNN and
folded, or trained directly with one branch per block.

cd training && /usr/bin/python3 -m wakestream_training.repcnn.ablation --seeds 2 3 --out ../reports/repcnn-ablation.json

Each seed draws its own initial weights and training windows; data, schedule, operating-point choice
(validation voices, <= 0.5 false accepts per hour) and test figures are those of repcnn.train, whose
--seed 1 run is the shipped model. Writes one JSON document with every system's figures per seed.
"""
import argparse
import json
import pathlib

import torch

from wakestream_training.evaluation.metrics import operating_point

from .features import cached_training_stream
from .fit import train
from .held_out import HeldOutSplit, point_at_threshold
from .model import RepCNNConfig
from .train import DATA, SYSTEM_NAMES, TARGET_FA_PER_HOUR, choose_operating_point, log
from .windows import WindowSampler


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    config = RepCNNConfig()
    corpora = [DATA / "wakeword-hey-jarvis", DATA / "negatives-hey-jarvis", DATA / "train-noisy-hey-jarvis"]
    stream = cached_training_stream(DATA / "repcnn-cache", corpora, config.n_mels, 1, log=log)
    sampler = WindowSampler(stream, config.window_frames)
    val = HeldOutSplit(corpora[0], [corpora[1]], "val", config.n_mels, log=log)
    test = HeldOutSplit(corpora[0], [corpora[1]], "test", config.n_mels, log=log)
    rows = []
    for seed in args.seeds:
        for branches in ("rep", "direct"):
            model, seconds = train(sampler, config, branches, args.epochs, seed, "cpu", log=log)
            folded = model.fold()
            windows, threshold, val_frr = choose_operating_point(val, val.score(folded, config))
            curve = test.judge(test.score(folded, config), windows)[0]
            best = operating_point(curve, TARGET_FA_PER_HOUR)
            at = point_at_threshold(curve, threshold)
            rows.append({"seed": seed, "system": SYSTEM_NAMES[branches], "training_seconds": round(seconds, 1),
                         "smoothing_windows": windows, "validation_threshold": threshold,
                         "validation_frr_at_0.5_fa_per_hour": val_frr,
                         "test_frr_at_0.5_fa_per_hour": best.frr if best else 1.0,
                         "test_at_validation_threshold": {"frr": at.frr, "fa_per_hour": at.fa_per_hour}})
            log(json.dumps(rows[-1]))
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps({"epochs": args.epochs, "runs": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
