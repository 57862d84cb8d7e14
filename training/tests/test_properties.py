"""The property-test inputs (issue 14, part 7): levels, speaking rates, partial phrases."""
import json

import numpy as np
import pytest

from wakestream_training import audio, properties
from wakestream_training.splits import voice_split
from wakestream_training.tts import Voice

VOICE = Voice.parse("flite:rms")  # a held-out (test) recorded speaker, always installed


def test_levels_span_minus_45_to_0_dbfs_at_the_peak():
    clips = properties.level_clips(VOICE)
    assert [c.value for c in clips] == [-45.0, -40.0, -35.0, -30.0, -25.0, -20.0, -15.0, -10.0, -5.0, 0.0]
    for clip in clips:
        assert clip.expect == "detect" and clip.text == "hey jarvis"
        written = audio.to_int16(clip.samples).astype(np.float32) / 32768  # what the WAV holds
        assert properties.peak_dbfs(written) == pytest.approx(clip.value, abs=0.1)
    # one rendering at every level: the shapes are the same
    base = clips[-1].samples / np.max(np.abs(clips[-1].samples))
    assert np.allclose(clips[0].samples / np.max(np.abs(clips[0].samples)), base, atol=1e-5)


@pytest.mark.parametrize("method", ["engine", "tempo"])
def test_rates_from_0_7_to_1_4_change_the_duration_accordingly(method):
    clips = properties.rate_clips(VOICE, method=method)
    assert [c.value for c in clips] == [0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4]
    speech = [c.samples.size / 16000 - 2 * properties.PAD_SECONDS for c in clips]
    assert speech == sorted(speech, reverse=True)
    normal = speech[3]
    for clip, seconds in zip(clips, speech):
        assert seconds * clip.value == pytest.approx(normal, rel=0.2 if method == "engine" else 0.02)
        assert properties.peak_dbfs(clip.samples) == pytest.approx(-6.0, abs=0.05)


def test_partial_phrases_are_the_three_users_hit_and_are_to_be_rejected():
    clips = properties.partial_clips(VOICE)
    assert [c.text for c in clips] == ["jarvis", "jarvis, jarvis, jarvis", "hey hey hey"]
    assert all(c.expect == "reject" and "hey jarvis" not in c.text for c in clips)
    speech = [c.samples.size / 16000 - 2 * properties.PAD_SECONDS for c in clips]
    assert speech[1] > 1.8 * speech[0]  # three times the word


def test_generator_writes_wavs_and_a_manifest(tmp_path):
    properties.main(["--out", str(tmp_path), "--voice", "flite:rms"])
    lines = [json.loads(line) for line in (tmp_path / "properties.jsonl").read_text().splitlines()]
    assert len(lines) == 10 + 8 + 3
    assert {line["property"] for line in lines} == {"level", "rate", "partial"}
    for line in lines:
        samples = audio.read_wav(tmp_path / line["audio"])
        assert samples.size / 16000 == pytest.approx(line["duration"], abs=1e-4)
        assert properties.peak_dbfs(samples) == pytest.approx(line["peak_dbfs"], abs=0.1)


def test_default_voices_are_held_out_recorded_speakers():
    voices = properties.default_voices()
    assert voices and all(voice_split(v) == "test" for v in voices)
    assert all(v.engine != "espeak-ng" or v.name == "en-029" for v in voices)


def test_property_figures_pass_only_when_every_clip_does_what_it_should():
    from wakestream_training.property_figures import figures
    lines = [{"property": "level", "value": -45.0, "voice": "a", "path": "l1"},
             {"property": "level", "value": -45.0, "voice": "b", "path": "l2"},
             {"property": "rate", "value": 0.7, "voice": "a", "path": "r1"},
             {"property": "partial", "value": "jarvis", "voice": "a", "path": "p1"}]
    fired = lambda yes: {"detections": [{"score": 0.9}] if yes else [], "max_score": 0.9 if yes else 0.1}
    result = figures(lines, {"l1": fired(True), "l2": fired(False), "r1": fired(True), "p1": fired(True)})
    assert result["level"]["-45.0"]["fired"] == 1 and result["level"]["-45.0"]["of"] == 2
    assert result["passed"] == {"level": False, "rate": True, "partial": False}
    assert result["voices"] == ["a", "b"]
