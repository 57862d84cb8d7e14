"""A lattice as the GNN's graph: the Python twin of io.wakestream.ftm.core.LatticeGraph.

Each lattice arc is a graph node; node i feeds node j when arc i ends where arc j starts (the line graph).
Tensors are padded to `max_arcs` rows with a mask; a larger lattice keeps its `max_arcs` arcs of highest
posterior (ties: lower index), in lattice order. Per arc, FEATURES (times relative to the trigger's end,
which lies end_sample - start_sample samples into the segment): start and end in seconds, duration in
seconds, acoustic cost per encoder output (nats), LM cost (nats), posterior, ln(max(posterior, 1e-6)),
leaves the start node, enters the final node, word is one of the keyword's words.

Source: Jeon et al., "Lattice-based Improvements for Voice Triggering Using Graph Neural Networks"
(ICASSP 2022), section 2.
"""
import math
import re

import numpy as np

FEATURES = ("start_s", "end_s", "duration_s", "am_cost_per_frame", "lm_cost", "posterior", "log_posterior",
            "from_start", "to_final", "in_keyword")
PAD, UNKNOWN = 0, 1
SAMPLE_RATE = 16000


def vocabulary_ids(words):
    """{word: id} for a word list as words.txt stores it: the first word has id 2 (0 padding, 1 unknown)."""
    ids = {}
    for word in words:
        word = word.strip().lower()
        if word and word not in ids:
            ids[word] = len(ids) + 2
    return ids


def build(lattice, detection, vocabulary, max_arcs):
    """(word_ids [N], features [N, F], adjacency [N, N], mask [N]) as float32, N = max_arcs.

    lattice: {"nodes", "frame_ms", "arcs": [{"from", "to", "word", "start_frame", "end_frame", "am_cost",
    "lm_cost", "posterior"}]} (the Lattice event's fields); detection: {"keyword", "start_sample", "end_sample"}.
    """
    arcs = lattice["arcs"]
    order = sorted(range(len(arcs)), key=lambda i: (-np.float32(arcs[i]["posterior"]), i))[:max_arcs]
    kept = [arcs[i] for i in sorted(order)]
    n_features = len(FEATURES)
    word_ids = np.zeros(max_arcs, np.float32)
    features = np.zeros((max_arcs, n_features), np.float32)
    mask = np.zeros(max_arcs, np.float32)
    frame_s = lattice.get("frame_ms", 0) / 1000.0
    trigger_end = (detection["end_sample"] - detection["start_sample"]) / SAMPLE_RATE
    final = lattice["nodes"] - 1
    keyword = set(w for w in re.split(r"[^a-z0-9']+", detection["keyword"].lower()) if w)
    for row, arc in enumerate(kept):
        word = arc["word"].lower()
        word_ids[row] = vocabulary.get(word, UNKNOWN)
        mask[row] = 1.0
        start, end = arc["start_frame"] * frame_s, arc["end_frame"] * frame_s
        frames = max(1, arc["end_frame"] - arc["start_frame"])
        posterior = np.float32(arc["posterior"])
        features[row] = (start - trigger_end, end - trigger_end, end - start, np.float32(arc["am_cost"]) / np.float32(frames),
                         arc["lm_cost"], posterior, math.log(max(float(posterior), 1e-6)), arc["from"] == 0,
                         arc["to"] == final, word in keyword)
    adjacency = np.zeros((max_arcs, max_arcs), np.float32)
    for i, a in enumerate(kept):
        for j, b in enumerate(kept):
            if a["to"] == b["from"]:
                adjacency[i, j] = 1.0
    return word_ids, features, adjacency, mask


def batch(graphs):
    """Stacks build() outputs into [B, ...] arrays."""
    return tuple(np.stack(parts) for parts in zip(*graphs))
