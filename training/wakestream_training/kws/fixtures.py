"""The fixture that pins the Java DSP (io.wakestream.kws.core.SequencePartitioner) to dsp.partition.

    python3 -m wakestream_training.kws.fixtures --out ../kws-service/src/test/resources/io/wakestream/kws/core/dsp-fixture.json

Cases: seeded random matrices of assorted sizes, plus small-integer matrices full of ties (where the
tie rule decides), each with the partition's bounds and score.
"""
import argparse
import json
import pathlib

import numpy as np

from .dsp import partition


def cases(seed=7):
    rng = np.random.default_rng(seed)
    out = []
    for shape in [(1, 1), (5, 1), (5, 5), (12, 3), (40, 8), (97, 13), (150, 24)]:
        out.append(rng.uniform(-1, 1, size=shape))
    for shape in [(6, 2), (8, 3), (10, 4), (7, 7)]:
        out.append(rng.integers(0, 2, size=shape).astype(np.float64))
    out.append(np.zeros((9, 3)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    args = parser.parse_args()
    document = {"source": "training/wakestream_training/kws/fixtures.py", "cases": []}
    for s in cases():
        p = partition(s)
        document["cases"].append({"similarity": [[float(v) for v in row] for row in s],
                                  "bounds": [list(b) for b in p.bounds], "score": p.score})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document) + "\n")
    print(args.out)


if __name__ == "__main__":
    main()
