"""Word error rates of the Java lattice decoder on the held-out voices of the phonetic corpora.

    cd training && /usr/bin/python3 -m wakestream_training.lm.wer --out ../reports/asr-wer.json [--limit N]

Runs `wakestream lattice` (the CLI: phonetic encoder + LatticeDecoder with lm-requests, as
asr-lattice-service decodes a segment) over the test clips of kinds `request` and `wake_request` of the
clean and the noisy (noisy_reverb) phonetic corpora, about 40 files per JVM (the paths go in an @argfile),
one JVM per batch, each batch holding one corpus and kind. Per corpus and kind it reports:

- 1-best WER: word edit distance of the lattice's 1-best against the reference, summed over clips, over
  the reference words (with substitutions, deletions and insertions);
- lattice oracle WER: the fewest word errors of any path from the start node (no arc enters it) to the
  final node (no arc leaves it), a DP over the nodes in topological order x reference positions;
- lattice density: arcs per second of audio (all arcs, and word arcs without `</s>`/`<s>`);
- CPU: wall-clock and process CPU (getrusage(RUSAGE_CHILDREN) deltas) of the JVM runs per second of
  audio. These include each batch's JVM start-up and model loading, so they are upper bounds; a second
  measurement (a batch of the longest clips minus a run on the shortest clip alone) estimates the
  marginal per-file cost.

Text on both sides goes through phonetic.normalize (the rules of the LM, the lexicon and Java's
TextNormalizer); `<s>`, `</s>` and `<unk>` are dropped from hypotheses (epsilon arcs in the oracle).
`--limit N` takes N clips evenly spread over each corpus and kind.
"""
import argparse
import json
import os
import pathlib
import resource
import shlex
import subprocess
import sys
import tempfile
import time
import wave

from ..corpus import Corpus
from ..phonetic import normalize

TRAINING = pathlib.Path(__file__).resolve().parents[2]
ROOT = TRAINING.parent
DEFAULT_JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
# The jar `./wakestream` builds; copy it elsewhere first (--jar) when a build may replace it during the run.
DEFAULT_JAR = str(ROOT / "cli" / "target" / "wakestream.jar")
MAIN_CLASS = "io.wakestream.cli.WakestreamCommand"
CORPORA = {"clean": "data/phonetic-hey-jarvis-clean", "noisy": "data/phonetic-hey-jarvis"}
KINDS = ("request", "wake_request")
SPECIAL = frozenset({"<s>", "</s>", "<unk>"})
BATCH = 40



def words(text):
    """Normalised words of a reference or hypothesis, without `<s>`, `</s>` and `<unk>`."""
    kept = [token for token in text.split() if token.lower() not in SPECIAL]
    return normalize.words(" ".join(kept))


def arc_words(word):
    """The normalised words an arc's label stands for: () for `<s>`, `</s>` and `<unk>` (epsilon)."""
    if word.lower() in SPECIAL:
        return ()
    return tuple(normalize.words(word))


def edit_counts(ref, hyp):
    """(substitutions, deletions, insertions) of a minimum word edit distance alignment of hyp to ref."""
    n, m = len(ref), len(hyp)
    # cost[i][j]: (errors, subs, dels, ins) aligning ref[:i] with hyp[:j]; tuples compare on errors first.
    previous = [(j, 0, 0, j) for j in range(m + 1)]
    for i in range(1, n + 1):
        current = [(i, 0, i, 0)]
        for j in range(1, m + 1):
            e, s, d, k = previous[j - 1]
            same = ref[i - 1] == hyp[j - 1]
            diagonal = (e + (0 if same else 1), s + (0 if same else 1), d, k)
            e, s, d, k = previous[j]
            deletion = (e + 1, s, d + 1, k)
            e, s, d, k = current[j - 1]
            insertion = (e + 1, s, d, k + 1)
            current.append(min(diagonal, deletion, insertion))
        previous = current
    _, subs, dels, ins = previous[m]
    return subs, dels, ins


def edit_distance(ref, hyp):
    return sum(edit_counts(ref, hyp))


def _deletions(row):
    """Close a DP row under deleting reference words: row[j] <= row[j - 1] + 1."""
    for j in range(1, len(row)):
        if row[j - 1] + 1 < row[j]:
            row[j] = row[j - 1] + 1
    return row


