"""Licence-aware corpora and music among the background noises (issue 14)."""
import json

import numpy as np
import pytest

from wakestream_training.augment import POLICIES, AugmentPolicy, NoiseSources, augment, music
from wakestream_training.corpus import Corpus
from wakestream_training.corpus.build import with_legacy_voices
from wakestream_training.corpus.__main__ import voice_config
from wakestream_training.tts import Voice
from wakestream_training.tts.voices import ENGINES


def _sources(with_music):
    rng = np.random.default_rng(0)
    recordings = {"a": rng.standard_normal(8000).astype(np.float32)}
    babble = [rng.standard_normal(8000).astype(np.float32)]
    tracks = {"music/x#0": np.sin(np.arange(16000) / 5.0).astype(np.float32)} if with_music else {}
    return NoiseSources(recordings, babble, [], tracks)


def test_without_music_the_draws_are_those_of_the_policy_before_music_existed():
    old = AugmentPolicy(noise_weights=(("coloured", 0.3), ("babble", 0.3), ("real", 0.4)))
    speech = np.random.default_rng(1).standard_normal(16000).astype(np.float32) * 0.1
    for seed in range(20):
        a = augment(speech, np.random.default_rng(seed), POLICIES["train"], _sources(False))
        b = augment(speech, np.random.default_rng(seed), old, _sources(False))
        assert a.params == b.params and np.array_equal(a.samples, b.samples)


def test_music_is_a_background_when_the_sources_have_it():
    speech = np.random.default_rng(1).standard_normal(16000).astype(np.float32) * 0.1
    kinds = [augment(speech, np.random.default_rng(seed), POLICIES["noisy_reverb"], _sources(True)).params["noise"]
             for seed in range(60)]
    chosen = [k for k in kinds if k["kind"] == "music"]
    assert chosen and all(k["source"] == "music/x#0" for k in chosen)
    assert 0.1 < len(chosen) / len(kinds) < 0.35  # weight 0.25 of 1.25


def test_config_of_corpora_built_before_the_voice_options_reads_as_the_legacy_voices():
    old = {"type": "wakeword", "phrase": "hey jarvis", "hours": 10.0, "seed": 1, "rooms": 32, "babble_clips": 24}
    legacy = {**old, **voice_config("permissive", ["espeak-ng", "flite", "festival"], music=False)}
    assert with_legacy_voices(old) == with_legacy_voices(legacy)
    current = {**old, **voice_config("permissive", list(ENGINES), music=True)}
    assert "engines" not in current and with_legacy_voices(old) != with_legacy_voices(current)
    assert with_legacy_voices(old) != with_legacy_voices({**old, **voice_config("all", list(ENGINES), True)})


def test_a_corpus_records_the_licences_of_its_voices(tiny_corpus):
    corpus = Corpus(tiny_corpus)
    assert corpus.info["voice_licences"] == "permissive" and corpus.info["music"] is bool(music.music_tracks())
    recorded = corpus.info["stats"]["voice_licences"]
    used = {v for split in ("train", "val", "test") for e in corpus.entries(split) for v in e["voices"]}
    assert {v for ids in recorded["licences"].values() for v in ids} == used
    assert recorded["commercial_use"] is True
    assert all(Voice.parse(v).commercial for v in used)
    for voice_id in used:
        assert voice_id in recorded["licences"][Voice.parse(voice_id).licence]
    pool = corpus.info["stats"]["voice_pool_licences"]  # what babble may speak with
    assert pool["commercial_use"] is True and "MBROLA (non-commercial, non-military)" not in pool["licences"]
    assert sum(pool["licences"].values()) == sum(len(v) for v in corpus.split_voices().values())


@pytest.mark.skipif(not music.music_tracks(), reason="no music package is installed")
def test_a_corpus_built_with_music_keeps_excerpts_of_its_split_s_tracks(tiny_corpus):
    for split in ("train", "val", "test"):
        names = json.loads((tiny_corpus / "noise" / split / "music.json").read_text())
        assert names and all(music.music_split(name.split("#")[0]) == split for name in names)
        assert len(list((tiny_corpus / "noise" / split).glob("music-*.wav"))) == len(names)


