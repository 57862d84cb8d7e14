"""Real speech and music for evaluation (issue 14): UQM dialogue, pocketsphinx test data, game music;
their export and the harness's false accepts per hour on them. Skipped where a package is absent
(.ci/run installs them)."""
import json
import pathlib
import sys

import numpy as np
import pytest

from wakestream_training.augment import music
from wakestream_training.evaluation import __main__ as evaluation
from wakestream_training.evaluation import real_speech

from conftest import TRAINING

needs_uqm = pytest.mark.skipif(not real_speech.uqm_clips(), reason="uqm-voice and uqm-content are not installed")
needs_sphinx = pytest.mark.skipif(not real_speech.pocketsphinx_clips(), reason="pocketsphinx-testdata is not installed")
needs_music = pytest.mark.skipif(not music.music_tracks(), reason="no music package is installed")


def test_uqm_script_blocks_map_clips_to_their_lines():
    script = ("#(HELLO_1)\tsyreen-000.ogg\nAttention, vessel!\nWho are you?\n\n#(we_are_vice)\nWe're the police.\n"
              "#(OK_VICE) syreen-004.ogg\n Huh? What ARE you talking about?\n")
    assert real_speech._uqm_script(script) == [("syreen-000.ogg", "Attention, vessel! Who are you?"),
                                               ("syreen-004.ogg", "Huh? What ARE you talking about?")]


def test_normalised_text():
    assert real_speech.normalise_text("Hey, Captain! I didn't notice -- you're 400.0 : 543.7.") == \
        "hey captain i didn't notice you're 400 0 543 7"


@needs_uqm
def test_uqm_has_eleven_hours_of_dialogue_none_of_it_the_wake_phrase():
    clips = real_speech.uqm_clips()
    assert len(clips) >= 2200 and len({c.speaker for c in clips}) >= 25
    assert sum(c.seconds for c in clips) / 3600 > 11.0
    assert real_speech.containing(clips, "hey jarvis") == []
    assert not [c for c in clips if "jarvis" in c.normalised_text.split()]
    assert all(c.normalised_text and c.licence == "CC-BY-NC-SA-2.5" for c in clips)
    clip = next(c for c in clips if c.id == "uqm/syreen/syreen-000")
    assert clip.normalised_text.startswith("attention unidentified space vessel")
    samples = clip.audio()
    assert samples.dtype == np.float32 and samples.size / 16000 == pytest.approx(clip.seconds, abs=0.02)
    assert np.sqrt(np.mean(samples ** 2)) > 0.01


@needs_sphinx
def test_pocketsphinx_test_speech_with_transcripts():
    clips = {c.id: c for c in real_speech.pocketsphinx_clips()}
    assert clips["pocketsphinx/cards/001"].normalised_text == "ten of clubs"
    assert clips["pocketsphinx/goforward"].text == "go forward ten meters"
    assert len(clips) == 12 and 35 < sum(c.seconds for c in clips.values()) < 45  # 39.6 s
    for clip in clips.values():
        assert clip.audio().size / 16000 == pytest.approx(clip.seconds, abs=0.01)


@needs_music
def test_music_tracks_come_from_the_allowed_packages_split_by_name():
    tracks = music.music_tracks()
    assert {t.source for t in tracks} <= {"fretsonfire", "drascula", "hyperrogue"}
    roots = (music.FRETSONFIRE_SONGS, music.DRASCULA_AUDIO, music.HYPERROGUE_MUSIC)
    assert all(any(pathlib.Path(p).is_relative_to(root) for root in roots) for t in tracks for p in t.paths)
    assert len({t.name for t in tracks}) == len(tracks)
    drascula = [t for t in tracks if t.source == "drascula"]
    assert len(drascula) <= 40  # one copy of the score, not one per language folder
    assert {t.split for t in tracks} == {"train", "val", "test"}
    assert all(t.split == music.music_split(t.name) for t in tracks)
    piece = tracks[0].audio(start=5.0, seconds=2.0)
    assert piece.size == pytest.approx(32000, abs=20) and audio_rms(piece) > 1e-3


def audio_rms(x):
    return float(np.sqrt(np.mean(np.asarray(x, dtype=np.float64) ** 2)))


@needs_sphinx
def test_export_and_the_harness_reports_false_accepts_per_hour_per_set(tiny_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(TRAINING)
    info = real_speech.export_set("pocketsphinx", tmp_path / "sphinx")
    assert info["clips"] == 12 and info["licences"] == ["BSD-2-Clause"]
    entries = real_speech.NegativeSet(tmp_path / "sphinx").entries()
    assert {e["kind"] for e in entries} == {"real_speech"} and all(e["label"] == 0 for e in entries)
    with pytest.raises(ValueError):
        real_speech.export_set("pocketsphinx", tmp_path / "refused", phrase="go forward")
    out = tmp_path / "report"
    command = f"{sys.executable} -m wakestream_training.evaluation.template_detector --scores"
    evaluation.main(["run", "--corpus", str(tiny_corpus), "--split", "test", "--kinds", "positive,long_negative",
                     "--detector", command, "--out", str(out), "--negative-sets", str(tmp_path / "sphinx")])
    report = json.loads((out / "report.json").read_text())
    figures = report["negative_sets"]["pocketsphinx"]
    assert figures["clips"] == 12 and figures["hours"] == pytest.approx(info["hours"], abs=1e-3)
    assert set(figures["fa_per_hour"]) == {k for k, v in report["operating_points"].items() if v}
    lines = (out / "scores.jsonl").read_text().splitlines()
    assert len(lines) == report["positives"] + report["long_negative_files"] + 12


def test_sets_command_prints_hours_and_clips(capsys):
    evaluation.main(["sets"])
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) == {"uqm", "pocketsphinx", "music", "tv"}
    assert all({"clips", "hours"} <= set(v) for v in printed.values())


@needs_uqm
@needs_music
def test_tv_set_lays_uqm_dialogue_over_the_test_music():
    clips = real_speech.tv_clips("test")
    assert len(clips) == len(real_speech.music_clips("test"))
    assert real_speech.tv_clips("test") == clips  # seeded by the track's name
    clip = min(clips, key=lambda c: c.seconds)
    placed = clip.location[2]
    assert placed and all(0 <= start < clip.seconds and 0 <= ratio <= 10 for _, start, ratio in placed)
    assert [start for _, start, _ in placed] == sorted(start for _, start, _ in placed)
    assert not real_speech.containing(clips, "hey jarvis")
    samples = clip.audio()
    assert samples.size / 16000 == pytest.approx(clip.seconds, abs=0.05) and np.max(np.abs(samples)) <= 0.9 + 1e-6
