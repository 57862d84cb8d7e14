"""Room impulse responses by the image-source method (Allen & Berkley, 1979) for shoebox rooms.

Every image source within the response length contributes an impulse delayed by its distance
over the speed of sound, attenuated by 1/(4 pi d) and by the wall reflection coefficients once
per reflection. Delays are fractional, placed with a Hann-windowed sinc (Peterson, 1986). The
wall coefficient comes from the reverberation time by Eyring's formula, which is the decay an
image lattice with one coefficient for all walls has. Images 70 dB below the direct path are
skipped: they cannot be heard and they are most of the lattice.
"""
import dataclasses
import itertools

import numpy as np

SPEED_OF_SOUND = 343.0
SINC_HALF_WIDTH = 8  # taps on each side of a fractional delay
DYNAMIC_RANGE_DB = 70.0
DEFAULT_MAX_SECONDS = 0.6


@dataclasses.dataclass(frozen=True)
class Room:
    size: tuple  # metres (x, y, z)
    source: tuple  # metres
    microphone: tuple  # metres
    rt60: float  # seconds

    def to_json(self):
        return {"size": [round(v, 2) for v in self.size], "source": [round(v, 2) for v in self.source],
                "microphone": [round(v, 2) for v in self.microphone], "rt60": round(self.rt60, 3),
                "distance": round(self.distance, 2)}

    @property
    def distance(self):
        return float(np.linalg.norm(np.subtract(self.source, self.microphone)))


def eyring_reflection(size, rt60):
    """The amplitude reflection coefficient beta shared by all walls for a reverberation time:
    Eyring's T60 = 0.161 V / (-S ln(1 - alpha)) with beta^2 = 1 - alpha."""
    lx, ly, lz = size
    volume, surface = lx * ly * lz, 2 * (lx * ly + lx * lz + ly * lz)
    return float(np.exp(-0.5 * 0.161 * volume / (surface * rt60)))


def image_source_rir(room, sample_rate=16000, max_seconds=DEFAULT_MAX_SECONDS):
    """The impulse response from source to microphone, starting at the direct path.

    Trimming the propagation delay keeps the reverberant speech aligned with the dry speech's
    timings. Length: the room's RT60 (when the tail has fallen 60 dB) unless max_seconds is less.
    """
    size, source, mic = (np.asarray(v, dtype=np.float64) for v in (room.size, room.source, room.microphone))
    beta = eyring_reflection(room.size, room.rt60)
    length_s = min(room.rt60, max_seconds)
    direct = room.distance
    audible = 10 ** (-DYNAMIC_RANGE_DB / 20) / (4 * np.pi * direct)
    reach = direct + length_s * SPEED_OF_SOUND
    orders = [np.arange(-int(np.ceil(reach / (2 * s))) - 1, int(np.ceil(reach / (2 * s))) + 2) for s in size]
    grids = np.meshgrid(*orders, indexing="ij")
    n = np.stack([g.ravel() for g in grids], axis=1)  # lattice index of each image, per axis
    taps = np.zeros(int(length_s * sample_rate) + 2 * SINC_HALF_WIDTH + 1)
    offsets = np.arange(-SINC_HALF_WIDTH, SINC_HALF_WIDTH + 1)
    for parity in itertools.product((0, 1), repeat=3):
        q = np.asarray(parity)
        position = (1 - 2 * q) * source + 2 * n * size
        distance = np.linalg.norm(position - mic, axis=1)
        reflections = (np.abs(n - q) + np.abs(n)).sum(axis=1)
        gain = beta ** reflections / (4 * np.pi * distance)
        keep = (distance <= reach) & (gain >= audible)
        d, gain = distance[keep], gain[keep]
        delay = (d - direct) / SPEED_OF_SOUND * sample_rate + SINC_HALF_WIDTH
        whole = np.floor(delay).astype(int)
        index = whole[:, None] + offsets[None, :]
        fraction = (delay - whole)[:, None]
        kernel = np.sinc(offsets[None, :] - fraction) * (0.5 + 0.5 * np.cos(np.pi * (offsets[None, :] - fraction) / (SINC_HALF_WIDTH + 1)))
        valid = (index >= 0) & (index < taps.size)
        taps += np.bincount(index[valid], weights=(gain[:, None] * kernel)[valid], minlength=taps.size)
    rir = taps[SINC_HALF_WIDTH:]
    return (rir / np.max(np.abs(rir))).astype(np.float32)


def random_room(rng, rt60=(0.2, 0.8), distance=(0.5, 4.0)):
    """A living-room to hall sized shoebox, with source and microphone at least 0.5 m from the walls."""
    size = (rng.uniform(3.0, 9.0), rng.uniform(2.5, 7.0), rng.uniform(2.4, 3.6))
    margin = 0.5
    for _ in range(100):
        mic = tuple(rng.uniform(margin, s - margin) for s in size)
        src = tuple(rng.uniform(margin, s - margin) for s in size)
        d = float(np.linalg.norm(np.subtract(src, mic)))
        if distance[0] <= d <= distance[1]:
            return Room(size, src, mic, float(rng.uniform(*rt60)))
    return Room(size, src, mic, float(rng.uniform(*rt60)))


def reverberate(speech, rir):
    """Speech convolved with the RIR, cut to the speech's length and rescaled to its RMS."""
    from scipy.signal import fftconvolve
    wet = fftconvolve(speech, rir)[: len(speech)]
    dry_rms, wet_rms = np.sqrt(np.mean(np.square(speech))), np.sqrt(np.mean(np.square(wet)))
    return (wet * (dry_rms / wet_rms if wet_rms > 0 else 1.0)).astype(np.float32)
