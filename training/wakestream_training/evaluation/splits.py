"""A corpus split as the harness judges it: which files, and the DET curve from a detector's results on them."""
from .detector import stream_from_result
from .metrics import det_curve

STREAM_KINDS = {"long_negative"}


def selected_entries(corpus, split, kinds=None, stream_corpora=()):
    """[(path, entry)]: the corpus's entries of the split, plus the long negative streams of the
    same split in other corpora (a `negatives` corpus adds hours for false accepts per hour)."""
    chosen = [(str(corpus.path(e)), e) for e in corpus.entries(split, kinds)]
    for other in stream_corpora:
        chosen += [(str(other.path(e)), e) for e in other.entries(split, STREAM_KINDS)]
    return chosen


def evaluate(entries, results, refractory):
    """(curve, counts) from [(path, entry)] and detector results keyed by path."""
    positives, negatives, streams = [], {}, []
    for path, entry in entries:
        result = results[path]
        if entry["kind"] in STREAM_KINDS:
            streams.append(stream_from_result(result))
        elif entry["label"] == 1:
            positives.append(result["max_score"])
        else:
            negatives.setdefault(entry["kind"], []).append(result["max_score"])
    counts = {"positives": len(positives), "negative_clips": {k: len(v) for k, v in sorted(negatives.items())},
              "long_negative_files": len(streams),
              "long_negative_hours": round(sum(s.seconds for s in streams) / 3600.0, 4)}
    return det_curve(positives, negatives, streams, refractory), counts
