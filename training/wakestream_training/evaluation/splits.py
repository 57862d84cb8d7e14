"""A corpus split as the harness judges it: which files, and the DET curve from a detector's results on them."""
from .detector import stream_from_result
from .metrics import det_curve, false_accepts_per_hour

STREAM_KINDS = {"long_negative"}
# Entries of exported negative sets (evaluation.real_speech: UQM speech, music, tv) carry `set`: they are
# judged for false accepts per hour per set, apart from the corpus's own clips and synthetic streams, so
# the DET curve stays the corpus's own. (A corpus's own `music` clips are negative clips like the others.)


def selected_entries(corpus, split, kinds=None, stream_corpora=(), negative_sets=()):
    """[(path, entry)]: the corpus's entries of the split, plus the long negative streams of the
    same split in other corpora (a `negatives` corpus adds hours for false accepts per hour), plus
    every clip of the exported negative sets (real_speech.NegativeSet; entries get `set`: its name)."""
    chosen = [(str(corpus.path(e)), e) for e in corpus.entries(split, kinds)]
    for other in stream_corpora:
        chosen += [(str(other.path(e)), e) for e in other.entries(split, STREAM_KINDS)]
    for negative_set in negative_sets:
        chosen += [(str(negative_set.path(e)), {**e, "set": negative_set.name}) for e in negative_set.entries()]
    return chosen


def evaluate(entries, results, refractory):
    """(curve, counts) from [(path, entry)] and detector results keyed by path."""
    positives, negatives, streams = [], {}, []
    for path, entry in entries:
        result = results[path]
        if "set" in entry:
            continue
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


def negative_set_figures(entries, results, thresholds, refractory):
    """{set: {"clips", "hours", "fa_per_hour": {label: FA/h}, "false_accepts": {label: count}}} at each
    named threshold ({label: threshold}, e.g. the operating points), every clip of a set a stream."""
    streams = {}
    for path, entry in entries:
        if "set" in entry:
            streams.setdefault(entry["set"], []).append(stream_from_result(results[path]))
    figures = {}
    for name, group in sorted(streams.items()):
        rates = {label: false_accepts_per_hour(group, threshold, refractory) for label, threshold in thresholds.items()}
        figures[name] = {"clips": len(group), "hours": round(sum(s.seconds for s in group) / 3600.0, 4),
                         "fa_per_hour": {label: round(rate, 4) for label, (rate, _) in rates.items()},
                         "false_accepts": {label: events for label, (_, events) in rates.items()}}
    return figures
