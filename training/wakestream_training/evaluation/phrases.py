"""Figures of open-vocabulary spotting (issue 15): phrases typed at run time, spotted in the phonetic encoder's
phone posteriors by `wakestream detect --phrase`, side by side with the trained RepCNN model for "hey jarvis".

    cd training
    /usr/bin/python3 -m wakestream_training.evaluation phrases --jar /tmp/phrase-eval/ws.jar \\
        --run-threshold 0.05 --out ../reports/open-vocabulary

Audio: the positives of a `phrases` corpus (test voices, noisy and reverberant) and the "hey jarvis" test
positives of the wake-word corpus; as negatives the long negative streams of the test split (the wake-word and
--streams-from corpora; --stream-hours takes a part) and real speech (an exported set, --real-hours of it). For
each phrase, negative audio whose text says the phrase is left out of its false accepts (and counted in the
report). The spotter runs once at a low --run-threshold with its verifier (`--verify`); the figures at higher
thresholds count the detections of score >= threshold (spotting.py states the approximation). The RepCNN model
runs with `--scores`, so its false accepts are counted exactly, with the refractory period, at every threshold;
with the verifier it runs once per --repcnn-verify-thresholds value, exact at those thresholds only.
"""
import dataclasses
import hashlib
import json
import pathlib
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the file-only backend)
import numpy as np  # noqa: E402

from ..corpus import Corpus  # noqa: E402
from ..text.general import contains_phrase  # noqa: E402
from . import metrics, spotting  # noqa: E402
from .cli_runs import DetectRuns  # noqa: E402
from .detector import stream_from_result  # noqa: E402
from .real_speech import NegativeSet  # noqa: E402

TRAINING = pathlib.Path(__file__).resolve().parents[2]
REPOSITORY = TRAINING.parent
TARGET_FA_PER_HOUR = 0.5
VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}


@dataclasses.dataclass
class NegativeAudio:
    """Negative files of one kind (synthetic streams or real speech): [(path, entry)] and their texts' words."""
    name: str
    files: list

    def for_phrase(self, phrase):
        """(files kept, hours kept, hours left out): audio whose text says the phrase is no false accept of it."""
        kept = [(p, e) for p, e in self.files if not contains_phrase(entry_text(e), phrase)]
        left_out = sum(e["duration"] for p, e in self.files if contains_phrase(entry_text(e), phrase)) / 3600.0
        return kept, sum(e["duration"] for _, e in kept) / 3600.0, left_out


def entry_text(entry):
    return entry.get("normalised_text") or entry.get("text") or ""


def hash_order(entries):
    """Entries in a fixed order that mixes speakers and kinds (sha1 of the id): a prefix of it is a fair part."""
    return sorted(entries, key=lambda e: hashlib.sha1(e["id"].encode()).hexdigest())


def take_hours(entries, hours):
    """The shortest prefix of hash_order(entries) holding at least `hours` (all of them for None)."""
    if hours is None:
        return hash_order(entries)
    taken, total = [], 0.0
    for entry in hash_order(entries):
        if total >= hours * 3600.0:
            break
        taken.append(entry)
        total += entry["duration"]
    return taken


def syllables(phrase, lexicon):
    """Vowels in the first pronunciation of each word (None when a word is not in the lexicon)."""
    counts = [sum(p in VOWELS for p in lexicon[w]) if w in lexicon else None for w in phrase.split()]
    return None if None in counts else sum(counts)


def read_lexicon(models_dir):
    """{word: first pronunciation} of the newest g2p model's lexicon.txt."""
    versions = sorted((pathlib.Path(models_dir) / "g2p").iterdir(),
                      key=lambda p: tuple(int(x) for x in p.name.split(".") if x.isdigit()))
    lexicon = {}
    for line in (versions[-1] / "lexicon.txt").read_text().splitlines():
        if line and not line.startswith(";"):
            word, *phones = line.split()
            lexicon.setdefault(word, phones)
    return lexicon


def detections_of(line):
    """spotting.Detections of one result line; the verification's verdict when the spotter verified."""
    return [spotting.Detection(d["score"], d["verification"]["accepted"] if "verification" in d else None)
            for d in line["detections"]]


