"""Figures of open-vocabulary spotting (issue 15): phrases typed at run time, spotted in the phonetic encoder's
phone posteriors by `wakestream detect --phrase`, side by side with the trained RepCNN model for "hey jarvis".

    cd training
    /usr/bin/python3 -m wakestream_training.evaluation phrases --jar /tmp/phrase-eval/ws.jar \\
        --out ../reports/open-vocabulary

Audio: the positives of a `phrases` corpus (test voices, noisy and reverberant) and the "hey jarvis" test
positives of the wake-word corpus; as negatives the long negative streams of the test split (the wake-word and
--streams-from corpora; --stream-hours takes a part) and real speech (an exported set, --real-hours of it). For
each phrase, negative audio whose text says the phrase is left out of its false accepts (the report counts it).

Stage 1 is exact at every threshold: both detectors print every score (`--scores`), and false accepts are the
firings of the trigger policy (a score at or above the threshold, then the refractory period) counted from them,
as the harness counts them (metrics.py); a positive clip is accepted when its best score reaches the threshold.
With the verifier (the second stage), each firing's trigger audio, the detector's window ending at the firing
(start_ms to end_ms of a detection, as the service and `detect --phrase --verify` cut it), is cut out of its file
and verified with `wakestream verify --phrase PHRASE` (kws-service's core, as the service verifies): a positive is
accepted when a firing of it is verified, a false accept is a verified firing. That is exact at the thresholds
where it is done: the detector's own and those of stage 1's best points at VERIFY_AT_FA_PER_HOUR; the operating
point with the verifier is the lowest of them whose verified false accepts stay within the rate.
"""
import hashlib
import json
import pathlib
import time
import wave

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the file-only backend)
import numpy as np  # noqa: E402

from ..corpus import Corpus  # noqa: E402
from ..text.general import contains_phrase  # noqa: E402
from . import metrics  # noqa: E402
from .cli_runs import DetectRuns  # noqa: E402
from .detector import stream_from_result  # noqa: E402
from .real_speech import NegativeSet  # noqa: E402
from .report import det_envelope  # noqa: E402

TRAINING = pathlib.Path(__file__).resolve().parents[2]
REPOSITORY = TRAINING.parent
TARGET_FA_PER_HOUR = 0.5
# stage 1's operating points at these rates are where the verifier is run (with the detector's own threshold)
VERIFY_AT_FA_PER_HOUR = (0.5, 1.0, 2.0, 4.0)
VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}


class NegativeAudio:
    """Negative files of one kind (synthetic streams or real speech): name and [(path, entry)]."""

    def __init__(self, name, files):
        self.name, self.files = name, files

    def for_phrase(self, phrase):
        """(files kept, hours kept, hours left out): audio whose text says the phrase is no false accept of it."""
        says = [contains_phrase(entry_text(e), phrase) for _, e in self.files]
        kept = [f for f, s in zip(self.files, says) if not s]
        left_out = sum(e["duration"] for (_, e), s in zip(self.files, says) if s)
        return kept, sum(e["duration"] for _, e in kept) / 3600.0, left_out / 3600.0

    @property
    def hours(self):
        return sum(e["duration"] for _, e in self.files) / 3600.0


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


def floor_scores(floor):
    """A line reducer: scores below `floor` dropped (no threshold at or above it can fire on them)."""
    def reduce(line):
        if line.get("scores") is None:
            return line
        return {**line, "scores": [pair for pair in line["scores"] if pair[1] >= floor]}
    return reduce


