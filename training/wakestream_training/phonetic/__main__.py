"""Rebuild both shared phonetic models end to end: G2P, then the acoustic encoder (corpora included).

    cd training && /usr/bin/python3 -m wakestream_training.phonetic --version 1.0.0

Each step is its own command (g2p_train, encoder_train) with its own options; this runs them with
their defaults into ../models/g2p/<version> and ../models/phonetic-encoder/<version>, then writes the
encoder's sample clips for the Java tests.
"""
import argparse
import pathlib
import subprocess
import sys

MODELS = pathlib.Path(__file__).resolve().parents[3] / "models"


def main():
    parser = argparse.ArgumentParser(prog="python3 -m wakestream_training.phonetic", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", default="1.0.0")
    parser.add_argument("--skip-g2p", action="store_true")
    args = parser.parse_args()
    encoder = MODELS / "phonetic-encoder" / args.version
    steps = [] if args.skip_g2p else [["g2p_train", "--out", str(MODELS / "g2p" / args.version)]]
    steps += [["encoder_train", "--out", str(encoder)],
              ["encoder_samples", "--model-dir", str(encoder)]]
    for module, *arguments in steps:
        subprocess.run([sys.executable, "-m", f"wakestream_training.phonetic.{module}", *arguments], check=True)


if __name__ == "__main__":
    main()
