"""Rebuild the shipped RepCNN "hey jarvis" model end to end, and the paper's ablation beside it.

cd training && /usr/bin/python3 -m wakestream_training.repcnn.train --out ../models/wakeword-hey-jarvis/2.0.0 --ablation

1. Corpora: the toolkit's `corpus wakeword --phrase "hey jarvis" --hours 10` and `corpus negatives
   --hours 10` (seed 1) in training/data, built when missing: the audio the openWakeWord baseline is
   evaluated on, with speaker-disjoint train / val / test voices; and a train-only wake-word corpus
   (seed 2) whose clips all get the held-out conditions (a room and noise at 5-20 dB).
2. Training features: every train clip (positives with their keyword spans, confusables, partial
   phrases, requests, general speech of both corpora) through the reference frontend, cached.
3. Training: windows drawn afresh every epoch (repcnn.windows); the multi-branch RepCNN, and with
   --ablation the same inference architecture trained directly with one branch per block.
4. Folding; on validation voices (val clips and val long negative streams of both corpora), the
   smoothing length and the threshold with the lowest FRR at <= 0.5 false accepts per hour.
5. Figures on the test split, the same files the harness scores for any detector (refractory 2 s).
6. model.onnx, manifest.json, evaluation.json, det.png (beside --baseline-report, a harness report.json
   of the openWakeWord baseline), full harness reports in training/runs/, samples/ for the Java tests.
Uses CUDA when available.
"""
import argparse
import json
import pathlib
import shlex
import time

import torch

from wakestream_training.corpus.ensure import ensure_corpus
from wakestream_training.evaluation.metrics import DEFAULT_REFRACTORY_S, operating_point
from wakestream_training.evaluation.report import det_envelope, plot, summary
from wakestream_training.licences import training_data_licences
from wakestream_training.provenance import git_commit
from wakestream_training.tts import LICENCE_POLICIES

from .costs import inference_costs
from .export import export_onnx, fan_out, op_counts
from .features import cached_training_stream
from .fit import train
from .held_out import HeldOutSplit, frr_at, point_at_threshold
from .manifest import build_manifest, detector_parameters, write_manifest
from .model import RepCNNConfig
from .samples import write_samples
from .windows import EpochSizes, WindowSampler

TRAINING = pathlib.Path(__file__).resolve().parents[2]
DATA = TRAINING / "data"
CORPORA = {"wakeword": ["wakeword", "--phrase", "hey jarvis", "--hours", "10"],
           "negatives": ["negatives", "--hours", "10"],
           # More training speech: the same voices saying other clips, every one in a room with noise.
           "train-noisy": ["wakeword", "--phrase", "hey jarvis", "--hours", "10", "--seed", "2", "--splits", "train",
                           "--train-policy", "noisy_reverb"]}
DEFAULT_CORPORA = {"wakeword": DATA / "wakeword-hey-jarvis", "negatives": DATA / "negatives-hey-jarvis",
                   "train-noisy": DATA / "train-noisy-hey-jarvis"}
# Voices and noises of the corpora: `2.0.0` as the shipped 2.0.0 was trained (espeak-ng, flite and festival
# voices, no music; the corpora above); `current` every voice the licence policy allows (RHVoice, Pico and,
# with --voice-licences all, MBROLA) and music among the noises, in corpora of their own (-voices2[-all]).
CORPUS_VOICES = {"2.0.0": ["--engines", "espeak-ng", "flite", "festival", "--music", "off"],
                 "current": ["--rates", "0.7", "1.4"]}


def corpus_arguments(name, corpus_voices="2.0.0", voice_licences="permissive"):
    """The corpus command's arguments for one of the recipe's corpora."""
    return CORPORA[name] + CORPUS_VOICES[corpus_voices] + ["--voice-licences", voice_licences]


def default_corpus(name, corpus_voices="2.0.0", voice_licences="permissive"):
    directory = DEFAULT_CORPORA[name]
    if corpus_voices == "2.0.0":
        return directory
    return directory.with_name(directory.name + "-voices2" + ("-all" if voice_licences == "all" else ""))
SYSTEM_NAMES = {"rep": "RepCNN (multi-branch, folded)", "direct": "single branch, trained directly"}
TARGET_FA_PER_HOUR = 0.5
SMOOTHING_CHOICES = (1, 2, 3)


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


def choose_operating_point(val, scores):
    """(smoothing windows, threshold, validation FRR): the lowest FRR at <= 0.5 FA/h on validation;
    the threshold is the middle of the range that reaches it, away from both neighbouring scores."""
    best = None
    for windows in SMOOTHING_CHOICES:
        curve = val.judge(scores, windows)[0]
        point = operating_point(curve, TARGET_FA_PER_HOUR)
        if point is None:
            continue
        equal = [p.threshold for p in curve if p.frr == point.frr and p.fa_per_hour <= TARGET_FA_PER_HOUR]
        candidate = (point.frr, windows, (min(equal) + max(equal)) / 2)
        if best is None or candidate[0] < best[0]:
            best = candidate
    frr, windows, threshold = best
    return windows, threshold, frr


