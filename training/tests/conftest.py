"""Shared fixtures of the toolkit's tests: one tiny corpus built by the real command."""
import pathlib
import subprocess
import sys

import pytest

TRAINING = pathlib.Path(__file__).resolve().parents[1]


def build_corpus(out, *extra):
    from wakestream_training.augment.music import music_tracks
    music = [] if music_tracks() else ["--music", "off"]  # no music package: a corpus without music
    command = [sys.executable, "-m", "wakestream_training.corpus", "wakeword", "--phrase", "hey jarvis",
               "--hours", "0.01", "--rooms", "1", "--babble-clips", "2", "--seed", "7", "--out", str(out),
               *music, *extra]
    return subprocess.run(command, cwd=TRAINING, capture_output=True, text=True, check=True)


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus") / "wakeword"
    build_corpus(out)
    return out