def _consume(row, word, ref):
    """The row after a hypothesis word: an insertion, or a match or substitution of ref[j - 1]."""
    out = [value + 1 for value in row]
    for j in range(1, len(row)):
        value = row[j - 1] + (0 if ref[j - 1] == word else 1)
        if value < out[j]:
            out[j] = value
    return _deletions(out)


def lattice_nodes(arcs):
    """(start nodes, final nodes, topological order) of a lattice given as arcs with "from" and "to"."""
    nodes, incoming, outgoing = set(), {}, {}
    for arc in arcs:
        nodes.update((arc["from"], arc["to"]))
        incoming[arc["to"]] = incoming.get(arc["to"], 0) + 1
        outgoing.setdefault(arc["from"], []).append(arc)
    starts = sorted(node for node in nodes if node not in incoming)
    finals = sorted(node for node in nodes if node not in outgoing)
    order, remaining, ready = [], dict(incoming), list(starts)
    while ready:
        node = ready.pop()
        order.append(node)
        for arc in outgoing.get(node, ()):
            remaining[arc["to"]] -= 1
            if remaining[arc["to"]] == 0:
                ready.append(arc["to"])
    if len(order) != len(nodes):
        raise ValueError("the lattice has a cycle")
    return starts, finals, order


def oracle_errors(arcs, ref):
    """The fewest word errors (substitutions + deletions + insertions) against `ref` of any path from a
    start node (one no arc enters) to a final node (one no arc leaves); `<s>`, `</s>` and `<unk>` arcs are
    epsilon. An empty lattice scores len(ref) (everything deleted)."""
    ref = list(ref)
    if not arcs:
        return len(ref)
    starts, finals, order = lattice_nodes(arcs)
    outgoing = {}
    for arc in arcs:
        outgoing.setdefault(arc["from"], []).append(arc)
    rows = {node: list(range(len(ref) + 1)) for node in starts}
    for node in order:
        row = rows.get(node)
        if row is None:
            continue
        for arc in outgoing.get(node, ()):
            new = row
            for word in arc_words(arc["word"]):
                new = _consume(new, word, ref)
            target = rows.get(arc["to"])
            rows[arc["to"]] = list(new) if target is None else [min(a, b) for a, b in zip(target, new)]
    return min(rows[node][len(ref)] for node in finals)


class Tally:
    """Sums of one group of clips."""

    def __init__(self):
        self.clips = self.ref_words = self.subs = self.dels = self.ins = self.oracle = self.exact = 0
        self.oracle_exact = self.arcs = self.word_arcs = self.truncated = 0
        self.audio_s = 0.0

    def add(self, clip):
        self.clips += 1
        self.ref_words += len(clip["ref"])
        self.subs += clip["subs"]
        self.dels += clip["dels"]
        self.ins += clip["ins"]
        self.exact += clip["errors"] == 0
        self.oracle += clip["oracle_errors"]
        self.oracle_exact += clip["oracle_errors"] == 0
        self.arcs += clip["arcs"]
        self.word_arcs += clip["word_arcs"]
        self.truncated += clip["truncated"]
        self.audio_s += clip["audio_s"]

    def summary(self):
        errors = self.subs + self.dels + self.ins
        words_ = max(self.ref_words, 1)
        audio = max(self.audio_s, 1e-9)
        return {
            "clips": self.clips, "ref_words": self.ref_words, "audio_s": round(self.audio_s, 2),
            "one_best": {"wer": round(errors / words_, 4), "errors": errors, "substitutions": self.subs,
                         "deletions": self.dels, "insertions": self.ins, "sentences_right": self.exact},
            "oracle": {"wer": round(self.oracle / words_, 4), "errors": self.oracle,
                       "sentences_right": self.oracle_exact},
            "density": {"arcs_per_s": round(self.arcs / audio, 2), "word_arcs_per_s": round(self.word_arcs / audio, 2),
                        "arcs_per_clip": round(self.arcs / max(self.clips, 1), 1)},
            "truncated": self.truncated,
        }



