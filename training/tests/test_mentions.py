"""The mentions corpus type: the wake phrase said whole, but not to the device (label 0)."""
import collections
import json
import re
import subprocess
import sys

import numpy as np
import pytest

from wakestream_training import splits
from conftest import TRAINING
from wakestream_training.corpus import Corpus
from wakestream_training.corpus.plan import MIXES, TYPICAL_SECONDS, Planner
from wakestream_training.corpus.worker import PHRASE_NEGATIVE_KINDS
from wakestream_training.text import wake
from wakestream_training.text.general import contains_phrase
from wakestream_training.text.requests import request_texts


def contains_contiguous(text, phrase):
    words, target = wake.phrase_words(text), wake.phrase_words(phrase)
    return any(words[i:i + len(target)] == target for i in range(len(words) - len(target) + 1))


@pytest.mark.parametrize("phrase", ["hey jarvis", "okay wakestream"])
def test_every_mention_holds_the_whole_phrase_with_its_words_together(phrase):
    for form, parts in wake.mention_utterances(phrase, np.random.default_rng(0), 500):
        assert form in {"mention", "quoted", "named"}
        assert len(parts) == 1 and isinstance(parts[0], str)
        assert contains_contiguous(parts[0], phrase), parts[0]
        # no comma or other break between the phrase's words
        pattern = r"\b" + r"\s+".join(wake.phrase_words(phrase)) + r"\b"
        assert re.search(pattern, parts[0], re.IGNORECASE), parts[0]
        assert contains_phrase(parts[0], phrase)


def test_mentions_are_deterministic_in_the_generator():
    first = wake.mention_utterances("hey jarvis", np.random.default_rng(5), 200)
    again = wake.mention_utterances("hey jarvis", np.random.default_rng(5), 200)
    other = wake.mention_utterances("hey jarvis", np.random.default_rng(6), 200)
    assert first == again and first != other


def test_every_form_is_present_and_the_set_is_large_and_varied():
    utterances = wake.mention_utterances("hey jarvis", np.random.default_rng(1), 2000)
    forms = collections.Counter(form for form, _ in utterances)
    assert set(forms) == {"mention", "quoted", "named"} and min(forms.values()) > 200
    texts = {parts[0].lower() for _, parts in utterances}
    assert len(texts) > 900
    assert sum(len(t) for t in wake.MENTION_TEMPLATES.values()) >= 60
    # words before and after the phrase, in every form
    for form in forms:
        spans = [(m.start(), len(t) - m.end()) for f, (t,) in utterances if f == form
                 for m in [re.search(r"hey jarvis", t, re.IGNORECASE)]]
        assert sum(before > 0 for before, _ in spans) > 0.3 * len(spans)
        assert sum(after > 1 for _, after in spans) > 0.3 * len(spans)


def test_quoted_mentions_carry_a_request_from_the_pool_given():
    pool = ("dim the kitchen lights", "what time is it")
    quoted = [parts[0] for form, parts in wake.mention_utterances("hey jarvis", np.random.default_rng(2), 300, pool)
              if form == "quoted"]
    assert quoted and all(any(r in t.lower() for r in pool) for t in quoted)
    every = set(request_texts())
    default = [parts[0].lower() for form, parts in wake.mention_utterances("hey jarvis", np.random.default_rng(2), 100)
               if form == "quoted"]
    assert default and all(any(t[m.end():].strip().startswith(r) for r in every)
                           for t in default for m in [re.search("hey jarvis", t)])


def test_the_mentions_type_plans_label_0_mention_clips():
    assert MIXES["mentions"] == {"mention": 1.0} and "mention" in TYPICAL_SECONDS
    assert "mention" in PHRASE_NEGATIVE_KINDS
    items = Planner("mentions", "hey jarvis", 0.1, 3).plan()
    assert {i.kind for i in items} == {"mention"} and {i.label for i in items} == {0}
    assert {i.form for i in items} == {"mention", "quoted", "named"}
    for item in items:
        assert contains_phrase(" ".join(p[2] for p in item.speech if not isinstance(p, float)), "hey jarvis")
    policies = {i.split: i.policy for i in items}
    assert policies == {"train": "train", "val": "noisy_reverb", "test": "noisy_reverb"}
    again = Planner("mentions", "hey jarvis", 0.1, 3).plan()
    assert [i.to_json() for i in items] == [i.to_json() for i in again]


def test_mention_plans_keep_the_voice_split():
    items = Planner("mentions", "hey jarvis", 0.3, 4).plan()
    used = collections.defaultdict(set)
    for item in items:
        used[item.split].update(p[0] for p in item.speech if not isinstance(p, float))
    assert set(used) == {"train", "val", "test"}
    assert not used["train"] & used["val"] and not used["train"] & used["test"] and not used["val"] & used["test"]
    from wakestream_training.tts import Voice
    for split, voices in used.items():
        assert all(splits.voice_split(Voice.parse(v)) == split for v in voices)


def test_quoted_requests_are_held_out_by_split():
    planner = Planner("mentions", "hey jarvis", 0.3, 4)
    for item in planner.plan():
        if item.form != "quoted":
            continue
        text = item.speech[0][2].lower()
        own = [r for r in planner.texts.requests[item.split] if r in text]
        assert own, text


def test_a_tiny_mentions_corpus_has_mention_clips_with_the_phrase_span(tmp_path):
    from wakestream_training.augment.music import music_tracks
    music = [] if music_tracks() else ["--music", "off"]
    out = tmp_path / "mentions"
    command = [sys.executable, "-m", "wakestream_training.corpus", "mentions", "--phrase", "hey jarvis", "--hours",
               "0.01", "--rooms", "1", "--babble-clips", "2", "--seed", "7", "--jobs", "1", "--out", str(out), *music]
    result = subprocess.run(command, cwd=TRAINING, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout)["missing"] == 0
    corpus = Corpus(out)
    assert corpus.info["type"] == "mentions"
    entries = [e for split in ("train", "val", "test") for e in corpus.entries(split)]
    assert entries and {e["kind"] for e in entries} == {"mention"} and {e["label"] for e in entries} == {0}
    for entry in entries:
        assert contains_phrase(entry["text"], "hey jarvis")
        keyword = entry["keyword"]
        if entry["words"]:  # engines with word timings: the phrase's span
            assert keyword is not None and 0 <= keyword["start"] < keyword["end"] <= entry["duration"] + 1e-3
