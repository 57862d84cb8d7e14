"""Background noise: coloured noise, babble, real recordings, and mixing at a signal-to-noise ratio."""
import functools
import hashlib
import io
import pathlib
import struct
import wave

import numpy as np

from .. import audio

COLOURS = {"white": 0.0, "pink": 1.0, "brown": 2.0, "blue": -1.0, "violet": -2.0}

# Real recordings from Debian packages: OpenTTD's OpenSFX (openttd-opensfx: trains, traffic,
# animals, machinery, crowds; CC BY-SA 3.0) and the freedesktop sound theme
# (sound-theme-freedesktop: bells, shutters, phones, paper). See README.md for the licences.
OPENSFX_CATALOGUE = pathlib.Path("/usr/share/games/openttd/baseset/opensfx/opensfx.cat")
FREEDESKTOP_SOUNDS = pathlib.Path("/usr/share/sounds/freedesktop/stereo")
MIN_RECORDING_SECONDS = 0.25


def coloured_noise(colour, n_samples, rng):
    """Gaussian noise whose power spectrum falls as 1/f^alpha (white 0, pink 1, brown 2, blue -1, violet -2),
    at unit RMS."""
    alpha = COLOURS[colour]
    spectrum = np.fft.rfft(rng.standard_normal(n_samples))
    frequencies = np.fft.rfftfreq(n_samples)
    frequencies[0] = frequencies[1] if n_samples > 1 else 1.0
    shaped = np.fft.irfft(spectrum / frequencies ** (alpha / 2.0), n=n_samples)
    shaped -= shaped.mean()
    return (shaped / (audio.rms(shaped) or 1.0)).astype(np.float32)


def babble(speech_clips, n_samples, rng, talkers=(3, 7)):
    """Overlapped speech: several clips at random offsets and levels, looped to the length asked for."""
    mixture = np.zeros(n_samples, dtype=np.float64)
    for _ in range(int(rng.integers(talkers[0], talkers[1] + 1))):
        clip = speech_clips[int(rng.integers(len(speech_clips)))]
        track = loop_to_length(clip, n_samples, rng)
        mixture += track / (audio.rms(track) or 1.0) * 10 ** (rng.uniform(-6, 0) / 20)
    return (mixture / (audio.rms(mixture) or 1.0)).astype(np.float32)


def loop_to_length(clip, n_samples, rng):
    """A random-phase crop of the clip repeated as often as needed."""
    clip = np.asarray(clip, dtype=np.float32)
    repeats = int(np.ceil((n_samples + clip.size) / max(clip.size, 1)))
    tiled = np.tile(clip, repeats)
    start = int(rng.integers(clip.size)) if clip.size else 0
    return tiled[start:start + n_samples]


def mix_at_snr(speech, noise, snr_db, reference=None):
    """speech + noise scaled so that 10*log10(P_speech / P_noise) = snr_db.

    P_speech is the mean power of `reference` (the speech without its padding, so silence around
    an utterance does not lower the ratio) or of `speech`; P_noise is over the noise as added.
    """
    reference = speech if reference is None else reference
    speech_power = float(np.mean(np.asarray(reference, dtype=np.float64) ** 2))
    noise_power = float(np.mean(np.asarray(noise, dtype=np.float64) ** 2))
    if noise_power == 0.0 or speech_power == 0.0:
        return np.asarray(speech, dtype=np.float32)
    scale = np.sqrt(speech_power / (noise_power * 10 ** (snr_db / 10.0)))
    return (np.asarray(speech, dtype=np.float64) + scale * noise).astype(np.float32)


def opensfx_recordings(catalogue=OPENSFX_CATALOGUE):
    """{name: float32 16 kHz} for each RIFF/WAVE sound embedded in OpenSFX's catalogue file."""
    data = catalogue.read_bytes()
    sounds, position, index = {}, 0, 0
    while (position := data.find(b"RIFF", position)) >= 0:
        size = struct.unpack("<I", data[position + 4:position + 8])[0]
        try:
            with wave.open(io.BytesIO(data[position:position + 8 + size]), "rb") as handle:
                pcm = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2").astype(np.float32) / 32768
                pcm = pcm.reshape(-1, handle.getnchannels()).mean(axis=1)
                sounds[f"opensfx/{index:03d}"] = audio.resample(pcm, handle.getframerate())
        except (wave.Error, EOFError, ValueError):
            pass  # a non-PCM entry
        position += 8 + size
        index += 1
    return sounds


def freedesktop_recordings(directory=FREEDESKTOP_SOUNDS):
    return {f"freedesktop/{p.stem}": audio.load_any(p) for p in sorted(directory.glob("*.oga")) if not p.is_symlink()}


@functools.lru_cache(maxsize=1)
def real_recordings():
    """Every real recording found, keyed by name, longer than MIN_RECORDING_SECONDS, trimmed of silence."""
    sounds = {}
    if OPENSFX_CATALOGUE.exists():
        sounds.update(opensfx_recordings())
    if FREEDESKTOP_SOUNDS.exists():
        sounds.update(freedesktop_recordings())
    trimmed = {name: _trim(x) for name, x in sounds.items()}
    return {name: x for name, x in sorted(trimmed.items()) if x.size >= MIN_RECORDING_SECONDS * 16000}


def recording_split(name, salt="wakestream-noise-split-v1"):
    """train (70 %), val (15 %) or test (15 %) for a recording, so test noise is never heard in training."""
    bucket = int(hashlib.sha256(f"{salt}:{name}".encode()).hexdigest(), 16) % 100
    return "train" if bucket < 70 else "val" if bucket < 85 else "test"


def _trim(samples, threshold=1e-3):
    loud = np.flatnonzero(np.abs(samples) > threshold)
    return samples[loud[0]:loud[-1] + 1] if loud.size else samples[:0]