def test_a_model_manifest_can_state_the_licences_of_its_training_data(tiny_corpus, tmp_path):
    from wakestream_training.licences import training_data_licences
    stated = training_data_licences([tiny_corpus])
    assert stated["voice_licences"] == "permissive" and stated["commercial_use"] is True
    assert sum(stated["licences"].values()) == sum(len(v) for v in stated["voices"].values()) > 0
    assert "music" in stated["noise"]
    # a corpus built before the licence options: its voices are read from its manifests
    old = tmp_path / "old"
    old.mkdir()
    (old / "corpus.json").write_text(json.dumps({"type": "wakeword", "stats": {}}))
    (old / "train.jsonl").write_text(json.dumps({"voices": ["flite:slt", "espeak-ng:en-us+f3"]}) + "\n")
    (old / "val.jsonl").write_text(json.dumps({"voices": ["mbrola:mb-us2"]}) + "\n")
    stated = training_data_licences([old])
    assert stated["commercial_use"] is False and stated["corpora"] == {"old": "permissive"}
    assert stated["voices"]["MBROLA (non-commercial, non-military)"] == ["mbrola:mb-us2"]
    assert "music" not in stated["noise"]
    both = training_data_licences([old, tiny_corpus])
    assert both["voice_licences"] == "permissive"


def test_the_2_0_0_recipe_s_corpus_arguments_match_corpora_built_before_the_options():
    from wakestream_training.corpus.__main__ import parse
    from wakestream_training.repcnn.train import CORPORA, corpus_arguments, default_corpus
    for name in CORPORA:
        _, before = parse(CORPORA[name])  # the arguments 2.0.0 was built with, as recorded then
        before = {k: v for k, v in before.items() if k not in ("voice_licences", "music", "engines")}
        _, now = parse(corpus_arguments(name, "2.0.0", "permissive"))
        assert with_legacy_voices(before) == with_legacy_voices(now)
        _, current = parse(corpus_arguments(name, "current", "all"))
        assert current["voice_licences"] == "all" and current["music"] is True and "engines" not in current
        assert default_corpus(name, "2.0.0").name == default_corpus(name).name
        assert default_corpus(name, "current", "all").name.endswith("-voices2-all")


def test_a_plan_of_the_2_0_0_voices_is_the_plan_made_before_the_new_engines():
    from wakestream_training.corpus.plan import Planner
    from wakestream_training.tts import available_voices
    from wakestream_training.tts.voices import LEGACY_ENGINES
    legacy = Planner("wakeword", "hey jarvis", 0.02, 3, voices=available_voices(LEGACY_ENGINES)).plan()
    engines = {part[0].split(":")[0] for item in legacy for part in item.speech if not isinstance(part, float)}
    assert engines <= set(LEGACY_ENGINES)
    # the engine weights of the three old engines are as they were
    from wakestream_training.corpus.plan import ENGINE_WEIGHTS
    assert [ENGINE_WEIGHTS[e] for e in ("espeak-ng", "flite", "festival")] == [0.5, 0.3, 0.2]


@pytest.mark.skipif(not music.music_tracks(), reason="no music package is installed")
def test_music_clips_are_excerpts_of_their_split_s_tracks_without_speech(tiny_corpus):
    corpus = Corpus(tiny_corpus)
    for split in ("train", "val", "test"):
        clips = corpus.entries(split, {"music"})
        assert clips
        for entry in clips:
            assert entry["label"] == 0 and entry["voices"] == [] and entry["text"] == "" and entry["words"] == []
            assert music.music_split(entry["music"]["track"]) == split and entry["music"]["licence"]
            assert entry["duration"] >= min(entry["music"]["seconds"], 4.0)
            assert np.sqrt(np.mean(corpus.audio(entry) ** 2)) > 1e-3


def test_the_licences_command_writes_them_into_a_manifest(tiny_corpus, tmp_path, capsys):
    from wakestream_training import licences
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"name": "m", "training": {"recipe": "r"}}))
    licences.main([str(tiny_corpus), "--manifest", str(manifest)])
    written = json.loads(manifest.read_text())
    assert written["training"]["recipe"] == "r"
    assert written["training"]["data_licences"] == json.loads(capsys.readouterr().out)
    assert written["training"]["data_licences"]["commercial_use"] is True