def spotter_figures(phrase, positives, negatives, run_threshold, default_threshold):
    """One phrase's figures from the spotter's lines: positives [line], negatives {set name: ([line], hours)};
    the first set is the one the operating points are chosen on."""
    figures = {}
    chosen_on = next(iter(negatives))
    for stage, verified in (("stage1", False), ("verified", True)):
        best = [spotting.best_score(detections_of(line), verified) for line in positives]
        scores = {name: [s for line in lines for s in spotting.counted_scores(detections_of(line), verified)]
                  for name, (lines, _) in negatives.items()}
        hours = {name: h for name, (_, h) in negatives.items()}
        point = spotting.operating_point(best, scores[chosen_on], hours[chosen_on], TARGET_FA_PER_HOUR, run_threshold)
        default = spotting.at_threshold(best, scores[chosen_on], hours[chosen_on], default_threshold)
        figures[stage] = {
            "at_target": point.to_json(),
            "at_default_threshold": default.to_json(),
            "other_sets": {name: {"at_target": spotting.at_threshold(best, scores[name], hours[name],
                                                                     point.threshold).to_json(),
                                  "at_default_threshold": spotting.at_threshold(best, scores[name], hours[name],
                                                                                default_threshold).to_json()}
                           for name in negatives if name != chosen_on},
            "det": [[round(fa, 4), round(frr, 4)]
                    for fa, frr in spotting.det_points(best, scores[chosen_on], hours[chosen_on], run_threshold)],
        }
    figures["phrase"], figures["positives"] = phrase, len(positives)
    figures["run_threshold"], figures["default_threshold"] = run_threshold, default_threshold
    return figures


def repcnn_figures(positives, streams, real, refractory):
    """The RepCNN model's stage-1 figures from `--scores` lines, exact: the harness's DET curve (every score a
    threshold, the refractory period applied), the point at <= 0.5 FA/h and at the model's own threshold, and
    real speech's false accepts per hour at both."""
    best = [line["max_score"] for line in positives]
    stream_scores = [stream_from_result(line) for line in streams]
    curve = metrics.det_curve(best, {}, stream_scores, refractory)
    point = metrics.operating_point(curve, TARGET_FA_PER_HOUR)
    own = positives[0]["threshold"]
    at_own = min((p for p in curve if p.threshold >= own), key=lambda p: p.threshold)
    real_streams = [stream_from_result(line) for line in real]

    def real_rate(threshold):
        rate, events = metrics.false_accepts_per_hour(real_streams, threshold, refractory)
        return {"fa_per_hour": round(rate, 4), "false_accepts": events}

    return {"at_target": _harness_point(point), "at_default_threshold": _harness_point(at_own),
            "default_threshold": own, "real_at_target": real_rate(point.threshold),
            "real_at_default_threshold": real_rate(own),
            "det": [[round(p.fa_per_hour, 4), round(p.frr, 4)] for p in curve]}


def _harness_point(point):
    return {"threshold": point.threshold, "frr": round(point.frr, 6),
            "fa_per_hour": round(point.fa_per_hour, 4), "false_accepts": point.false_accepts}


def repcnn_verified_figures(runs_by_threshold, stream_hours, real_hours):
    """RepCNN + verifier from runs at fixed thresholds ({threshold: (positive lines, stream lines, real lines)},
    `--verify`): at each, a positive is accepted when a detection was verified, a false accept is a verified
    detection; the point at <= 0.5 FA/h is the lowest run threshold meeting it (None if none does)."""
    points = []
    for threshold, (positives, streams, real) in sorted(runs_by_threshold.items()):
        accepted = [any(d.accepted for d in detections_of(line)) for line in positives]
        stream_fa = sum(d.accepted for line in streams for d in detections_of(line))
        real_fa = sum(d.accepted for line in real for d in detections_of(line))
        points.append({"threshold": threshold, "frr": round(1.0 - float(np.mean(accepted)), 6),
                       "fa_per_hour": round(stream_fa / stream_hours, 4), "false_accepts": stream_fa,
                       "real_fa_per_hour": round(real_fa / real_hours, 4), "real_false_accepts": real_fa})
    meeting = [p for p in points if p["fa_per_hour"] <= TARGET_FA_PER_HOUR]
    return {"points": points, "at_target": min(meeting, key=lambda p: p["threshold"]) if meeting else None}


