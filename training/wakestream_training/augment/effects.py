"""Gain, band limits, and pitch and tempo perturbation (the last two by sox)."""
import numpy as np
from scipy.signal import butter, sosfilt

from .. import audio

BANDS = {
    # narrow-band telephone channel (ITU-T G.712 pass band)
    "telephone": (300.0, 3400.0),
    # a far, cheap microphone: little bass, treble gone above a few kHz
    "far_field": (150.0, 5000.0),
}


def apply_gain(samples, gain_db):
    return (np.asarray(samples, dtype=np.float32) * np.float32(10 ** (gain_db / 20.0))).astype(np.float32)


def band_limit(samples, band, sample_rate=16000):
    """A 4th-order Butterworth band-pass for a named channel (BANDS)."""
    low, high = BANDS[band]
    sos = butter(4, [low, high], btype="bandpass", fs=sample_rate, output="sos")
    return sosfilt(sos, samples).astype(np.float32)


def shift_pitch(samples, semitones):
    """Pitch changed, duration kept (sox `pitch`)."""
    if abs(semitones) < 1e-3:
        return np.asarray(samples, dtype=np.float32)
    return _fit(audio.sox_effects(samples, ["pitch", f"{semitones * 100:.1f}"]), len(samples))


def change_tempo(samples, factor):
    """Speed changed by `factor`, pitch kept (sox `tempo -s`); the result is len/factor samples long."""
    if abs(factor - 1.0) < 1e-4:
        return np.asarray(samples, dtype=np.float32)
    return _fit(audio.sox_effects(samples, ["tempo", "-s", f"{factor:.4f}"]), int(round(len(samples) / factor)))


def _fit(samples, length):
    """Trim or zero-pad to an exact length (sox's effects may differ by a few samples)."""
    if samples.size >= length:
        return samples[:length]
    return np.concatenate([samples, np.zeros(length - samples.size, dtype=np.float32)])


def protect_clipping(samples, peak=0.99):
    """Scale down so that no sample exceeds `peak`; returns (samples, gain_db applied)."""
    top = float(np.max(np.abs(samples))) if len(samples) else 0.0
    if top <= peak:
        return samples, 0.0
    return (samples * (peak / top)).astype(np.float32), 20 * np.log10(peak / top)
