"""Numpy reference of the Wakestream log-mel frontend (ARCHITECTURE.md, "The audio frontend").

The Java implementation in common (io.wakestream.common.frontend) is pinned to this file by a
golden fixture written with `python3 -m wakestream_training.frontend --golden DIR`.
"""
import argparse
import json
import pathlib
import wave

import numpy as np

SAMPLE_RATE = 16000
FRAME_LENGTH = 400
HOP_LENGTH = 160
FFT_SIZE = 512
F_MIN = 20.0
F_MAX = 7600.0
LOG_FLOOR = 1e-6


def hz_to_mel(hz):
    return 2595.0 * np.log10(1.0 + np.asarray(hz, dtype=np.float64) / 700.0)


def mel_to_hz(mel):
    return 700.0 * (10.0 ** (np.asarray(mel, dtype=np.float64) / 2595.0) - 1.0)


def periodic_hann(length=FRAME_LENGTH):
    n = np.arange(length, dtype=np.float64)
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * n / length)


def mel_filterbank(n_mels):
    """Triangular HTK-mel filters, peak 1, evaluated at bin frequencies k * 16000 / 512; shape (n_mels, 257)."""
    bin_hz = np.arange(FFT_SIZE // 2 + 1, dtype=np.float64) * SAMPLE_RATE / FFT_SIZE
    edges_hz = mel_to_hz(np.linspace(hz_to_mel(F_MIN), hz_to_mel(F_MAX), n_mels + 2))
    bank = np.zeros((n_mels, bin_hz.size), dtype=np.float64)
    for m in range(n_mels):
        left, centre, right = edges_hz[m], edges_hz[m + 1], edges_hz[m + 2]
        rising = (bin_hz - left) / (centre - left)
        falling = (right - bin_hz) / (right - centre)
        bank[m] = np.maximum(0.0, np.minimum(rising, falling))
    return bank


def frame_count(n_samples):
    return 0 if n_samples < FRAME_LENGTH else 1 + (n_samples - FRAME_LENGTH) // HOP_LENGTH


def log_mel(samples, n_mels=40):
    """Log-mel features of float samples in [-1, 1); shape (frames, n_mels), float64."""
    samples = np.asarray(samples, dtype=np.float64)
    frames = frame_count(samples.size)
    if frames == 0:
        return np.zeros((0, n_mels))
    index = np.arange(FRAME_LENGTH)[None, :] + HOP_LENGTH * np.arange(frames)[:, None]
    windowed = samples[index] * periodic_hann()[None, :]
    power = np.abs(np.fft.rfft(windowed, n=FFT_SIZE, axis=1)) ** 2
    return np.log(power @ mel_filterbank(n_mels).T + LOG_FLOOR)


def int16_to_float(pcm):
    return np.asarray(pcm, dtype=np.int16).astype(np.float64) / 32768.0


def read_wav_int16(path):
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1 or wav.getframerate() != SAMPLE_RATE:
            raise ValueError(f"{path}: expected 16 kHz mono 16-bit PCM")
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")


def write_wav_int16(path, pcm):
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(np.asarray(pcm, dtype="<i2").tobytes())


def golden_signal(seconds=1.5, seed=20261128):
    """A deterministic test signal: chirp plus two tones plus noise, with silence at the start."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    chirp = 0.3 * np.sin(2 * np.pi * (100 * t + 2000 * t ** 2))
    tones = 0.1 * np.sin(2 * np.pi * 440 * t) + 0.05 * np.sin(2 * np.pi * 3150 * t)
    signal = chirp + tones + 0.02 * rng.standard_normal(t.size)
    signal[: SAMPLE_RATE // 10] = 0.0
    return np.clip(np.round(signal * 32767), -32768, 32767).astype(np.int16)


def write_golden(directory):
    """Write golden.wav and golden-logmel-<n>.json (features for 40 and 80 mels) into directory."""
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    pcm = golden_signal()
    write_wav_int16(directory / "golden.wav", pcm)
    for n_mels in (40, 80):
        features = log_mel(int16_to_float(pcm), n_mels)
        payload = {"wav": "golden.wav", "n_mels": n_mels, "frames": int(features.shape[0]),
                   "features": [[round(float(v), 6) for v in row] for row in features]}
        (directory / f"golden-logmel-{n_mels}.json").write_text(json.dumps(payload))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--golden", metavar="DIR", required=True, help="write the golden fixture here")
    write_golden(parser.parse_args().golden)


if __name__ == "__main__":
    main()