def plot(rows, repcnn, path):
    """DET curves: stage 1 (left), with the verifier (right); each run-time phrase, "hey jarvis" through the
    spotter, and the RepCNN model."""
    figure, axes = plt.subplots(1, 2, figsize=(13, 5.5), sharey=True)
    colours = plt.get_cmap("tab20").colors
    for k, row in enumerate(rows):
        for axis, stage in zip(axes, ("stage1", "verified")):
            fa, frr = zip(*row[stage]["det"]) if row[stage]["det"] else ((), ())
            style = {"color": "black", "linestyle": "--"} if row["trained_model_phrase"] else {"color": colours[k]}
            axis.step([max(x, 1e-2) for x in fa], [100 * y for y in frr], where="post",
                      label=f"{row['phrase']} (spotter)", **style)
    if repcnn:
        fa, frr = zip(*repcnn["stage1"]["det"])
        axes[0].step([max(x, 1e-2) for x in fa], [100 * y for y in frr], where="post", color="black",
                     linewidth=2.5, label="hey jarvis (RepCNN)")
        points = repcnn["verified"]["points"] if repcnn.get("verified") else []
        axes[1].plot([max(p["fa_per_hour"], 1e-2) for p in points], [100 * p["frr"] for p in points], "ko-",
                     linewidth=2.5, label="hey jarvis (RepCNN + verifier, run thresholds)")
    for axis, title in zip(axes, ("stage 1: the spotter alone", "stage 1 + verifier (kws-verifier accepts)")):
        axis.set_xscale("log")
        axis.axvline(TARGET_FA_PER_HOUR, color="grey", linewidth=0.8)
        axis.set_xlabel("false accepts per hour, synthetic test streams (0 drawn at 0.01)")
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
        axis.set_ylim(0, 100)
    axes[0].set_ylabel("false reject rate (%)")
    axes[1].legend(fontsize=7, loc="upper right")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def markdown(document):
    """The figures as a markdown table, one row per phrase, "hey jarvis" through both systems last."""
    hours = document["audio"]
    lines = [
        f"FRR on held-out test voices (noisy, reverberant) at <= {TARGET_FA_PER_HOUR} false accepts per hour of "
        f"{hours['stream_hours']:.2f} h of synthetic test streams (one false accept = "
        f"{1 / hours['stream_hours']:.2f} FA/h), and false accepts per hour on {hours['real_hours']:.2f} h of "
        f"{hours['real_set']} real speech at the same threshold. Spotter: run threshold "
        f"{document['run_threshold']}, default threshold per phrase as printed.",
        "",
        "| phrase | words | syllables | positives | FRR stage 1 | FRR + verifier | threshold (stage 1 / + verifier) "
        "| real FA/h (stage 1 / + verifier) | at the default threshold: FRR, FA/h (stage 1) | same + verifier |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in document["phrases"]:
        s1, s2 = row["stage1"], row["verified"]
        real = document["audio"]["real_set"]
        lines.append(
            f"| {row['phrase']}{' (spotter)' if row['trained_model_phrase'] else ''} | {len(row['phrase'].split())} "
            f"| {row['syllables']} | {row['positives']} | {_pct(s1['at_target']['frr'])} | {_pct(s2['at_target']['frr'])} "
            f"| {s1['at_target']['threshold']:.3f} / {s2['at_target']['threshold']:.3f} "
            f"| {s1['other_sets'][real]['at_target']['fa_per_hour']:.2f} / "
            f"{s2['other_sets'][real]['at_target']['fa_per_hour']:.2f} "
            f"| {_pct(s1['at_default_threshold']['frr'])}, {s1['at_default_threshold']['fa_per_hour']:.2f} "
            f"| {_pct(s2['at_default_threshold']['frr'])}, {s2['at_default_threshold']['fa_per_hour']:.2f} |")
    repcnn = document.get("repcnn")
    if repcnn:
        s1, s2 = repcnn["stage1"], (repcnn.get("verified") or {}).get("at_target")
        lines.append(
            f"| hey jarvis (RepCNN `{repcnn['model']}`) | 2 | {repcnn['syllables']} | {repcnn['positives']} "
            f"| {_pct(s1['at_target']['frr'])} | {_pct(s2['frr']) if s2 else 'n/a'} "
            f"| {s1['at_target']['threshold']:.3f} / {s2['threshold'] if s2 else 'n/a'} "
            f"| {s1['real_at_target']['fa_per_hour']:.2f} / {s2['real_fa_per_hour'] if s2 else 'n/a'} "
            f"| {_pct(s1['at_default_threshold']['frr'])}, {s1['at_default_threshold']['fa_per_hour']:.2f} | - |")
    return "\n".join(lines) + "\n"


def _pct(value):
    return f"{100 * value:.1f} %"


def evaluate(args):
    started = time.time()
    corpus, wake = Corpus(args.corpus), Corpus(args.wakeword_corpus)
    phrases = list(corpus.info["phrases"])
    trained_phrase = wake.info["phrase"]
    positives = {p: [(str(corpus.path(e)), e) for e in corpus.entries("test", {"positive"}) if e["phrase"] == p]
                 for p in phrases}
    positives[trained_phrase] = [(str(wake.path(e)), e) for e in wake.entries("test", {"positive"})]
    stream_entries = [(c, e) for c in [wake] + [Corpus(d) for d in args.streams_from]
                      for e in c.entries("test", {"long_negative"})]
    streams = _take_stream_files(stream_entries, args.stream_hours)
    real_set = NegativeSet(args.real_speech)
    real = NegativeAudio(real_set.name, [(str(real_set.path(e).resolve()), e)
                                         for e in take_hours(real_set.entries(), args.real_hours)])
    runs = DetectRuns(args.java + ["-jar", str(args.jar)], args.models_dir, args.cache, args.batch_size)
    every_phrase = phrases + [trained_phrase]
    phrase_options = [x for p in every_phrase for x in ("--phrase", p)]
    low = ["--threshold", str(args.run_threshold), "--verify"]
    negative_files = [p for p, _ in streams.files + real.files]
    negative_lines = runs.run("spotter-negatives", phrase_options + low, negative_files, len(every_phrase))
    first = positives[phrases[0]][0][0]
    defaults = {line["phrase"]: line["threshold"]
                for line in runs.run("spotter-defaults", phrase_options, [first], len(every_phrase))[first]}
    lexicon = read_lexicon(args.models_dir)
    rows = []
    for phrase in every_phrase:
        lines = runs.run(f"spotter-positives-{len(rows):02d}", ["--phrase", phrase] + low,
                         [p for p, _ in positives[phrase]])
        negatives, left_out = {}, {}
        for audio in (streams, real):
            kept, hours, hours_left_out = audio.for_phrase(phrase)
            negatives[audio.name] = ([_line_for(negative_lines[p], phrase) for p, _ in kept], hours)
            left_out[audio.name] = round(hours_left_out, 4)
        row = spotter_figures(phrase, [lines[p][0] for p, _ in positives[phrase]], negatives, args.run_threshold,
                              defaults[phrase])
        row.update(syllables=syllables(phrase, lexicon), trained_model_phrase=phrase == trained_phrase,
                   negative_hours={name: round(h, 4) for name, (_, h) in negatives.items()},
                   negative_hours_left_out=left_out)
        rows.append(row)
    repcnn = None
    if args.repcnn_model:
        model = ["--model", args.repcnn_model]
        files = [p for p, _ in positives[trained_phrase]]
        lines = runs.run("repcnn-scores", model + ["--scores"], files + negative_files)
        split = _split_lines(lines, files, streams, real)
        repcnn = {"model": lines[files[0]][0]["model"], "positives": len(files),
                  "syllables": syllables(trained_phrase, lexicon),
                  "stage1": repcnn_figures(*split, args.refractory)}
        verified = {}
        for threshold in args.repcnn_verify_thresholds:
            run = runs.run(f"repcnn-verify-{threshold}", model + ["--threshold", str(threshold), "--verify"],
                           files + negative_files)
            verified[threshold] = _split_lines(run, files, streams, real)
        if verified:
            repcnn["verified"] = repcnn_verified_figures(verified, streams.for_phrase(trained_phrase)[1],
                                                         real.for_phrase(trained_phrase)[1])
    document = {
        "command": args.command_line, "jar": str(args.jar), "run_threshold": args.run_threshold,
        "target_fa_per_hour": TARGET_FA_PER_HOUR, "refractory_s_repcnn": args.refractory,
        "approximation": spotting.__doc__.split("\n\n")[1].replace("\n", " "),
        "audio": {"positives_corpus": corpus.directory.name, "trained_phrase_corpus": wake.directory.name,
                  "stream_corpora": [wake.directory.name] + [pathlib.Path(d).name for d in args.streams_from],
                  "stream_files": len(streams.files),
                  "stream_hours": round(sum(e["duration"] for _, e in streams.files) / 3600.0, 4),
                  "real_set": real.name, "real_clips": len(real.files),
                  "real_hours": round(sum(e["duration"] for _, e in real.files) / 3600.0, 4)},
        "phrases": rows, "repcnn": repcnn,
        "run_seconds": {name: round(s, 1) for name, s in runs.seconds.items()},
        "seconds": round(time.time() - started, 1),
    }
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(document, indent=1))
    (out / "figures.md").write_text(markdown(document))
    plot(rows, repcnn, out / "det.png")
    return document