def assess(folded, config, val, test, device="cpu"):
    """A folded network's operating point chosen on validation and its figures on test."""
    windows, threshold, val_frr = choose_operating_point(val, val.score(folded, config, device))
    curve, counts, _ = test.judge(test.score(folded, config, device), windows)
    return {"smoothing_windows": windows, "threshold": threshold, "validation_frr": val_frr, "curve": curve,
            "counts": counts, "at_threshold": point_at_threshold(curve, threshold),
            "test_frr": frr_at(curve, TARGET_FA_PER_HOUR)}


def held_out_splits(corpora, n_mels):
    """(val, test) on the wake-word corpus's clips and the long negative streams of both evaluation corpora."""
    return tuple(HeldOutSplit(corpora["wakeword"], [corpora["negatives"]], split, n_mels, log=log)
                 for split in ("val", "test"))


def harness_document(name, split, curve, counts, threshold, extra):
    """A report in the harness's report.json form, so `evaluation compare` draws it beside other detectors."""
    return {"name": name, "detector": "wakestream_training.repcnn (in-process, Java streaming semantics)",
            "corpus": split.corpus, "streams_from": split.streams_from, "split": split.split,
            "refractory_s": DEFAULT_REFRACTORY_S, "long_audio_from": "scores", **counts, **extra,
            "operating_points": summary(curve, threshold), "curve": [p.to_json() for p in curve]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="model version directory, e.g. ../models/wakeword-hey-jarvis/2.0.0")
    for name, directory in DEFAULT_CORPORA.items():
        parser.add_argument(f"--{name}-corpus", type=pathlib.Path,
                            help=f"default {directory.relative_to(TRAINING)} (-voices2[-all] with --corpus-voices current)")
    parser.add_argument("--voice-licences", choices=LICENCE_POLICIES, default="permissive",
                        help="permissive: commercially usable voices only (what shipped models train on); all: also "
                             "the non-commercial MBROLA voices (needs --corpus-voices current)")
    parser.add_argument("--corpus-voices", choices=sorted(CORPUS_VOICES), default="2.0.0",
                        help="2.0.0: the voices and noises the shipped 2.0.0 was trained on; current: every voice the "
                             "licence policy allows, and music noise")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--background-windows", type=int, default=EpochSizes.background,
                        help="windows away from any keyword per epoch")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ablation", action="store_true", help="also train the single-branch model directly")
    parser.add_argument("--baseline-report", type=pathlib.Path,
                        help="the harness's report.json of the openWakeWord baseline on the same test split")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = parser.parse_args()
    if args.voice_licences == "all" and args.corpus_voices == "2.0.0":
        parser.error("--voice-licences all adds MBROLA voices, which the 2.0.0 voices do not have: "
                     "add --corpus-voices current")
    torch.set_num_threads(args.threads)
    started = time.monotonic()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    runs = TRAINING / "runs" / out.name
    config = RepCNNConfig()

    corpora = {name: getattr(args, f"{name.replace('-', '_')}_corpus")
               or default_corpus(name, args.corpus_voices, args.voice_licences) for name in DEFAULT_CORPORA}
    corpus_info = {name: ensure_corpus(directory, corpus_arguments(name, args.corpus_voices, args.voice_licences))
                   for name, directory in corpora.items()}
    stream = cached_training_stream(DATA / "repcnn-cache", list(corpora.values()), config.n_mels, args.seed, log=log)
    sampler = WindowSampler(stream, config.window_frames, sizes=EpochSizes(background=args.background_windows))
    log(f"training stream: {stream.hours} h, {stream.clips} clips, {len(stream.keywords)} keywords "
        f"({sampler.skipped_keywords} longer than the window); {sampler.epoch_size} windows per epoch")
    val, test = held_out_splits(corpora, config.n_mels)

    results, documents, shipped = {}, [], None
    for branches in ["rep", "direct"] if args.ablation else ["rep"]:
        model, seconds = train(sampler, config, branches, args.epochs, args.seed, args.device, log=log)
        folded = model.fold()
        figures = assess(folded, config, val, test, args.device)
        windows, threshold, curve = figures["smoothing_windows"], figures["threshold"], figures["curve"]
        results[branches] = {
            "system": SYSTEM_NAMES[branches], "training_parameters": sum(p.numel() for p in model.parameters()),
            "training_seconds": round(seconds, 1), "smoothing_windows": windows, "validation_threshold": threshold,
            "validation_frr_at_0.5_fa_per_hour": figures["validation_frr"],
            "test_at_validation_threshold": figures["at_threshold"].to_json(),
            "test_frr_at_0.5_fa_per_hour": figures["test_frr"],
            "test_operating_points": summary(curve),
        }
        documents.append(harness_document(SYSTEM_NAMES[branches], test, curve, figures["counts"], threshold,
                                          {"smoothing_windows": windows}))
        log(f"{branches}: {json.dumps({k: v for k, v in results[branches].items() if k != 'test_operating_points'})}")
        if branches == "rep":
            shipped = (folded, windows, threshold, figures["counts"])
    if args.baseline_report:
        baseline = json.loads(args.baseline_report.read_text())
        documents.append(baseline)
        results["openwakeword"] = {"system": baseline["name"], "test_operating_points": baseline["operating_points"],
                                   "test_frr_at_0.5_fa_per_hour": (baseline["operating_points"]["fa_per_hour<=0.5"] or {"frr": 1.0})["frr"]}
    runs.mkdir(parents=True, exist_ok=True)
    for document in documents:
        (runs / f"{document['name'].split(' ')[0].lower()}-report.json").write_text(json.dumps(document, indent=1))
    publish(out, args, config, shipped, results, documents, corpus_info, stream, sampler, time.monotonic() - started,
            training_data_licences(list(corpora.values())))
    write_samples(out, corpora["wakeword"])
    log(f"done in {time.monotonic() - started:.0f} s")