def stage1_figures(positive_best, streams, real_streams, refractory, default_threshold, floor):
    """Exact stage-1 figures of one detector and phrase: positive_best [best score per positive clip]; streams,
    real_streams [metrics.Stream] (scores below `floor` may be missing: thresholds start there). The DET curve on
    the streams (its envelope: FA/h ascending, the best FRR at that rate or fewer), the point at <= TARGET_FA_PER_HOUR, the detector's own threshold, and real speech at both; and
    the curve (metrics.DetPoint)."""
    thresholds = [t for t in metrics.thresholds_for(positive_best, {}, streams, grid=21) if t >= floor]
    curve = metrics.det_curve(positive_best, {}, streams, refractory, thresholds)
    point = metrics.operating_point(curve, TARGET_FA_PER_HOUR)

    def at(threshold):
        rate, events = metrics.false_accepts_per_hour(streams, threshold, refractory)
        real_rate, real_events = metrics.false_accepts_per_hour(real_streams, threshold, refractory)
        return {"threshold": float(threshold), "frr": round(metrics.false_reject_rate(positive_best, threshold), 6),
                "fa_per_hour": round(rate, 4), "false_accepts": events,
                "real_fa_per_hour": round(real_rate, 4), "real_false_accepts": real_events}

    figures = {"at_target": at(point.threshold) if point else None, "at_default_threshold": at(default_threshold),
               "default_threshold": default_threshold,
               "det": [[round(fa, 4), round(frr, 4)] for fa, frr in zip(*det_envelope(
                   [{"fa_per_hour": p.fa_per_hour, "frr": p.frr} for p in curve]))]}
    return figures, curve


def verified_figures(runs_by_threshold, stream_hours, real_hours):
    """Figures with the verifier from runs at fixed thresholds ({threshold: (positive lines, stream lines, real
    lines)}, each detection with "verification": {"accepted"}): a positive is accepted when one of its detections
    was verified, a false accept is a verified detection on negative audio. The point at <= TARGET_FA_PER_HOUR is
    the lowest run threshold meeting it (None if none does)."""
    points = []
    for threshold, (positives, streams, real) in sorted(runs_by_threshold.items()):
        accepted = [any(d["verification"]["accepted"] for d in line["detections"]) for line in positives]
        verified = [sum(d["verification"]["accepted"] for line in lines for d in line["detections"])
                    for lines in (streams, real)]
        points.append({"threshold": threshold, "frr": round(1.0 - float(np.mean(accepted)), 6),
                       "fa_per_hour": round(verified[0] / stream_hours, 4), "false_accepts": verified[0],
                       "detections": sum(len(line["detections"]) for line in streams),
                       "real_fa_per_hour": round(verified[1] / real_hours, 4), "real_false_accepts": verified[1]})
    meeting = [p for p in points if p["fa_per_hour"] <= TARGET_FA_PER_HOUR]
    return {"points": points, "at_target": min(meeting, key=lambda p: p["threshold"]) if meeting else None}


def _line(lines, phrase):
    return next(line for line in lines if line["phrase"] == phrase)


def trigger_window_ms(lines):
    """The detector's window in ms, from its detections (start_ms = end_ms - window, cut at the file's start).
    Raises ValueError when no detection shows it."""
    widths = [d["end_ms"] - d["start_ms"] for line in lines for d in line["detections"] if d["start_ms"] > 0]
    if not widths:
        raise ValueError("no detection shows the detector's window: no trigger audio can be cut")
    return max(widths)


def verify_thresholds(curve, default_threshold):
    """The detector's own threshold and stage 1's best thresholds at VERIFY_AT_FA_PER_HOUR, ascending."""
    points = [metrics.operating_point(curve, rate) for rate in VERIFY_AT_FA_PER_HOUR]
    return sorted({float(default_threshold)} | {p.threshold for p in points if p is not None})


def firings(line, threshold, refractory, window_ms):
    """[(start_ms, end_ms)] of the trigger audio of every firing in a `--scores` line at the threshold."""
    stream = stream_from_result(line)
    ends = metrics.refractory_events(stream.times, stream.scores, threshold, refractory)
    return [(max(0, int(round(end * 1000)) - window_ms), int(round(end * 1000))) for end in ends]


