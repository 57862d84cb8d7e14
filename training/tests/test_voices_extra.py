"""The voices of Debian's contrib / non-free components (issue 14): MBROLA through espeak-ng, RHVoice,
Pico; their speaker factors, licences and split. Skipped where a package is absent (.ci/run installs
them, so in CI they run)."""
import numpy as np
import pytest

from wakestream_training import splits
from wakestream_training.tts import Prosody, Synthesizer, Voice, available_voices, licences_of, select_voices
from wakestream_training.tts.voices import LEGACY_ENGINES, MBROLA_VOICES, mbrola_voices, pico_voices, rhvoice_voices

needs_mbrola = pytest.mark.skipif(not mbrola_voices(), reason="mbrola and its voices are not installed "
                                  "(scripts/apt-packages.txt, after scripts/enable-debian-nonfree.sh)")
needs_rhvoice = pytest.mark.skipif(not rhvoice_voices(), reason="rhvoice-english is not installed")
needs_pico = pytest.mark.skipif(not pico_voices(), reason="libttspico-utils is not installed")


@needs_mbrola
def test_exactly_the_listed_mbrola_voices_are_offered():
    ids = {v.id for v in available_voices() if v.engine == "mbrola"}
    assert ids == {f"mbrola:{name}" for name in MBROLA_VOICES}
    # espeak-ng lists more mb-* voices than these: only the listed ones are offered
    assert len(ids) == 16


@needs_rhvoice
def test_rhvoice_offers_alan_bdl_clb_and_not_the_non_commercial_voices():
    names = {v.name for v in available_voices() if v.engine == "rhvoice"}
    assert names == {"alan", "bdl", "clb"}


@needs_mbrola
@pytest.mark.parametrize("voice_id", ["mbrola:mb-us1", "mbrola:mb-de6-en", "mbrola:mb-gr2-en"])
def test_mbrola_renders_speech_with_word_and_phoneme_timings(voice_id):
    rendering = Synthesizer().render(Voice.parse(voice_id), "hey jarvis, turn on the lights", Prosody())
    assert 0.8 < rendering.duration < 5.0
    assert abs(rendering.samples).max() > 0.05
    assert [w.label.lower() for w in rendering.words] == ["hey", "jarvis", "turn", "on", "the", "lights"]
    for timings in (rendering.words, rendering.phonemes):
        assert all(0 <= t.start < t.end <= rendering.duration + 0.01 for t in timings)
        assert all(a.start <= b.start for a, b in zip(timings, timings[1:]))
    # the words lie where the audio is: "hey jarvis" is audible, the pause after "jarvis," is quiet
    jarvis = rendering.words[1]
    inside = rendering.samples[int(rendering.words[0].start * 16000):int(jarvis.end * 16000)]
    assert np.sqrt(np.mean(inside ** 2)) > 0.02


@needs_mbrola
def test_mbrola_is_reproducible_and_follows_rate_and_pitch():
    synthesizer, voice = Synthesizer(), Voice.parse("mbrola:mb-us2")
    text = "set a timer for ten minutes"
    first = synthesizer.render(voice, text, Prosody(rate=1.0, pitch=40))
    synthesizer.render(Voice.parse("mbrola:mb-en1"), "something else first", Prosody())
    assert np.array_equal(first.samples, synthesizer.render(voice, text, Prosody(rate=1.0, pitch=40)).samples)
    slow = synthesizer.render(voice, text, Prosody(rate=0.8)).duration
    fast = synthesizer.render(voice, text, Prosody(rate=1.25)).duration
    assert slow > 1.2 * fast


