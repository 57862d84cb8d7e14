"""DET reports: a JSON document and a PNG plot, for one detector or several side by side."""
import json
import pathlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the file-only backend)

from .metrics import operating_point  # noqa: E402

TARGET_FA_PER_HOUR = (0.1, 0.5, 1.0, 2.0)


def summary(curve, detector_threshold=None):
    points = {}
    for target in TARGET_FA_PER_HOUR:
        point = operating_point(curve, target)
        points[f"fa_per_hour<={target}"] = point.to_json() if point else None
    if detector_threshold is not None:
        at = [p for p in curve if p.threshold >= detector_threshold]
        points["detector_threshold"] = at[0].to_json() if at else None
    return points


def det_envelope(curve):
    """(FA/h ascending, best FRR at that many false accepts or fewer): the curve as a step function."""
    best = {}
    for point in curve:
        if point["fa_per_hour"] == point["fa_per_hour"]:  # NaN when there was no long audio
            best[point["fa_per_hour"]] = min(best.get(point["fa_per_hour"], 1.0), point["frr"])
    fa, frr, running = [], [], 1.0
    for x in sorted(best):
        running = min(running, best[x])
        fa.append(x)
        frr.append(running)
    return fa, frr


def write_report(directory, document):
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "report.json").write_text(json.dumps(document, indent=1))
    plot([document], directory / "det.png")


def plot(documents, path):
    """FRR against false accepts per hour (log x), and FRR against the share of confusable clips accepted."""
    figure, (streams_axis, clips_axis) = plt.subplots(1, 2, figsize=(12, 5))
    for document in documents:
        curve = document["curve"]
        label = document.get("name") or document["detector"]
        fa, frr = det_envelope(curve)
        streams_axis.step([max(x, 1e-2) for x in fa], [100 * y for y in frr], where="post", label=label)
        hard = [p for p in curve if "confusable" in p["clip_accept"]]
        clips_axis.plot([100 * p["clip_accept"]["confusable"] for p in hard], [100 * p["frr"] for p in hard], label=label)
    streams_axis.set_xscale("log")
    streams_axis.set_xlabel(f"false accepts per hour (refractory {documents[0]['refractory_s']} s; 0 drawn at 0.01)")
    streams_axis.set_ylabel("false reject rate (%)")
    streams_axis.set_title("DET on long negative audio")
    clips_axis.set_xlabel("confusable clips accepted (%)")
    clips_axis.set_ylabel("false reject rate (%)")
    clips_axis.set_title("FRR against confusable phrases")
    for axis in (streams_axis, clips_axis):
        axis.grid(True, which="both", alpha=0.3)
        axis.set_ylim(0, 100)
        axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
