import json

import numpy as np
import pytest

from conftest import build_corpus
from wakestream_training.audio import read_wav
from wakestream_training.corpus import Corpus
from wakestream_training.text.general import contains_phrase


def test_tiny_corpus_has_every_kind_and_consistent_manifests(tiny_corpus):
    corpus = Corpus(tiny_corpus)
    kinds = {e["kind"] for split in ("train", "val", "test") for e in corpus.entries(split)}
    music = {"music"} if corpus.info["music"] else set()
    assert kinds == {"positive", "confusable", "partial", "request", "general", "long_negative"} | music
    for split in ("train", "val", "test"):
        for entry in corpus.entries(split):
            samples = read_wav(corpus.path(entry))
            assert samples.size / 16000 == pytest.approx(entry["duration"], abs=1e-4)
            assert 0 <= entry["speech_start"] < entry["speech_end"] <= entry["duration"] + 1e-3
            assert all(0 <= w[1] < w[2] <= entry["duration"] + 1e-3 for w in entry["words"])
            if entry["label"] == 1:
                assert contains_phrase(entry["text"], "hey jarvis")
                keyword = entry["keyword"]
                assert keyword is not None and 0 <= keyword["start"] < keyword["end"] <= entry["duration"]
            else:
                assert not contains_phrase(entry["text"], "hey jarvis")
            if split != "train":
                assert "room" in entry["augment"] and "noise" in entry["augment"]


def test_corpus_splits_never_share_a_voice(tiny_corpus):
    corpus = Corpus(tiny_corpus)
    used = {split: {v for e in corpus.entries(split) for v in e["voices"]} for split in ("train", "val", "test")}
    assert not used["train"] & used["val"] and not used["train"] & used["test"] and not used["val"] & used["test"]
    declared = corpus.split_voices()
    assert all(used[split] <= set(declared[split]) for split in used)


def test_rerun_resumes_and_rebuilds_only_what_is_missing(tiny_corpus, tmp_path):
    corpus = Corpus(tiny_corpus)
    entry = corpus.entries("train", {"positive"})[0]
    original = read_wav(corpus.path(entry))
    corpus.path(entry).unlink()
    before = {p: p.stat().st_mtime_ns for p in (tiny_corpus / "audio").rglob("*.wav")}
    result = build_corpus(tiny_corpus)
    after = {p: p.stat().st_mtime_ns for p in (tiny_corpus / "audio").rglob("*.wav")}
    assert set(after) - set(before) == {corpus.path(entry)}
    assert all(after[p] == before[p] for p in before)
    assert np.array_equal(read_wav(corpus.path(entry)), original)  # same seed, same clip
    assert json.loads(result.stdout)["missing"] == 0


def test_a_train_only_plan_is_the_full_plan_s_train_part_with_its_own_policy():
    from wakestream_training.corpus.plan import Planner
    full = Planner("wakeword", "hey jarvis", 0.05, 3).plan()
    train_only = Planner("wakeword", "hey jarvis", 0.05, 3, only_splits=("train",), train_policy="noisy_reverb").plan()
    expected = [item for item in full if item.split == "train"]
    assert [item.id for item in train_only] == [item.id for item in expected]
    assert [item.speech for item in train_only] == [item.speech for item in expected]
    assert {item.policy for item in train_only} == {"noisy_reverb"}
    assert {item.policy for item in expected} == {"train"}


def test_rates_option_widens_the_speaking_rates_and_is_recorded():
    from wakestream_training.corpus.__main__ import parse
    from wakestream_training.corpus.plan import DEFAULT_RATES, Planner
    rates = lambda plan: [part[1]["rate"] for item in plan for part in item.speech if isinstance(part, list)]
    default = rates(Planner("wakeword", "hey jarvis", 0.05, 3).plan())
    wide = rates(Planner("wakeword", "hey jarvis", 0.05, 3, rates=(0.7, 1.4)).plan())
    assert DEFAULT_RATES[0] <= min(default) and max(default) <= DEFAULT_RATES[1]
    assert 0.7 <= min(wide) < DEFAULT_RATES[0] and DEFAULT_RATES[1] < max(wide) <= 1.4
    assert "rates" not in parse(["wakeword", "--hours", "1"])[1]
    assert parse(["wakeword", "--hours", "1", "--rates", "0.7", "1.4"])[1]["rates"] == [0.7, 1.4]