@pytest.mark.parametrize("voice_id", ["rhvoice:bdl", "rhvoice:clb", "rhvoice:alan", "pico:en-US", "pico:en-GB"])
def test_rhvoice_and_pico_render_speech_without_timings(voice_id):
    voice = Voice.parse(voice_id)
    if voice not in available_voices():
        pytest.skip(f"{voice_id} is not installed (rhvoice-english / libttspico-utils)")
    synthesizer = Synthesizer()
    rendering = synthesizer.render(voice, "hey jarvis, turn on the lights", Prosody(pitch_shift=1.0))
    assert 0.8 < rendering.duration < 5.0 and abs(rendering.samples).max() > 0.05
    assert rendering.words is None and rendering.phonemes is None
    slow = synthesizer.render(voice, "set a timer for ten minutes", Prosody(rate=0.8)).duration
    fast = synthesizer.render(voice, "set a timer for ten minutes", Prosody(rate=1.25)).duration
    assert slow > 1.2 * fast


def test_speaker_factors_join_one_person_across_engines():
    assert Voice.parse("rhvoice:alan").split_factors == Voice.parse("flite:awb").split_factors == ("speaker:awb",)
    assert Voice.parse("mbrola:mb-us1").split_factors == ("speaker:mbrola-us1",)
    assert Voice.parse("mbrola:mb-de6-en").speaker == "mbrola-de6"
    assert Voice.parse("pico:en-GB").speaker == "pico-en-gb"


def test_licences():
    assert not Voice.parse("mbrola:mb-us1").commercial and "MBROLA" in Voice.parse("mbrola:mb-us1").licence
    for voice_id in ("espeak-ng:en-us", "flite:slt", "festival:kal_diphone", "festival:ked_diphone",
                     "festival:cmu_us_slt_arctic_hts", "rhvoice:bdl", "rhvoice:alan", "pico:en-US"):
        assert Voice.parse(voice_id).commercial, voice_id
    voices = [Voice.parse(v) for v in ("mbrola:mb-us1", "rhvoice:bdl", "espeak-ng:en-us")]
    assert [v.id for v in select_voices(voices, "permissive")] == ["rhvoice:bdl", "espeak-ng:en-us"]
    assert select_voices(voices, "all") == voices
    with pytest.raises(ValueError):
        select_voices(voices, "commercial")
    table = licences_of(voices)
    assert table["commercial_use"] is False and table["licences"]["LGPL-2.1-or-later"] == ["rhvoice:bdl"]
    assert licences_of(voices[1:])["commercial_use"] is True


def test_new_recorded_speakers_are_in_train_val_and_test_and_old_voices_keep_their_split():
    by_split = splits.split_voices([Voice.parse(v) for v in (
        "rhvoice:alan", "rhvoice:bdl", "rhvoice:clb", "pico:en-US", "pico:en-GB", "mbrola:mb-us1", "mbrola:mb-us2",
        "mbrola:mb-us3", "mbrola:mb-en1", "mbrola:mb-de5-en", "mbrola:mb-de6-en", "mbrola:mb-fr4-en", "mbrola:mb-sw1-en")])
    ids = {split: {v.id for v in voices} for split, voices in by_split.items()}
    assert ids["train"] == {"rhvoice:bdl", "pico:en-US", "mbrola:mb-us1", "mbrola:mb-en1"}
    assert ids["val"] == {"rhvoice:alan", "pico:en-GB", "mbrola:mb-us2", "mbrola:mb-de5-en", "mbrola:mb-sw1-en"}
    assert ids["test"] == {"rhvoice:clb", "mbrola:mb-us3", "mbrola:mb-de6-en", "mbrola:mb-fr4-en"}
    # every listed MBROLA speaker has a split (an unlisted recorded speaker is refused)
    for name in MBROLA_VOICES:
        splits.voice_split(Voice("mbrola", name))
    with pytest.raises(ValueError):
        splits.factor_split("speaker:nobody")
    # the voices every corpus had before issue 14 keep their split: 461 / 161 / 202
    legacy = splits.split_voices(available_voices(LEGACY_ENGINES))
    assert {split: len(v) for split, v in legacy.items()} == {"train": 461, "val": 161, "test": 202}
