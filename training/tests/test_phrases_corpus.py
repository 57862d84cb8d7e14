"""The phrases corpus type: test positives of phrases typed at run time, for open-vocabulary spotting."""
import collections
import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import TRAINING
from wakestream_training import splits
from wakestream_training.corpus import Corpus
from wakestream_training.corpus.plan import Planner
from wakestream_training.text import wake
from wakestream_training.text.general import contains_phrase
from wakestream_training.tts import Voice

PHRASES = ["computer", "okay house turn on"]


def test_spotting_utterances_say_the_phrase_alone_or_before_a_short_request_without_it():
    pool = ["turn on the lights", "what time is it", "okay house turn on the heating",
            "remind me to buy milk and bread and eggs tomorrow morning"]
    utterances = wake.spotting_utterances("okay house turn on", np.random.default_rng(0), 300, pool)
    assert collections.Counter(form for form, _ in utterances).keys() == {"alone", "request", "pause"}
    for form, parts in utterances:
        texts = [p for p in parts if isinstance(p, str)]
        assert contains_phrase(texts[0], "okay house turn on")
        said = " ".join(texts).lower()
        requests = [r for r in pool if r in said]
        if form == "alone":
            assert len(parts) == 1 and not requests
        else:
            # only the two short requests that do not say the phrase are drawn
            assert requests and set(requests) <= {"turn on the lights", "what time is it"}
        if form == "pause":
            assert isinstance(parts[1], float) and 0.3 <= parts[1] <= 1.2
    assert wake.spotting_utterances("computer", np.random.default_rng(4), 50, pool) == \
        wake.spotting_utterances("computer", np.random.default_rng(4), 50, pool)


def test_spotting_utterances_refuse_a_pool_without_a_usable_request():
    with pytest.raises(ValueError, match="no short request"):
        wake.spotting_utterances("wake up", np.random.default_rng(0), 3, ["wake up the kids"])


def test_the_phrases_type_plans_test_positives_per_phrase_in_test_voices():
    items = Planner("phrases", "hey jarvis", 0.05, 3, phrases=PHRASES).plan()
    per_phrase = collections.Counter(item.phrase for item in items)
    assert per_phrase == {"computer": 30, "okay house turn on": 30}  # 0.05 h of 3 s clips, shared
    for item in items:
        assert (item.split, item.kind, item.label, item.policy) == ("test", "positive", 1, "noisy_reverb")
        assert item.id.startswith("positive-" + item.phrase.replace(" ", "-") + "-test-")
        assert contains_phrase(item.speech[0][2], item.phrase)
        assert not contains_phrase(item.speech[0][2], "hey jarvis")
        assert all(splits.voice_split(Voice.parse(p[0])) == "test" for p in item.speech if not isinstance(p, float))
    # each phrase draws on its own: another phrase beside it leaves its clips as they were
    alone = Planner("phrases", "hey jarvis", 0.025, 3, phrases=["computer"]).plan()
    assert [i.to_json() for i in alone] == [i.to_json() for i in items if i.phrase == "computer"]
    assert Planner("phrases", "hey jarvis", 0.05, 3, phrases=PHRASES, only_splits=["train"]).plan() == []


def build_phrases(out, *extra):
    from wakestream_training.augment.music import music_tracks
    music = [] if music_tracks() else ["--music", "off"]
    command = [sys.executable, "-m", "wakestream_training.corpus", "phrases", "--phrases", *PHRASES, "--hours",
               "0.01", "--rooms", "1", "--babble-clips", "2", "--seed", "7", "--jobs", "1", "--out", str(out),
               *music, *extra]
    return subprocess.run(command, cwd=TRAINING, capture_output=True, text=True)


def test_a_tiny_phrases_corpus_reuses_the_noise_bank_and_times_each_phrase(tmp_path, tiny_corpus):
    result = build_phrases(tmp_path / "phrases", "--noise-from", str(tiny_corpus))
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout)["missing"] == 0
    corpus = Corpus(tmp_path / "phrases")
    assert corpus.info["phrases"] == PHRASES and corpus.info["noise_from"] == tiny_corpus.name
    entries = corpus.entries("test")
    assert collections.Counter(e["phrase"] for e in entries) == {"computer": 6, "okay house turn on": 6}
    assert not corpus.entries("train") and not corpus.entries("val")
    for entry in entries:
        assert entry["label"] == 1 and contains_phrase(entry["text"], entry["phrase"])
        assert entry["augment"]["room"] and entry["augment"]["noise"]
        keyword = entry["keyword"]  # every engine: from word timings, or the phrase rendered apart
        assert keyword is not None and 0 <= keyword["start"] < keyword["end"] <= entry["duration"] + 1e-3
    for split in ("train", "val", "test"):
        ours, theirs = tmp_path / "phrases" / "noise" / split, tiny_corpus / "noise" / split
        assert (ours / "rirs.npy").read_bytes() == (theirs / "rirs.npy").read_bytes()
        assert (ours / "babble-00.wav").read_bytes() == (theirs / "babble-00.wav").read_bytes()


def test_the_noise_bank_of_a_corpus_with_other_noise_options_is_refused(tmp_path, tiny_corpus):
    result = build_phrases(tmp_path / "phrases", "--noise-from", str(tiny_corpus), "--babble-clips", "3")
    assert result.returncode != 0 and "babble_clips" in result.stderr
    assert not (tmp_path / "phrases" / "noise").exists()


def test_phrases_go_with_the_phrases_type_only():
    command = [sys.executable, "-m", "wakestream_training.corpus", "wakeword", "--phrases", "computer", "--hours", "1"]
    result = subprocess.run(command, cwd=TRAINING, capture_output=True, text=True)
    assert result.returncode == 2 and "--phrases goes with the phrases type" in result.stderr
