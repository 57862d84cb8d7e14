import numpy as np
import pytest

from wakestream_training.tts import Prosody, Synthesizer, Voice, available_voices

VOICES = ["espeak-ng:en-us+f3", "espeak-ng:en-gb-scotland", "flite:kal16", "flite:slt", "festival:kal_diphone"]


def test_inventory_lists_every_engine_and_flite_and_festival_voice():
    ids = {v.id for v in available_voices()}
    assert {"flite:kal", "flite:kal16", "flite:awb", "flite:rms", "flite:slt"} <= ids
    assert {"festival:kal_diphone", "festival:ked_diphone", "festival:cmu_us_slt_arctic_hts"} <= ids
    assert sum(v.engine == "espeak-ng" for v in available_voices()) > 300


@pytest.mark.parametrize("voice_id", VOICES)
def test_renders_16khz_speech_with_word_and_phoneme_timings(voice_id):
    rendering = Synthesizer().render(Voice.parse(voice_id), "hey jarvis, turn on the lights", Prosody())
    assert 0.8 < rendering.duration < 5.0
    assert abs(rendering.samples).max() > 0.05
    labels = [w.label.lower().strip(",") for w in rendering.words]
    assert labels[:2] == ["hey", "jarvis"]
    for timings in (rendering.words, rendering.phonemes):
        assert all(0 <= t.start < t.end <= rendering.duration + 0.01 for t in timings)
        assert all(a.start <= b.start for a, b in zip(timings, timings[1:]))
    assert len(rendering.phonemes) >= 15


@pytest.mark.parametrize("voice_id", ["espeak-ng:en-us", "flite:kal16", "festival:kal_diphone"])
def test_rate_changes_duration(voice_id):
    synthesizer = Synthesizer()
    voice = Voice.parse(voice_id)
    slow = synthesizer.render(voice, "set a timer for ten minutes", Prosody(rate=0.8)).duration
    fast = synthesizer.render(voice, "set a timer for ten minutes", Prosody(rate=1.25)).duration
    assert slow > 1.2 * fast


def test_voice_id_round_trip():
    for voice in available_voices()[::50]:
        assert Voice.parse(voice.id) == voice


@pytest.mark.parametrize("voice_id", ["espeak-ng:en-029+Alicia", "espeak-ng:en+klatt4", "festival:kal_diphone", "flite:slt"])
def test_the_same_request_gives_the_same_audio_whatever_came_before(voice_id):
    synthesizer = Synthesizer()
    voice = Voice.parse(voice_id)
    first = synthesizer.render(voice, "send a message to bob", Prosody(rate=1.1)).samples
    synthesizer.render(Voice.parse("espeak-ng:en-us+f3"), "something else with hisses and buzzes", Prosody())
    synthesizer.render(voice, "another sentence first", Prosody(rate=0.9))
    again = synthesizer.render(voice, "send a message to bob", Prosody(rate=1.1)).samples
    assert np.array_equal(first, again)
