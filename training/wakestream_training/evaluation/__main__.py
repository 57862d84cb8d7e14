"""Evaluate a wake-word detector on a corpus split, or draw several reports together.

    python3 -m wakestream_training.evaluation run --corpus training/data/wakeword-hey-jarvis --split test \\
        --detector "./wakestream detect --scores" --name openwakeword --out reports/eval/openwakeword
    python3 -m wakestream_training.evaluation compare reports/eval/*/report.json --out reports/eval/det.png

`voices` reads a finished run's scores and gives the positive clips' acceptance per voice and engine
(at the detector's own threshold unless --threshold): how a model fares on voices it never heard.

`phrases` measures open-vocabulary spotting (`wakestream detect --phrase`) of a `phrases` corpus's run-time
phrases beside the trained RepCNN model (phrases.py).

`sets` prints the hours and clips of the real negative sets (UQM speech, pocketsphinx test speech,
music) and `sets --export NAME` writes one as 16 kHz WAVs for `run --negative-sets`.

`run` scores every clip of the split with the detector command (see detector.py for the
interchange), plus the long negative streams of --streams-from corpora (e.g. a `negatives`
corpus, for more hours of false-accept audio), then writes report.json, det.png and scores.jsonl (the detector's raw lines, reused
by --reuse-scores) into --out.
"""
import argparse
import json
import pathlib
import shlex
import sys
import time

from ..corpus import Corpus
from .detector import CommandDetector
from .metrics import DEFAULT_REFRACTORY_S
from .phrases import add_arguments as add_phrase_arguments
from .phrases import evaluate as evaluate_phrases
from .report import plot, summary, write_report
from .real_speech import SETS, NegativeSet, export_set
from .real_speech import summary as real_summary
from .splits import evaluate, negative_set_figures, selected_entries

def run(args):
    corpus = Corpus(args.corpus)
    kinds = set(args.kinds.split(",")) if args.kinds else None
    negative_sets = [NegativeSet(d) for d in args.negative_sets]
    entries = selected_entries(corpus, args.split, kinds, [Corpus(d) for d in args.streams_from], negative_sets)
    paths = [path for path, _ in entries]
    out = pathlib.Path(args.out)
    raw = out / "scores.jsonl"
    started = time.time()
    if args.reuse_scores and raw.exists():
        results = {r["file"]: r for r in map(json.loads, raw.read_text().splitlines())}
    else:
        results = CommandDetector(args.detector, batch_size=args.batch_size).score(paths)
        out.mkdir(parents=True, exist_ok=True)
        raw.write_text("".join(json.dumps({**r, "file": p}) + "\n" for p, r in results.items()))
    scoring_seconds = time.time() - started
    curve, counts = evaluate(entries, results, args.refractory)
    thresholds = {r.get("threshold") for r in results.values()} - {None}
    mode = "scores" if any(r.get("scores") is not None for r in results.values()) else "detections"
    document = {
        "name": args.name or args.detector, "detector": args.detector, "corpus": str(corpus.directory),
        "streams_from": [str(d) for d in args.streams_from],
        "split": args.split, "refractory_s": args.refractory, "long_audio_from": mode, **counts,
        "scoring_seconds": round(scoring_seconds, 1),
        "operating_points": summary(curve, min(thresholds) if thresholds else None),
        "curve": [p.to_json() for p in curve],
    }
    if negative_sets:
        thresholds = {label: point["threshold"] for label, point in document["operating_points"].items() if point}
        document["negative_sets"] = negative_set_figures(entries, results, thresholds, args.refractory)
    if mode == "detections":
        document["note"] = ("long audio judged from detections only: false accepts below the detector's own "
                            "threshold are not seen, so FA/h there is a lower bound")
    write_report(out, document)
    shown = ("name", "positives", "long_negative_hours", "operating_points", "negative_sets")
    print(json.dumps({k: document[k] for k in shown if k in document}, indent=1))


def sets(args):
    if not args.export:
        print(json.dumps(real_summary(args.split), indent=1))
        return
    suffix = f"-{args.split}" if args.export in ("music", "tv") else ""
    out = args.out or pathlib.Path(__file__).resolve().parents[2] / "data" / f"real-{args.export}{suffix}"
    print(json.dumps({"out": str(out), **export_set(args.export, out, args.split, args.phrase)}, indent=1))