def audio_seconds(path):
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def launcher(args):
    base = [args.java, "--enable-native-access=ALL-UNNAMED"]
    if args.classpath:
        return base + ["-cp", args.classpath, MAIN_CLASS]
    return base + ["-jar", args.jar]


def run_batch(args, files):
    """Runs one JVM over `files`: ({path: JSON line}, wall seconds, CPU seconds, exit code)."""
    with tempfile.NamedTemporaryFile("w", suffix=".args", delete=False) as argfile:
        argfile.write("".join(str(path) + "\n" for path in files))
    command = launcher(args) + ["lattice", "--models-dir", str(args.models_dir)]
    if args.lm_weight is not None:
        command += ["--lm-weight", str(args.lm_weight)]
    if args.word_insertion_penalty is not None:
        command += ["--word-insertion-penalty", str(args.word_insertion_penalty)]
    command.append("@" + argfile.name)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    os.unlink(argfile.name)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = {}
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            lines[record["file"]] = record
    if result.returncode != 0 or len(lines) != len(files):
        sys.stderr.write(f"lattice exited {result.returncode} with {len(lines)}/{len(files)} lines\n"
                         + result.stderr[-2000:] + "\n")
    return lines, wall, cpu, result.returncode


def spread(entries, limit):
    """`limit` entries evenly spread over the list (all of them without a limit)."""
    if not limit or limit >= len(entries):
        return list(entries)
    return [entries[i * len(entries) // limit] for i in range(limit)]


def score_clip(group, kind, entry, path, record):
    ref = words(entry["text"])
    one_best = record.get("one_best", "") if record else ""
    hyp = words(one_best)
    arcs = record.get("arcs", []) if record else []
    subs, dels, ins = edit_counts(ref, hyp)
    return {
        "corpus": group, "kind": kind, "id": entry["id"], "file": str(path), "audio_s": audio_seconds(path),
        "ref": ref, "hyp": hyp, "subs": subs, "dels": dels, "ins": ins, "errors": subs + dels + ins,
        "oracle_errors": oracle_errors(arcs, ref), "arcs": len(arcs),
        "word_arcs": sum(1 for arc in arcs if arc_words(arc["word"]) or arc["word"].lower() == "<unk>"),
        "truncated": bool(record.get("truncated")) if record else False, "decoded": record is not None,
    }


def per_audio(wall, cpu, audio):
    audio = max(audio, 1e-9)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "wall_ms_per_audio_s": round(1000 * wall / audio, 1), "cpu_ms_per_audio_s": round(1000 * cpu / audio, 1)}


def startup_estimate(args, clips):
    """Marginal cost per second of audio, per corpus: a batch of its longest clips minus the shortest clip
    alone (JVM start-up, model loading and that clip's decoding cancel out)."""
    shortest = min(clips, key=lambda clip: clip["audio_s"])
    _, wall_1, cpu_1, _ = run_batch(args, [shortest["file"]])
    estimate = {"single": {"file": shortest["file"], "audio_s": round(shortest["audio_s"], 3),
                           **per_audio(wall_1, cpu_1, shortest["audio_s"])}}
    for group in sorted({clip["corpus"] for clip in clips}):
        longest = sorted((clip for clip in clips if clip["corpus"] == group), key=lambda clip: clip["audio_s"])
        longest = longest[-args.long_batch:]
        _, wall_n, cpu_n, _ = run_batch(args, [clip["file"] for clip in longest])
        audio_n = sum(clip["audio_s"] for clip in longest)
        extra = audio_n - shortest["audio_s"]
        estimate[group] = {
            "longest": {"clips": len(longest), "audio_s": round(audio_n, 2), **per_audio(wall_n, cpu_n, audio_n)},
            "marginal_wall_ms_per_audio_s": round(1000 * (wall_n - wall_1) / extra, 1),
            "marginal_cpu_ms_per_audio_s": round(1000 * (cpu_n - cpu_1) / extra, 1),
        }
    estimate["note"] = ("(batch of a corpus's longest clips - the shortest clip alone) / (their audio - its audio):"
                        " the JVM start-up and model loading cancel; JIT warm-up within the batch does not.")
    return estimate


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, required=True, help="JSON report")
    parser.add_argument("--limit", type=int, default=0, help="clips per corpus and kind, evenly spread (0: all)")
    parser.add_argument("--java", default=DEFAULT_JAVA)
    parser.add_argument("--jar", default=DEFAULT_JAR, help="the CLI jar (default: the one ./wakestream builds)")
    parser.add_argument("--classpath", default="", help=f"run {MAIN_CLASS} from this class path instead of --jar")
    parser.add_argument("--models-dir", type=pathlib.Path, default=ROOT / "models")
    parser.add_argument("--batch", type=int, default=BATCH, help="files per JVM")
    parser.add_argument("--long-batch", type=int, default=20, help="longest clips in the marginal-cost batch (0: skip)")
    parser.add_argument("--lm-weight", type=float, default=None)
    parser.add_argument("--word-insertion-penalty", type=float, default=None)
    parser.add_argument("--corpora", default="clean,noisy")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    groups, clips = {}, []
    for group in args.corpora.split(","):
        corpus = Corpus(TRAINING / CORPORA[group])
        entries = list(corpus.entries("test"))
        groups[group] = {}
        for kind in KINDS:
            chosen = spread([entry for entry in entries if entry["kind"] == kind], args.limit)
            paths = [corpus.path(entry).resolve() for entry in chosen]
            wall = cpu = 0.0
            failures = 0
            for at in range(0, len(chosen), args.batch):
                batch = paths[at:at + args.batch]
                lines, batch_wall, batch_cpu, code = run_batch(args, batch)
                wall += batch_wall
                cpu += batch_cpu
                failures += code != 0
                for entry, path in zip(chosen[at:at + args.batch], batch):
                    clips.append(score_clip(group, kind, entry, path, lines.get(str(path))))
                print(f"{group}/{kind}: {min(at + args.batch, len(chosen))}/{len(chosen)} clips, {wall:.0f} s",
                      file=sys.stderr, flush=True)
            tally = Tally()
            for clip in clips:
                if clip["corpus"] == group and clip["kind"] == kind:
                    tally.add(clip)
            summary = tally.summary()
            summary["cpu"] = {**per_audio(wall, cpu, tally.audio_s), "batches": -(-len(chosen) // args.batch),
                              "failed_batches": failures, "upper_bound": True}
            summary["undecoded"] = sum(1 for clip in clips if clip["corpus"] == group and clip["kind"] == kind
                                       and not clip["decoded"])
            groups[group][kind] = summary
        both = Tally()
        for clip in clips:
            if clip["corpus"] == group:
                both.add(clip)
        groups[group]["all"] = both.summary()
    report = {
        "command": "cd training && /usr/bin/python3 -m wakestream_training.lm.wer " + shlex.join(sys.argv[1:] if argv is None else argv),
        "decoder": shlex.join(launcher(args) + ["lattice", "--models-dir", str(args.models_dir)]),
        "corpora": {group: CORPORA[group] for group in groups}, "split": "test", "kinds": list(KINDS),
        "limit": args.limit, "batch": args.batch,
        "groups": groups,
        "cpu_note": "wall and process CPU of the JVM runs (getrusage RUSAGE_CHILDREN) per second of audio,"
                    " including each batch's JVM start-up and model loading: upper bounds.",
    }
    if args.long_batch and clips:
        report["marginal"] = startup_estimate(args, [clip for clip in clips if clip["decoded"]])
    report["seconds"] = round(time.time() - started, 1)
    report["clips"] = clips
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    for group, kinds in groups.items():
        for kind, s in kinds.items():
            cpu = s.get("cpu", {})
            print(f"{group:5} {kind:12} clips {s['clips']:3}  1-best WER {100 * s['one_best']['wer']:5.1f} %"
                  f"  oracle {100 * s['oracle']['wer']:5.1f} %  arcs/s {s['density']['arcs_per_s']:6.1f}"
                  + (f"  CPU {cpu['cpu_ms_per_audio_s']:.0f} ms/s (wall {cpu['wall_ms_per_audio_s']:.0f})" if cpu else ""))
    if "marginal" in report:
        for group, m in report["marginal"].items():
            if isinstance(m, dict) and "longest" in m:
                print(f"marginal {group}: CPU {m['marginal_cpu_ms_per_audio_s']} ms/s,"
                      f" wall {m['marginal_wall_ms_per_audio_s']} ms/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
