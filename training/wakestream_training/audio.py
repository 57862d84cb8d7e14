"""Audio helpers shared by synthesis, augmentation and corpora: float32 16 kHz mono everywhere.

Resampling and file decoding go through sox, the same tool the Java resampler is checked against.
"""
import subprocess
import wave

import numpy as np

from .frontend import SAMPLE_RATE, read_wav_int16, write_wav_int16


def to_int16(samples):
    """Float samples in [-1, 1) to int16 with rounding and clipping."""
    return np.clip(np.round(np.asarray(samples, dtype=np.float64) * 32768.0), -32768, 32767).astype(np.int16)


def read_wav(path):
    """A 16 kHz mono 16-bit WAV as float32 samples (int16 / 32768)."""
    return read_wav_int16(path).astype(np.float32) / 32768.0


def write_wav(path, samples):
    """Write float samples as a 16 kHz mono 16-bit WAV."""
    write_wav_int16(path, to_int16(samples))


def sox_effects(samples, effects, rate=SAMPLE_RATE, out_rate=None):
    """Run float samples through sox effects (a list of sox arguments) and return float32 samples.

    Audio crosses the pipe as 32-bit float so effects add no quantisation of their own.
    """
    out_rate = out_rate or rate
    command = ["sox", "-V1", "-t", "f32", "-r", str(rate), "-c", "1", "-",
               "-t", "f32", "-r", str(out_rate), "-c", "1", "-"] + list(effects)
    result = subprocess.run(command, input=np.asarray(samples, dtype="<f4").tobytes(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return np.frombuffer(result.stdout, dtype="<f4").copy()


def resample(samples, rate, out_rate=SAMPLE_RATE):
    """Resample float samples with sox's high-quality band-limited resampler."""
    if rate == out_rate:
        return np.asarray(samples, dtype=np.float32)
    return sox_effects(samples, ["rate", "-v", str(out_rate)], rate=rate, out_rate=out_rate)


def load_any(path, rate=SAMPLE_RATE):
    """Decode any file sox reads (wav, ogg, flac, ...) to float32 mono at `rate`."""
    command = ["sox", "-V1", str(path), "-t", "f32", "-c", "1", "-", "remix", "-", "rate", "-v", str(rate)]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return np.frombuffer(result.stdout, dtype="<f4").copy()


def rms(samples):
    samples = np.asarray(samples, dtype=np.float64)
    return float(np.sqrt(np.mean(samples ** 2))) if samples.size else 0.0


def read_wav_any_rate(path):
    """A mono 16-bit WAV at whatever rate it has: (float32 samples, rate)."""
    with wave.open(str(path), "rb") as handle:
        if handle.getsampwidth() != 2 or handle.getnchannels() != 1:
            raise ValueError(f"{path}: expected mono 16-bit PCM")
        pcm = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2")
        return pcm.astype(np.float32) / 32768.0, handle.getframerate()