def voices(args):
    """Acceptance of the split's positive clips per voice and per engine, from a run's scores.jsonl."""
    corpus = Corpus(args.corpus)
    results = {r["file"]: r for r in map(json.loads, (pathlib.Path(args.out) / "scores.jsonl").read_text().splitlines())}
    threshold = args.threshold if args.threshold is not None else next(
        r["threshold"] for r in results.values() if r.get("threshold") is not None)
    by_voice, by_engine = {}, {}
    for entry in corpus.entries(args.split, {"positive"}):
        result = results.get(str(corpus.path(entry)))
        if result is None:
            continue
        voice = entry["voices"][0]
        accepted = result["max_score"] >= threshold
        for table, key in ((by_voice, voice), (by_engine, voice.split(":", 1)[0])):
            cell = table.setdefault(key, [0, 0])
            cell[0] += accepted
            cell[1] += 1
    shape = lambda table: {k: {"accepted": a, "of": n, "rate": round(a / n, 4)} for k, (a, n) in sorted(table.items())}
    document = {"threshold": threshold, "split": args.split, "by_engine": shape(by_engine), "by_voice": shape(by_voice)}
    (pathlib.Path(args.out) / "voices.json").write_text(json.dumps(document, indent=1) + "\n")
    print(json.dumps({k: document[k] for k in ("threshold", "by_engine")}, indent=1))


def spot_phrases(args):
    args.command_line = "python3 -m wakestream_training.evaluation " + shlex.join(sys.argv[1:])
    document = evaluate_phrases(args)
    print((pathlib.Path(args.out) / "figures.md").read_text())
    print(json.dumps({"audio": document["audio"], "seconds": document["seconds"]}, indent=1))


def compare(args):
    documents = [json.loads(pathlib.Path(p).read_text()) for p in args.reports]
    plot(documents, args.out)
    print(args.out)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m wakestream_training.evaluation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="score a corpus split with a detector command")
    run_parser.add_argument("--corpus", required=True)
    run_parser.add_argument("--split", default="test", choices=("train", "val", "test"))
    run_parser.add_argument("--detector", required=True, help="command line; WAV paths are appended")
    run_parser.add_argument("--out", required=True)
    run_parser.add_argument("--name", help="label for plots (default: the command)")
    run_parser.add_argument("--refractory", type=float, default=DEFAULT_REFRACTORY_S,
                            help="seconds after a detection in which no other counts (the service's setting)")
    run_parser.add_argument("--kinds", help="comma-separated manifest kinds to use (default: all)")
    run_parser.add_argument("--streams-from", nargs="*", default=[], metavar="CORPUS",
                            help="other corpora whose long negative streams of the split are added")
    run_parser.add_argument("--negative-sets", nargs="*", default=[], metavar="DIR",
                            help="exported real negative sets (`sets --export`): UQM speech, music; false accepts "
                                 "per hour on each, at the operating points' thresholds")
    run_parser.add_argument("--batch-size", type=int, default=200, help="files per detector invocation")
    run_parser.add_argument("--reuse-scores", action="store_true", help="recompute metrics from --out/scores.jsonl")
    run_parser.set_defaults(action=run)
    sets_parser = commands.add_parser("sets", help="real negative sets: hours and clips, or export one as WAVs")
    sets_parser.add_argument("--split", default="test", choices=("train", "val", "test"),
                             help="music (and tv) tracks of this split (the speech sets are evaluation-only: all clips)")
    sets_parser.add_argument("--export", choices=SETS, help="write this set as 16 kHz WAVs + clips.jsonl into --out")
    sets_parser.add_argument("--out", help="folder for --export (default training/data/real-SET[-SPLIT])")
    sets_parser.add_argument("--phrase", default="hey jarvis", help="no exported speech clip may contain it")
    sets_parser.set_defaults(action=sets)
    voices_parser = commands.add_parser("voices", help="positive acceptance per voice and engine of a finished run")
    voices_parser.add_argument("--corpus", required=True)
    voices_parser.add_argument("--split", default="test", choices=("train", "val", "test"))
    voices_parser.add_argument("--out", required=True, help="the run's --out folder (reads scores.jsonl)")
    voices_parser.add_argument("--threshold", type=float, help="default: the detector's own threshold")
    voices_parser.set_defaults(action=voices)
    phrases_parser = commands.add_parser("phrases", help="open-vocabulary spotting of run-time phrases against the "
                                                         "trained RepCNN model (phrases.py)")
    add_phrase_arguments(phrases_parser)
    phrases_parser.set_defaults(action=spot_phrases)
    compare_parser = commands.add_parser("compare", help="draw several report.json files on one DET plot")
    compare_parser.add_argument("reports", nargs="+")
    compare_parser.add_argument("--out", required=True)
    compare_parser.set_defaults(action=compare)
    args = parser.parse_args(argv)
    args.action(args)


if __name__ == "__main__":
    main()