def _take_stream_files(stream_entries, hours):
    """The synthetic streams, --stream-hours of them (all for None), as NegativeAudio."""
    keyed = {f"{c.directory.name}/{e['id']}": (str(c.path(e).resolve()), e) for c, e in stream_entries}
    chosen = take_hours([{**e, "id": key} for key, (_, e) in keyed.items()], hours)
    return NegativeAudio("streams", [keyed[e["id"]] for e in chosen])


def _line_for(lines, phrase):
    return next(line for line in lines if line["phrase"] == phrase)


def _split_lines(lines, positive_files, streams, real):
    """(positive lines, stream lines, real lines) of a one-line-per-file run."""
    return ([lines[p][0] for p in positive_files], [lines[p][0] for p, _ in streams.files],
            [lines[p][0] for p, _ in real.files])


def add_arguments(parser):
    data = TRAINING / "data"
    parser.add_argument("--jar", type=pathlib.Path, default=REPOSITORY / "cli/target/wakestream.jar",
                        help="the CLI jar (give a copy while builds replace the real one)")
    parser.add_argument("--java", nargs="+", default=["nice", "-n", "10", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java",
                                                      "--enable-native-access=ALL-UNNAMED"],
                        help="the command that runs java, before -jar")
    parser.add_argument("--models-dir", type=pathlib.Path, default=REPOSITORY / "models")
    parser.add_argument("--corpus", type=pathlib.Path, default=data / "phrase-eval-voices2",
                        help="a phrases corpus (its test positives)")
    parser.add_argument("--wakeword-corpus", type=pathlib.Path, default=data / "wakeword-hey-jarvis-voices2",
                        help="the trained phrase's corpus: its test positives and long negative streams")
    parser.add_argument("--streams-from", nargs="*", type=pathlib.Path,
                        default=[data / "negatives-hey-jarvis-voices2"], help="more test streams")
    parser.add_argument("--stream-hours", type=float, help="hours of the test streams to use (default: all)")
    parser.add_argument("--real-speech", type=pathlib.Path, default=data / "real-uqm",
                        help="an exported real-speech set (evaluation sets --export uqm)")
    parser.add_argument("--real-hours", type=float, default=2.0, help="hours of it to use")
    parser.add_argument("--run-threshold", type=float, required=True,
                        help="the spotter's threshold for its one run: below every threshold reported")
    parser.add_argument("--repcnn-model", default="wakeword-hey-jarvis", help="the trained model ('' for none)")
    parser.add_argument("--repcnn-verify-thresholds", nargs="*", type=float, default=[],
                        help="RepCNN thresholds to run with the verifier (needs `detect --model M --verify`)")
    parser.add_argument("--refractory", type=float, default=metrics.DEFAULT_REFRACTORY_S,
                        help="seconds, for the RepCNN model's false accepts from its scores")
    parser.add_argument("--batch-size", type=int, default=100, help="files per JVM")
    parser.add_argument("--cache", type=pathlib.Path, default=data / "phrase-eval-runs",
                        help="the detect lines of every run, reused by a rerun")
    parser.add_argument("--out", type=pathlib.Path, default=REPOSITORY / "reports/open-vocabulary")
