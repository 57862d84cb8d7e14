"""Building a corpus a trainer needs, through the corpus command, unless it is already complete."""
import json
import pathlib
import subprocess
import sys
import time

TRAINING = pathlib.Path(__file__).resolve().parents[2]


def ensure_corpus(directory, arguments):
    """corpus.json of `directory`, built first with `python3 -m wakestream_training.corpus ARGUMENTS --out
    DIRECTORY` when missing (an interrupted build resumes)."""
    if not (directory / "corpus.json").exists():
        print(time.strftime("%H:%M:%S"), f"building corpus {directory}", flush=True)
        subprocess.run([sys.executable, "-m", "wakestream_training.corpus", *arguments, "--out", str(directory)],
                       cwd=TRAINING, check=True)
    return json.loads((directory / "corpus.json").read_text())
