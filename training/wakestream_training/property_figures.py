"""The properties users hit, measured: run a detector over the clips `wakestream_training.properties`
wrote and say, per property value, how many voices it fired on.

    python3 -m wakestream_training.properties --out data/properties
    python3 -m wakestream_training.property_figures --clips data/properties \\
        --detector "../wakestream detect --model-version 3.0.0" --name "RepCNN 3.0.0" [--out report.json]

A clip fires when the detector reports a detection (its own threshold). Prints (and writes) JSON:
{"name", "voices", "level": {"-45.0": {"fired": n, "of": m}, ...}, "rate": {...}, "partial": {...},
 "passed": {"level": bool, "rate": bool, "partial": bool}} where level and rate pass when every clip fired
and partial when none did.
"""
import argparse
import json
import pathlib

from .evaluation.detector import CommandDetector


def figures(lines, results):
    out = {"voices": sorted({line["voice"] for line in lines})}
    passed = {}
    for prop in ("level", "rate", "partial"):
        rows = [line for line in lines if line["property"] == prop]
        table = {}
        for line in rows:
            fired = bool(results[line["path"]]["detections"])
            cell = table.setdefault(str(line["value"]), {"fired": 0, "of": 0, "max_scores": []})
            cell["fired"] += fired
            cell["of"] += 1
            cell["max_scores"].append(round(float(results[line["path"]]["max_score"]), 4))
        out[prop] = table
        fired_all = all(c["fired"] == c["of"] for c in table.values())
        fired_none = all(c["fired"] == 0 for c in table.values())
        passed[prop] = fired_none if prop == "partial" else fired_all
    out["passed"] = passed
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clips", required=True, type=pathlib.Path)
    parser.add_argument("--detector", required=True)
    parser.add_argument("--name")
    parser.add_argument("--out", type=pathlib.Path)
    args = parser.parse_args(argv)
    lines = [json.loads(line) for line in (args.clips / "properties.jsonl").read_text().splitlines()]
    for line in lines:
        line["path"] = str(args.clips / line["audio"])
    results = CommandDetector(args.detector).score([line["path"] for line in lines])
    document = {"name": args.name or args.detector, **figures(lines, results)}
    if args.out:
        args.out.write_text(json.dumps(document, indent=1) + "\n")
    print(json.dumps(document))


if __name__ == "__main__":
    main()