def publish(out, args, config, shipped, results, documents, corpus_info, stream, sampler, total_seconds,
            data_licences=None):
    """model.onnx, manifest.json, det.png and evaluation.json of the shipped model and the figures beside it."""
    folded, windows, threshold, counts = shipped
    detector = detector_parameters(config, windows, DEFAULT_REFRACTORY_S)
    graph = export_onnx(folded, out / "model.onnx")
    costs = inference_costs(folded)
    plot(documents, out / "det.png")
    envelopes = {d["name"]: dict(zip(("fa_per_hour", "frr"), det_envelope(d["curve"]))) for d in documents}
    (out / "evaluation.json").write_text(json.dumps({"results": results, "det": envelopes}, indent=1) + "\n")
    rep = results["rep"]
    evaluation = {
        "test_frr_at_0.5_fa_per_hour": rep["test_frr_at_0.5_fa_per_hour"],
        "test_frr_at_threshold": rep["test_at_validation_threshold"]["frr"],
        "test_fa_per_hour_at_threshold": rep["test_at_validation_threshold"]["fa_per_hour"],
        "test_confusables_accepted_at_threshold": rep["test_at_validation_threshold"]["clip_accept"].get("confusable"),
        "test_positives": counts["positives"],
        "test_negative_hours": counts["long_negative_hours"],
        "parameters": costs["parameters"],
        "macs_per_window": costs["macs_per_window"],
        "macs_per_second": costs["macs_per_second"],
        "peak_activation_bytes": costs["peak_activation_bytes"],
        "training_seconds": rep["training_seconds"],
        "graph": {"conv_nodes": op_counts(graph)["Conv"], "blocks": len(folded.convs), "fan_out": len(fan_out(graph))},
        "figures": {"det": "det.png", "curves": "evaluation.json"},
    }
    for name, result in results.items():
        if name != "rep":
            evaluation[f"{name}_test_frr_at_0.5_fa_per_hour"] = result["test_frr_at_0.5_fa_per_hour"]
    recipe = (f"cd training && python3 -m wakestream_training.repcnn.train --out {args.out} --epochs {args.epochs} "
              f"--seed {args.seed}{' --ablation' if args.ablation else ''} --voice-licences {args.voice_licences} "
              f"--corpus-voices {args.corpus_voices} (commit {git_commit()})")
    training = {
        "recipe": recipe,
        "data": [f"training: {stream.hours} h, {stream.clips} clips of the train split ({json.dumps(stream.kinds)}), "
                 f"{len(stream.keywords)} keywords, {sampler.skipped_keywords} longer than the window left out",
                 *(f"{name} corpus: python3 -m wakestream_training.corpus "
                   f"{shlex.join(corpus_arguments(name, args.corpus_voices, args.voice_licences))}: clips "
                   f"{json.dumps(info['stats']['clips'])}" for name, info in corpus_info.items()),
                 "threshold and smoothing: validation voices (val clips + val long negative streams of both corpora)",
                 "figures: test voices (test clips + test long negative streams of both corpora), refractory 2 s"],
        "notes": f"{args.epochs} epochs of freshly drawn windows ({EpochSizes.positives_per_keyword} per keyword, "
                 f"{EpochSizes.partials_per_keyword} partial-keyword hard negatives per keyword, {args.background_windows} "
                 f"background), frequency masking; "
                 f"end to end {total_seconds:.0f} s on {args.device}",
    }
    if data_licences is not None:
        training["data_licences"] = data_licences
    write_manifest(out / "manifest.json", build_manifest(out.name, out / "model.onnx", config, detector,
                                                         threshold, training, evaluation))
    log(f"wrote {out}: {json.dumps(evaluation)}")


if __name__ == "__main__":
    main()
