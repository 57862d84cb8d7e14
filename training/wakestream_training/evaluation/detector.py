"""Running any wake-word detector that scores WAV files, through one interchange.

The detector is a command. The harness appends WAV paths to it (in batches) and reads one JSON
object per line on stdout, one per file, in any order:

    {"file": "<path as given>", "duration_ms": 4210, "max_score": 0.93,
     "detections": [{"keyword": "hey jarvis", "score": 0.93, "start_ms": 800, "end_ms": 1600}],
     "scores": [[80, 0.01], [160, 0.02], ...],       # optional: [end_ms, score] per step
     "threshold": 0.5}                                # optional: the threshold detections used

This is what `wakestream detect FILE...` prints, `scores` with its `--scores`. `scores` may also
be a plain list of numbers with "hop_ms" beside it (score k ends at (k + 1) * hop_ms).
Clips are judged by max_score. Long audio is judged by `scores` when present, so every threshold
can be swept; otherwise by `detections`, each standing at its end_ms with its score, which only
says what happens at or above the detector's own threshold.
"""
import json
import pathlib
import shlex
import subprocess

import numpy as np
from tqdm import tqdm

from .metrics import Stream

REQUIRED = ("file", "duration_ms", "max_score", "detections")


class DetectorError(RuntimeError):
    pass


class CommandDetector:
    def __init__(self, command, batch_size=200, timeout_s=3600):
        self.command = shlex.split(command) if isinstance(command, str) else list(command)
        self.batch_size, self.timeout_s = batch_size, timeout_s

    def score(self, paths):
        """{path (str): result dict} for every path, running the command once per batch."""
        paths = [str(p) for p in paths]
        results = {}
        progress = tqdm(total=len(paths), unit="file", desc="scoring", leave=False)
        for start in range(0, len(paths), self.batch_size):
            batch = paths[start:start + self.batch_size]
            completed = subprocess.run(self.command + batch, capture_output=True, text=True, timeout=self.timeout_s)
            if completed.returncode != 0:
                raise DetectorError(f"{shlex.join(self.command)} exited {completed.returncode}: "
                                    f"{completed.stderr.strip()[-2000:]}")
            results.update(parse_lines(completed.stdout, batch))
            progress.update(len(batch))
        progress.close()
        return results


def parse_lines(stdout, expected):
    """Parsed, checked result lines; every expected path must have one."""
    results = {}
    for line in stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue  # detectors may log other lines to stdout
        result = json.loads(line)
        missing = [k for k in REQUIRED if k not in result]
        if missing:
            raise DetectorError(f"result line lacks {missing}: {line[:200]}")
        results[_match(result["file"], expected)] = result
    absent = [p for p in expected if p not in results]
    if absent:
        raise DetectorError(f"no result for {len(absent)} file(s), e.g. {absent[0]}")
    return results


def _match(reported, expected):
    """Detectors may print a path resolved differently from the one given."""
    if reported in expected:
        return reported
    resolved = {str(pathlib.Path(p).resolve()): p for p in expected}
    key = str(pathlib.Path(reported).resolve())
    if key in resolved:
        return resolved[key]
    raise DetectorError(f"result for a file not asked for: {reported}")


def stream_from_result(result):
    """A metrics.Stream from one long file's result: per-hop scores when given, else detections."""
    seconds = result["duration_ms"] / 1000.0
    scores = result.get("scores")
    if scores is not None and (not scores or isinstance(scores[0], (list, tuple))):
        pairs = np.asarray(scores, dtype=np.float64).reshape(-1, 2)
        order = np.argsort(pairs[:, 0], kind="stable")
        return Stream(pairs[order, 0] / 1000.0, pairs[order, 1], seconds)
    if scores is not None and result.get("hop_ms"):
        values = np.asarray(scores, dtype=np.float64)
        return Stream((np.arange(values.size) + 1) * result["hop_ms"] / 1000.0, values, seconds)
    detections = sorted(result["detections"], key=lambda d: d["end_ms"])
    return Stream(np.asarray([d["end_ms"] / 1000.0 for d in detections]),
                  np.asarray([d["score"] for d in detections], dtype=np.float64), seconds)
