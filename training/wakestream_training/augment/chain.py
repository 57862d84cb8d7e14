"""The augmentation chain, reproducible from a seed:

    tempo -> pitch -> padding -> room reverberation -> background noise at an SNR -> band limit -> gain

Background noise is coloured noise, babble, a real recording or music.

Each step is drawn with its policy's probability from a numpy Generator; every choice is
returned, so a manifest line says exactly what was done to its clip. Noise sources are per split
(NoiseSources): test clips hear only test recordings, test voices' babble and test rooms.
"""
import dataclasses

import numpy as np

from . import effects, noise, rir

SAMPLE_RATE = 16000


@dataclasses.dataclass(frozen=True)
class AugmentPolicy:
    tempo_probability: float = 0.5
    tempo_range: tuple = (0.85, 1.15)
    pitch_probability: float = 0.3
    pitch_range: tuple = (-2.0, 2.0)  # semitones
    lead_seconds: tuple = (0.1, 1.0)  # silence (then noise) before the speech
    tail_seconds: tuple = (0.1, 0.6)
    reverb_probability: float = 0.5
    noise_probability: float = 0.8
    snr_range: tuple = (0.0, 25.0)  # dB
    # music is drawn only where the split's NoiseSources hold music (corpora built with music; not
    # those built before it existed, whose draws are therefore unchanged)
    noise_weights: tuple = (("coloured", 0.3), ("babble", 0.3), ("real", 0.4), ("music", 0.25))
    band_probability: float = 0.2
    gain_range: tuple = (-12.0, 6.0)  # dB


POLICIES = {
    "none": AugmentPolicy(tempo_probability=0, pitch_probability=0, lead_seconds=(0, 0), tail_seconds=(0, 0),
                          reverb_probability=0, noise_probability=0, band_probability=0, gain_range=(0, 0)),
    "train": AugmentPolicy(),
    # held-out conditions: always reverberant and noisy, no perturbation of the voice itself
    "noisy_reverb": AugmentPolicy(tempo_probability=0, pitch_probability=0, reverb_probability=1.0,
                                  noise_probability=1.0, snr_range=(5.0, 20.0), band_probability=0.15,
                                  gain_range=(-10.0, 4.0)),
}


@dataclasses.dataclass
class NoiseSources:
    """One split's noise: real recordings, speech clips to make babble from, rooms with their RIRs,
    and music excerpts (augment.music)."""
    recordings: dict  # name -> float32 samples
    babble_speech: list  # float32 clips
    rooms: list  # [(rir.Room, float32 impulse response)]
    music: dict = dataclasses.field(default_factory=dict)  # name -> float32 samples

    @staticmethod
    def generated_rooms(rng, count):
        rooms = [rir.random_room(rng) for _ in range(count)]
        return [(room, rir.image_source_rir(room)) for room in rooms]


@dataclasses.dataclass
class Augmented:
    samples: np.ndarray
    params: dict
    offset: float  # a time t in the input speech is at t * scale + offset in `samples`
    scale: float

    def map_time(self, t):
        return round(t * self.scale + self.offset, 4)


def augment(speech, rng, policy, sources, active=None):
    """Apply the chain to float32 16 kHz speech. `active` marks the samples of speech (not pauses)
    that the SNR refers to; by default the whole input."""
    params = {}
    samples = np.asarray(speech, dtype=np.float32)
    active = np.ones(samples.size, bool) if active is None else np.asarray(active, bool)
    scale = 1.0
    if rng.random() < policy.tempo_probability:
        factor = float(rng.uniform(*policy.tempo_range))
        samples = effects.change_tempo(samples, factor)
        active = _resize_mask(active, samples.size)
        scale = 1.0 / factor
        params["tempo"] = round(factor, 4)
    if rng.random() < policy.pitch_probability:
        semitones = float(rng.uniform(*policy.pitch_range))
        samples = effects.shift_pitch(samples, semitones)
        params["pitch_semitones"] = round(semitones, 3)
    lead = int(rng.uniform(*policy.lead_seconds) * SAMPLE_RATE)
    tail = int(rng.uniform(*policy.tail_seconds) * SAMPLE_RATE)
    samples = np.concatenate([np.zeros(lead, np.float32), samples, np.zeros(tail, np.float32)])
    active = np.concatenate([np.zeros(lead, bool), active, np.zeros(tail, bool)])
    if rng.random() < policy.reverb_probability and sources.rooms:
        room, response = sources.rooms[int(rng.integers(len(sources.rooms)))]
        samples = rir.reverberate(samples, response)
        params["room"] = room.to_json()
    if rng.random() < policy.noise_probability:
        snr = float(rng.uniform(*policy.snr_range))
        kind, background, name = _background(rng, policy, sources, samples.size)
        reference = samples[active] if active.any() else samples
        samples = noise.mix_at_snr(samples, background, snr, reference=reference)
        params["noise"] = {"kind": kind, "source": name, "snr_db": round(snr, 2)}
    if rng.random() < policy.band_probability:
        band = sorted(effects.BANDS)[int(rng.integers(len(effects.BANDS)))]
        samples = effects.band_limit(samples, band)
        params["band"] = band
    gain = float(rng.uniform(*policy.gain_range))
    samples = effects.apply_gain(samples, gain)
    samples, protection = effects.protect_clipping(samples)
    params["gain_db"] = round(gain + protection, 2)
    return Augmented(samples, params, lead / SAMPLE_RATE, scale)


def _background(rng, policy, sources, n_samples):
    kinds = [(k, w) for k, w in policy.noise_weights
             if (k != "babble" or sources.babble_speech) and (k != "real" or sources.recordings)
             and (k != "music" or sources.music)]
    names, weights = zip(*kinds)
    kind = names[int(rng.choice(len(names), p=np.asarray(weights) / sum(weights)))]
    if kind == "coloured":
        colour = sorted(noise.COLOURS)[int(rng.integers(len(noise.COLOURS)))]
        return kind, noise.coloured_noise(colour, n_samples, rng), colour
    if kind == "babble":
        return kind, noise.babble(sources.babble_speech, n_samples, rng), "babble"
    pool = sources.music if kind == "music" else sources.recordings
    names = sorted(pool)
    name = names[int(rng.integers(len(names)))]
    return kind, noise.loop_to_length(pool[name], n_samples, rng), name


def _resize_mask(mask, length):
    index = np.minimum((np.arange(length) * mask.size / max(length, 1)).astype(int), mask.size - 1)
    return mask[index] if mask.size else np.zeros(length, bool)
