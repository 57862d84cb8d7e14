"""The collected cascade (collect.py) as arrays: one row per detection, with its clip's facts."""
import collections
import dataclasses
import json
import pathlib

import numpy as np

from . import graph

UNKNOWN_MIN_COUNT = 3


@dataclasses.dataclass
class Detections:
    rows: list            # the decision dicts, each with "clip" (its clip's line without decisions)
    labels: np.ndarray    # 1 true trigger, 0 false trigger
    wakeword: np.ndarray  # RepCNN smoothed score at the firing
    kws: np.ndarray       # verifier score of the trigger audio

    def __len__(self):
        return len(self.rows)


def split_files(directory, split):
    """The jsonl files collect.py wrote for a split: <split>.jsonl, its shards and its real-speech part."""
    directory = pathlib.Path(directory)
    return sorted(set(directory.glob(f"{split}.jsonl")) | set(directory.glob(f"{split}.*-of-*.jsonl"))
                  | set(directory.glob(f"{split}-real*.jsonl")))


def load_split(directory, split):
    """(clips, detections) of every file of a split."""
    return load(*split_files(directory, split))


def load(*paths):
    """(clips, detections) of jsonl files of collect.py."""
    clips, rows = [], []
    lines = [line for path in paths for line in pathlib.Path(path).read_text().splitlines()]
    for line in lines:
        clip = json.loads(line)
        decisions = clip.pop("decisions")
        clips.append(clip)
        for decision in decisions:
            rows.append({**decision, "clip": clip})
    return clips, Detections(rows, np.array([r["label"] for r in rows], np.int64),
                             np.array([r["stage_scores"]["wakeword"] for r in rows], np.float64),
                             np.array([r["stage_scores"]["kws"] for r in rows], np.float64))


def vocabulary(detections, keyword="hey jarvis", min_count=UNKNOWN_MIN_COUNT):
    """Words of the training lattices seen in at least min_count arcs, most frequent first, plus the keyword's
    words; the rest read as unknown."""
    counts = collections.Counter(arc["word"].lower() for row in detections.rows for arc in row["lattice"]["arcs"])
    words = [w for w, c in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if c >= min_count]
    return words + [w for w in keyword.split() if w not in words]


def tensors(detections, ids, max_arcs):
    """(word_ids, features, adjacency, mask) [B, ...] float32 of every detection's lattice graph."""
    return graph.batch([graph.build(row["lattice"], {"keyword": row["keyword"], "start_sample": row["start_sample"],
                                                      "end_sample": row["end_sample"]}, ids, max_arcs)
                        for row in detections.rows])
