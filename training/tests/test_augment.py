import numpy as np
import pytest
from scipy.signal import welch

from wakestream_training.augment import POLICIES, AugmentPolicy, NoiseSources, augment, effects, noise, rir


def speech_like(seconds=1.5, seed=0):
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * 16000)) / 16000
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 3 * t)
    return (0.2 * envelope * np.sin(2 * np.pi * 180 * t * (1 + 0.1 * rng.standard_normal()))).astype(np.float32)


def measured_snr(clean, mixed):
    return 10 * np.log10(np.mean(clean.astype(np.float64) ** 2) / np.mean((mixed - clean).astype(np.float64) ** 2))


@pytest.mark.parametrize("snr", [-5.0, 0.0, 7.5, 20.0, 35.0])
def test_mix_at_snr_gives_the_ratio_asked_for(snr):
    rng = np.random.default_rng(1)
    speech = speech_like()
    for colour in ("white", "pink", "brown"):
        mixed = noise.mix_at_snr(speech, noise.coloured_noise(colour, speech.size, rng), snr)
        assert measured_snr(speech, mixed) == pytest.approx(snr, abs=0.01)


def test_snr_refers_to_the_speech_not_to_the_padding():
    rng = np.random.default_rng(2)
    speech = speech_like()
    padded = np.concatenate([np.zeros(16000, np.float32), speech])
    mixed = noise.mix_at_snr(padded, noise.coloured_noise("white", padded.size, rng), 10.0, reference=speech)
    added = mixed - padded
    assert 10 * np.log10(np.mean(speech.astype(np.float64) ** 2) / np.mean(added.astype(np.float64) ** 2)) \
        == pytest.approx(10.0, abs=0.01)


def test_coloured_noise_has_its_spectral_slope():
    rng = np.random.default_rng(4)
    for colour, alpha in (("white", 0.0), ("pink", 1.0), ("brown", 2.0), ("blue", -1.0)):
        frequencies, power = welch(noise.coloured_noise(colour, 16000 * 20, rng), fs=16000, nperseg=4096)
        band = (frequencies > 100) & (frequencies < 6000)
        slope = np.polyfit(np.log10(frequencies[band]), np.log10(power[band]), 1)[0]
        assert slope == pytest.approx(-alpha, abs=0.15), colour


def sources(seed=5):
    rng = np.random.default_rng(seed)
    return NoiseSources({"tone": speech_like(0.7, 9)}, [speech_like(2.0, 8)], NoiseSources.generated_rooms(rng, 2))


@pytest.mark.parametrize("seed", range(6))
def test_chain_length_and_recorded_snr(seed):
    policy = AugmentPolicy(tempo_probability=1.0, pitch_probability=0.5, reverb_probability=0.0,
                           noise_probability=1.0, band_probability=0.0, gain_range=(0.0, 0.0))
    speech = speech_like()
    result = augment(speech, np.random.default_rng(seed), policy, sources())
    tempo = result.params["tempo"]
    lead = int(round(result.offset * 16000))
    expected = lead + int(round(speech.size / tempo))
    assert expected + int(0.1 * 16000) <= result.samples.size <= expected + int(0.6 * 16000)
    assert result.scale == pytest.approx(1 / tempo, rel=1e-4)  # params are rounded to 4 decimals
    # without noise, the same draws give the clean signal: the difference is the noise that was added
    clean_policy = AugmentPolicy(**{**policy.__dict__, "noise_probability": 0.0})
    rng = np.random.default_rng(seed)
    clean = augment(speech, rng, clean_policy, sources())
    if "pitch_semitones" not in result.params:  # sox's pitch effect is not sample-exact twice over
        active = slice(lead, lead + int(round(speech.size / tempo)))
        snr = 10 * np.log10(np.mean(clean.samples[active].astype(np.float64) ** 2)
                            / np.mean((result.samples - clean.samples).astype(np.float64) ** 2))
        assert snr == pytest.approx(result.params["noise"]["snr_db"], abs=0.2)


def test_same_seed_same_clip_and_parameters():
    speech = speech_like()
    first = augment(speech, np.random.default_rng(11), POLICIES["train"], sources())
    second = augment(speech, np.random.default_rng(11), POLICIES["train"], sources())
    other = augment(speech, np.random.default_rng(12), POLICIES["train"], sources())
    assert first.params == second.params and np.array_equal(first.samples, second.samples)
    assert first.params != other.params


def test_tempo_and_pitch_keep_the_lengths_they_promise():
    speech = speech_like(2.0)
    assert effects.change_tempo(speech, 1.25).size == round(speech.size / 1.25)
    assert effects.change_tempo(speech, 0.8).size == round(speech.size / 0.8)
    assert effects.shift_pitch(speech, 2.0).size == speech.size


def test_pitch_shift_moves_the_dominant_frequency():
    t = np.arange(16000) / 16000
    tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    shifted = effects.shift_pitch(tone, 12.0)
    spectrum = np.abs(np.fft.rfft(shifted[2000:14000]))
    assert abs(np.argmax(spectrum) * 16000 / 12000 - 880) < 15


def test_telephone_band_removes_low_and_high_frequencies():
    t = np.arange(16000) / 16000
    for frequency, kept in ((100, False), (1000, True), (6000, False)):
        tone = np.sin(2 * np.pi * frequency * t).astype(np.float32)
        ratio = np.std(effects.band_limit(tone, "telephone")[4000:]) / np.std(tone)
        assert (ratio > 0.8) if kept else (ratio < 0.2), frequency


def test_image_source_rir_starts_at_the_direct_path_and_decays_with_rt60():
    short = rir.Room((5.0, 4.0, 3.0), (1.0, 1.0, 1.5), (3.5, 2.5, 1.2), 0.25)
    long = rir.Room((5.0, 4.0, 3.0), (1.0, 1.0, 1.5), (3.5, 2.5, 1.2), 0.6)
    short_rir, long_rir = rir.image_source_rir(short), rir.image_source_rir(long)
    assert np.argmax(np.abs(short_rir)) == 0 and np.argmax(np.abs(long_rir)) == 0
    assert short_rir.size == int(0.25 * 16000) + 1 + rir.SINC_HALF_WIDTH
    late = slice(int(0.1 * 16000), int(0.2 * 16000))
    assert np.sum(long_rir[late] ** 2) > 3 * np.sum(short_rir[late] ** 2)
    # the first reflection (off the floor) arrives after the direct sound by its path difference
    floor_image = np.array([1.0, 1.0, -1.5])
    extra = (np.linalg.norm(floor_image - np.array(long.microphone)) - long.distance) / rir.SPEED_OF_SOUND
    around = int(round(extra * 16000))
    assert np.max(np.abs(long_rir[around - 2:around + 3])) > 0.2


def test_real_recordings_come_from_the_installed_packages_and_are_split():
    recordings = noise.real_recordings()
    assert len(recordings) > 20
    assert {noise.recording_split(n) for n in recordings} == {"train", "val", "test"}
    assert all(x.dtype == np.float32 and x.size >= 4000 for x in recordings.values())
