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

from .features import cached_training_stream
from .fit import train
from .model import RepCNNConfig
from .train import DATA, DEFAULT_CORPORA, SYSTEM_NAMES, assess, held_out_splits, log
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
    stream = cached_training_stream(DATA / "repcnn-cache", list(DEFAULT_CORPORA.values()), config.n_mels, 1, log=log)
    sampler = WindowSampler(stream, config.window_frames)
    val, test = held_out_splits(DEFAULT_CORPORA, config.n_mels)
    rows = []
    for seed in args.seeds:
        for branches in ("rep", "direct"):
            model, seconds = train(sampler, config, branches, args.epochs, seed, "cpu", log=log)
            figures = assess(model.fold(), config, val, test)
            at = figures["at_threshold"]
            rows.append({"seed": seed, "system": SYSTEM_NAMES[branches], "training_seconds": round(seconds, 1),
                         "smoothing_windows": figures["smoothing_windows"], "validation_threshold": figures["threshold"],
                         "validation_frr_at_0.5_fa_per_hour": figures["validation_frr"],
                         "test_frr_at_0.5_fa_per_hour": figures["test_frr"],
                         "test_at_validation_threshold": {"frr": at.frr, "fa_per_hour": at.fa_per_hour}})
            log(json.dumps(rows[-1]))
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps({"epochs": args.epochs, "runs": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
