"""Data from the real cascade for the lattice GNN (issue: ftm-service, part 1).

    cd training && /usr/bin/python3 -m wakestream_training.ftm.collect --split val
    cd training && /usr/bin/python3 -m wakestream_training.ftm.collect --split test --part real

Every clip of a split — the wake-word corpus (positives: the phrase addressed to the device, alone or before a
request; confusables, partial phrases, requests without the phrase, general speech, music, long negative
streams), the mentions corpus (the whole phrase not addressed to the device: mentions, quoted and reported
speech, the name in conversation), the long negative streams of the negatives corpus (validation and test: the
hours the wake-word model's FA/h is measured over) and, for the test split, real speech (UQM dialogue, 11.4 h) — runs through
`wakestream decide --with-lattices` at the collection threshold: the Java services' cores as they run in
production (RepCNN detection with smoothing and refractory period, segment capture to end of speech,
verification of the trigger audio, the lattice decoder on the segment). Every detection is kept with its stage
scores, verification and lattice, and a label: true when the clip is a positive and the detection window
covers at least half of the wake phrase (the detection was caused by the phrase addressed to the device);
every other detection is a false trigger. The GNN's own score in the output is ignored here (any
ftm-lattice-gnn model serves; --models-dir may point at one with the test model).

Writes data/ftm-cascade/<split>.jsonl (and test-real.jsonl for --part real): one line per clip {"file", "kind", "form", "label", "keyword": [start_s,
end_s] or null, "seconds", "stream": whether FA/h counts it as negative stream audio, "set", "decisions": [...]}.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

import numpy as np

from ..corpus import Corpus
from ..evaluation.splits import STREAM_KINDS

TRAINING = pathlib.Path(__file__).resolve().parents[2]
ROOT = TRAINING.parent
DATA = TRAINING / "data"
OUT = DATA / "ftm-cascade"
WAKEWORD = DATA / "wakeword-hey-jarvis-voices2"
MENTIONS = DATA / "mentions-hey-jarvis-voices2"
NEGATIVES = DATA / "negatives-hey-jarvis-voices2"
REAL = {"uqm": DATA / "real-uqm"}
COLLECTION_THRESHOLD = 0.3
WINDOW_S = 1.775
BATCH = 250  # files per JVM: its start-up is amortised, and a stopped run loses at most one batch


def java():
    return "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"


def clips(split, max_positives, seed, part="corpora"):
    """[(path, info)] of the split: part "corpora": wake-word corpus (positives subsampled to max_positives),
    negative streams, mentions; part "real": the real speech (test split only)."""
    chosen = []
    if part == "real":
        return real_speech() if split == "test" else []
    corpus = Corpus(WAKEWORD)
    entries = corpus.entries(split)
    positives = [e for e in entries if e["label"] == 1]
    if max_positives and len(positives) > max_positives:
        keep = set(np.random.default_rng(seed).choice(len(positives), max_positives, replace=False).tolist())
        positives = [p for i, p in enumerate(positives) if i in keep]
    for entry in [e for e in entries if e["label"] == 0] + positives:
        chosen.append((str(corpus.path(entry)), info(entry, "wakeword")))
    if split != "train":
        # the negatives corpus's long streams too: the hours the wake-word model's FA/h is measured over
        negatives = Corpus(NEGATIVES)
        chosen += [(str(negatives.path(e)), info(e, "wakeword")) for e in negatives.entries(split, STREAM_KINDS)]
    if (MENTIONS / f"{split}.jsonl").exists():
        mentions = Corpus(MENTIONS)
        chosen += [(str(mentions.path(e)), info(e, "mentions")) for e in mentions.entries(split)]
    return chosen


def real_speech():
    chosen = []
    for name, directory in REAL.items():
        for line in (directory / "clips.jsonl").read_text().splitlines():
            entry = json.loads(line)
            chosen.append((str(directory / entry["audio"]), {"kind": entry["kind"], "form": entry["kind"], "label": 0,
                                                             "keyword": None, "seconds": entry["duration"],
                                                             "stream": True, "set": name}))
    return chosen


def info(entry, corpus):
    keyword = entry.get("keyword") if entry["label"] == 1 else None
    return {"kind": entry["kind"], "form": entry.get("form", entry["kind"]), "label": entry["label"],
            "keyword": [keyword["start"], keyword["end"]] if keyword else None, "seconds": entry["duration"],
            "stream": entry["kind"] in STREAM_KINDS, "set": corpus, "text": entry.get("text", "")}


def label(decision, clip):
    """True trigger: a positive clip, and the detection window covers at least half of the wake phrase."""
    if clip["label"] != 1 or not clip["keyword"]:
        return 0
    start, end = clip["keyword"]
    window_end = decision["end_sample"] / 16000
    covered = min(end, window_end) - max(start, window_end - WINDOW_S)
    return int(covered >= 0.5 * (end - start))


def run_decide(paths, threshold, models_dir, jar):
    with tempfile.NamedTemporaryFile("w", suffix=".args") as args:
        args.write("\n".join(paths) + "\n")
        args.flush()
        command = [java(), "--enable-native-access=ALL-UNNAMED", "-jar", str(jar), "decide", "--with-lattices",
                   "--threshold", str(threshold), "--provider", "cpu", "--models-dir", str(models_dir), f"@{args.name}"]
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"wakestream decide failed ({result.returncode}): {result.stderr[-2000:]}")
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "val", "test"), required=True)
    parser.add_argument("--threshold", type=float, default=COLLECTION_THRESHOLD, help="RepCNN threshold of the collection")
    parser.add_argument("--max-positives", type=int, default=1200, help="positives kept per split (seeded subsample)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--models-dir", type=pathlib.Path, default=ROOT / "models")
    parser.add_argument("--jar", type=pathlib.Path, default=ROOT / "cli" / "target" / "wakestream.jar",
                        help="the CLI jar (copy it aside while a build may replace it)")
    parser.add_argument("--part", choices=("corpora", "real"), default="corpora",
                        help="the synthetic corpora, or the real speech (test split; written to <split>-real.jsonl)")
    parser.add_argument("--shard", type=int, nargs=2, default=(0, 1), metavar=("K", "N"),
                        help="run every N-th clip from the K-th (0-based), into <split>[-real].K-of-N.jsonl, so that N"
                             " processes share a split; the training reads every shard")
    parser.add_argument("--batch", type=int, default=BATCH, help="files per JVM (default: %(default)s)")
    parser.add_argument("--out", type=pathlib.Path, default=OUT)
    args = parser.parse_args(argv)
    k, n = args.shard
    chosen = clips(args.split, args.max_positives, args.seed, args.part)[k::n]
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.split if args.part == "corpora" else f"{args.split}-real"
    path = args.out / (f"{stem}.jsonl" if n == 1 else f"{stem}.{k}-of-{n}.jsonl")
    done = set()
    if path.exists():
        done = {json.loads(line)["file"] for line in path.read_text().splitlines()}
    todo = [(p, i) for p, i in chosen if p not in done]
    print(f"{args.split}: {len(chosen)} clips, {len(todo)} to run", flush=True)
    with path.open("a") as out:
        for start in range(0, len(todo), args.batch):
            batch = dict(todo[start:start + args.batch])
            for line in run_decide(list(batch), args.threshold, args.models_dir, args.jar):
                clip = batch[line["file"]]
                for decision in line["decisions"]:
                    decision["label"] = label(decision, clip)
                out.write(json.dumps({"file": line["file"], **clip, "threshold": args.threshold,
                                      "decisions": line["decisions"]}) + "\n")
            out.flush()
            print(f"{args.split}: {min(start + args.batch, len(todo))}/{len(todo)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