def firings_check(lines, threshold, refractory, window_ms):
    """How many lines' detections (the detector's own, at its threshold) are exactly the firings counted from their
    scores at that threshold: {"lines", "agree"}. All agree when the scores tell what the service does."""
    agree = sum([(d["start_ms"], d["end_ms"]) for d in line["detections"]] == firings(line, threshold, refractory,
                                                                                      window_ms) for line in lines)
    return {"lines": len(lines), "agree": agree}


def cut_trigger(source, start_ms, end_ms, directory):
    """The samples [start_ms, end_ms) of a 16 kHz 16-bit WAV written as a WAV of their own in `directory` (named
    by the source and the times, so a rerun finds it); returns its path."""
    name = hashlib.sha1(f"{source}|{start_ms}|{end_ms}".encode()).hexdigest()[:16] + ".wav"
    path = pathlib.Path(directory) / name
    if not path.exists():
        with wave.open(str(source), "rb") as reader:
            if (reader.getframerate(), reader.getsampwidth(), reader.getnchannels()) != (16000, 2, 1):
                raise ValueError(f"{source}: trigger audio is cut from 16 kHz 16-bit mono WAVs only")
            reader.setpos(min(start_ms * 16, reader.getnframes()))
            frames = reader.readframes(max(0, end_ms - start_ms) * 16)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        with wave.open(str(temporary), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(16000)
            writer.writeframes(frames)
        temporary.replace(path)
    return path


class Evaluation:
    """The runs and figures of one `evaluation phrases` command."""

    def __init__(self, args):
        self.args = args
        self.corpus, self.wake = Corpus(args.corpus), Corpus(args.wakeword_corpus)
        self.phrases = list(self.corpus.info["phrases"])
        self.trained_phrase = self.wake.info["phrase"]
        positives = {p: [(str(self.corpus.path(e)), e) for e in self.corpus.entries("test", {"positive"})
                         if e["phrase"] == p] for p in self.phrases}
        positives[self.trained_phrase] = [(str(self.wake.path(e)), e) for e in self.wake.entries("test", {"positive"})]
        self.positives = {p: [f for f, _ in files] for p, files in positives.items()}
        self.streams = self._streams()
        real_set = NegativeSet(args.real_speech)
        self.real = NegativeAudio(real_set.name, [(str(real_set.path(e)), e)
                                                  for e in take_hours(real_set.entries(), args.real_hours)])
        self.runs = DetectRuns(args.java + ["-jar", str(args.jar)], args.models_dir, args.cache)
        self.negative_files = [p for p, _ in self.streams.files + self.real.files]
        self.seconds = {f: e["duration"] for files in positives.values() for f, e in files}
        self.seconds.update({f: e["duration"] for f, e in self.streams.files + self.real.files})

    def _streams(self):
        corpora = [self.wake] + [Corpus(d) for d in self.args.streams_from]
        keyed = {f"{c.directory.name}/{e['id']}": (str(c.path(e)), e)
                 for c in corpora for e in c.entries("test", {"long_negative"})}
        chosen = take_hours([{**e, "id": key} for key, (_, e) in keyed.items()], self.args.stream_hours)
        return NegativeAudio("streams", [keyed[e["id"]] for e in chosen])

    def spotter(self):
        """One row per phrase (the trained phrase last), from one run that searches every phrase in every file (the
        encoder runs once a file) and prints every score, and the verifier on the firings' trigger audio."""
        args, every = self.args, self.phrases + [self.trained_phrase]
        options = [x for p in every for x in ("--phrase", p)]
        files = [f for p in every for f in self.positives[p]] + self.negative_files
        scores = self.runs.run(f"spotter-scores-floor{args.score_floor}", options + ["--scores"], files, len(every),
                               reduce=floor_scores(args.score_floor), seconds=self.seconds)
        # a run at the floor on one stream: detections away from the file's start show each phrase's window
        probe_file = self.streams.files[0][0]
        probe = self.runs.run("spotter-window-probe", options + ["--threshold", str(args.score_floor)], [probe_file],
                              len(every))[probe_file]
        lexicon = read_lexicon(args.models_dir)
        rows = []
        for phrase in every:
            positives = [_line(scores[f], phrase) for f in self.positives[phrase]]
            (streams, stream_hours, stream_left_out), (real, real_hours, real_left_out) = (
                self._lines_for(audio, phrase, scores) for audio in (self.streams, self.real))
            row = {"phrase": phrase, "trained_model_phrase": phrase == self.trained_phrase,
                   "words": len(phrase.split()), "syllables": syllables(phrase, lexicon), "positives": len(positives),
                   "phones": positives[0].get("phones"),
                   "negative_hours": {"streams": round(stream_hours, 4), self.real.name: round(real_hours, 4)},
                   "negative_hours_left_out": {"streams": round(stream_left_out, 4),
                                               self.real.name: round(real_left_out, 4)}}
            window = trigger_window_ms([_line(probe, phrase)] + positives + streams + real)
            row.update(self._figures(phrase, positives, streams, real, stream_hours, real_hours,
                                     args.spotter_refractory, args.score_floor, window))
            rows.append(row)
        return rows

    @staticmethod
    def _lines_for(audio, phrase, lines):
        """(the phrase's lines of the audio's files that do not say it, hours of them, hours left out)."""
        kept, hours, left_out = audio.for_phrase(phrase)
        return [_line(lines[p], phrase) for p, _ in kept], hours, left_out

    def _figures(self, phrase, positives, streams, real, stream_hours, real_hours, refractory, floor, window):
        """{"stage1", "verified", "trigger_window_ms"} of one detector on one phrase from its `--scores` lines;
        window: its trigger audio in ms."""
        default = positives[0]["threshold"]
        stage1, curve = stage1_figures([line["max_score"] for line in positives],
                                       [stream_from_result(line) for line in streams],
                                       [stream_from_result(line) for line in real], refractory, default, floor)
        thresholds = verify_thresholds(curve, default)
        groups = (positives, streams, real)
        fired = {(t, k): [firings(line, t, refractory, window) for line in group]
                 for t in thresholds for k, group in enumerate(groups)}
        verdicts = self._verify(phrase, {(line["file"], start, end) for (t, k), cuts in fired.items()
                                         for line, spans in zip(groups[k], cuts) for start, end in spans})
        runs = {t: tuple([{"file": line["file"],
                           "detections": [{"start_ms": start, "end_ms": end, "verification": verdicts[line["file"], start, end]}
                                          for start, end in spans]}
                          for line, spans in zip(group, fired[t, k])] for k, group in enumerate(groups))
                for t in thresholds}
        return {"stage1": stage1, "trigger_window_ms": window,
                "verified": verified_figures(runs, stream_hours, real_hours),
                "firings_check": firings_check(positives + streams + real, default, refractory, window)}

    def _verify(self, phrase, triggers):
        """{(file, start_ms, end_ms): {"score", "accepted"}}: each trigger cut out of its file and verified against
        the phrase by `wakestream verify`, all of them in one run (one JVM per batch)."""
        cuts = {trigger: str(cut_trigger(*trigger, self.args.cache / "triggers")) for trigger in triggers}
        if not cuts:
            return {}
        lines = self.runs.run(f"verify-{phrase.replace(' ', '-')}", ["--phrase", phrase], sorted(set(cuts.values())),
                              command="verify")
        return {trigger: {key: lines[path][0][key] for key in ("score", "accepted")} for trigger, path in cuts.items()}

    def repcnn(self):
        """The trained model on the trained phrase, from one `--scores` run, verified as the spotter is."""
        files = self.positives[self.trained_phrase]
        lines = self.runs.run("repcnn-scores", ["--model", self.args.repcnn_model, "--scores"],
                              files + self.negative_files, seconds=self.seconds)
        positives = [lines[f][0] for f in files]
        streams = [lines[p][0] for p, _ in self.streams.files]
        real = [lines[p][0] for p, _ in self.real.files]
        probe_file = self.streams.files[0][0]
        probe = self.runs.run("repcnn-window-probe", ["--model", self.args.repcnn_model, "--threshold", "0.01"],
                              [probe_file])[probe_file]
        window = trigger_window_ms(probe + positives + streams + real)
        figures = {"model": positives[0]["model"], "positives": len(files)}
        figures.update(self._figures(self.trained_phrase, positives, streams, real, self.streams.hours,
                                     self.real.hours, self.args.refractory, 0.0, window))
        return figures

    def document(self):
        started = time.time()
        rows = self.spotter()
        repcnn = self.repcnn() if self.args.repcnn_model else None
        if repcnn:
            repcnn["syllables"] = next(r["syllables"] for r in rows if r["trained_model_phrase"])
        args = self.args
        return {
            "command": args.command_line, "jar": str(args.jar),
            "target_fa_per_hour": TARGET_FA_PER_HOUR, "score_floor": args.score_floor,
            "refractory_s": {"spotter": args.spotter_refractory, "repcnn": args.refractory},
            "verify_at_fa_per_hour": VERIFY_AT_FA_PER_HOUR,
            "method": __doc__.split("\n\n", 2)[2].replace("\n", " "),
            "audio": {"positives_corpus": self.corpus.directory.name, "trained_phrase_corpus": self.wake.directory.name,
                      "stream_corpora": [self.wake.directory.name] + [pathlib.Path(d).name for d in args.streams_from],
                      "stream_files": len(self.streams.files), "stream_hours": round(self.streams.hours, 4),
                      "real_set": self.real.name, "real_clips": len(self.real.files),
                      "real_hours": round(self.real.hours, 4)},
            "phrases": rows, "repcnn": repcnn,
            "run_seconds": {name: round(s, 1) for name, s in self.runs.seconds.items()},
            "seconds": round(time.time() - started, 1),
        }


def plot(document, path):
    """DET curves of stage 1 (left) and the points with the verifier (right): each run-time phrase, "hey jarvis"
    through the spotter (dashed) and the RepCNN model (thick)."""
    figure, axes = plt.subplots(1, 2, figsize=(13, 5.5), sharey=True)
    colours = plt.get_cmap("tab10").colors
    for k, row in enumerate(document["phrases"]):
        style = {"color": "black", "linestyle": "--"} if row["trained_model_phrase"] else {"color": colours[k % 10]}
        label = f"{row['phrase']} (spotter)"
        fa, frr = metrics_envelope(row["stage1"]["det"])
        axes[0].step([max(x, 1e-2) for x in fa], [100 * y for y in frr], where="post", label=label, **style)
        points = sorted(row.get("verified", {}).get("points", []), key=lambda p: (p["fa_per_hour"], -p["frr"]))
        axes[1].plot([max(p["fa_per_hour"], 1e-2) for p in points], [100 * p["frr"] for p in points], marker=".",
                     label=label, **style)
    repcnn = document.get("repcnn")
    if repcnn:
        label = f"hey jarvis ({repcnn['model']})"
        fa, frr = metrics_envelope(repcnn["stage1"]["det"])
        axes[0].step([max(x, 1e-2) for x in fa], [100 * y for y in frr], where="post", color="black", linewidth=2.5,
                     label=label)
        points = sorted(repcnn.get("verified", {}).get("points", []), key=lambda p: (p["fa_per_hour"], -p["frr"]))
        axes[1].plot([max(p["fa_per_hour"], 1e-2) for p in points], [100 * p["frr"] for p in points], "ko-",
                     linewidth=2.5, label=label)
    hours = document["audio"]["stream_hours"]
    for axis, title in zip(axes, ("stage 1: detector alone (every threshold)",
                                  "stage 1 + kws verifier (at the verified thresholds)")):
        axis.set_xscale("log")
        axis.axvline(TARGET_FA_PER_HOUR, color="grey", linewidth=0.8)
        axis.set_xlabel(f"false accepts per hour, {hours:.2f} h of synthetic test streams (0 drawn at 0.01)")
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
        axis.set_ylim(0, 100)
    axes[0].set_ylabel("false reject rate (%), held-out voices, noisy and reverberant")
    axes[0].legend(fontsize=7, loc="upper right")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def metrics_envelope(det):
    """(FA/h ascending, best FRR at that rate or fewer) of [[FA/h, FRR]] points."""
    return det_envelope([{"fa_per_hour": fa, "frr": frr} for fa, frr in det])


def markdown(document):
    """The figures as a markdown table: the run-time phrases, then "hey jarvis" through the spotter and the RepCNN."""
    audio = document["audio"]
    real = audio["real_set"]
    lines = [
        f"FRR on held-out test voices (noisy, reverberant) at <= {TARGET_FA_PER_HOUR} false accepts per hour of "
        f"{audio['stream_hours']:.2f} h of synthetic test streams (one false accept = "
        f"{1 / audio['stream_hours']:.2f} FA/h) and, at the same threshold, false accepts per hour on "
        f"{audio['real_hours']:.2f} h of {real} real speech. Stage 1 is exact at every threshold; with the verifier "
        f"at the detector's own threshold and at stage 1's best thresholds for "
        f"{', '.join(str(r) for r in document['verify_at_fa_per_hour'])} FA/h only (threshold in brackets).",
        "",
        "| phrase | words | syllables | positives | stage 1: FRR (threshold, real FA/h) | + verifier: FRR (threshold, "
        "real FA/h) | at the default threshold: FRR, FA/h, real FA/h | same + verifier |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = [(f"{r['phrase']}{' (spotter)' if r['trained_model_phrase'] else ''}", r) for r in document["phrases"]]
    if document.get("repcnn"):
        repcnn = document["repcnn"]
        rows.append((f"hey jarvis (RepCNN {repcnn['model']})", {**repcnn, "words": 2}))
    for name, row in rows:
        stage1, verified = row["stage1"], row.get("verified") or {}
        default = stage1["default_threshold"]
        at_default = next((p for p in verified.get("points", []) if p["threshold"] == default), None)
        lines.append(f"| {name} | {row['words']} | {row['syllables']} | {row['positives']} | {_point(stage1['at_target'])} "
                     f"| {_point(verified.get('at_target'))} | {_at(stage1['at_default_threshold'], default)} "
                     f"| {_at(at_default, default)} |")
    return "\n".join(lines) + "\n"


def _point(point):
    if point is None:
        return "not reached"
    return f"**{100 * point['frr']:.1f} %** ({point['threshold']:.3f}, {point['real_fa_per_hour']:.2f})"


def _at(point, threshold):
    if point is None:
        return "-"
    return (f"{100 * point['frr']:.1f} %, {point['fa_per_hour']:.2f}, {point['real_fa_per_hour']:.2f} "
            f"(at {threshold:.3g})")


def evaluate(args):
    document = Evaluation(args).document()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(document, indent=1) + "\n")
    (out / "figures.md").write_text(markdown(document))
    plot(document, out / "det.png")
    return document


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
    parser.add_argument("--score-floor", type=float, default=0.1,
                        help="spotter scores below this are not kept; the stage-1 curve starts there")
    parser.add_argument("--spotter-refractory", type=float, default=2.0,
                        help="seconds: the spotter's refractory period (OpenVocabularySettings)")
    parser.add_argument("--repcnn-model", default="wakeword-hey-jarvis", help="the trained model ('' for none)")
    parser.add_argument("--refractory", type=float, default=metrics.DEFAULT_REFRACTORY_S,
                        help="seconds: the RepCNN model's refractory period")
    parser.add_argument("--cache", type=pathlib.Path, default=data / "phrase-eval-runs",
                        help="the lines of every run, and cut trigger audio, reused by a rerun")
    parser.add_argument("--out", type=pathlib.Path, default=REPOSITORY / "reports/open-vocabulary")
