"""Acoustic conditions for training and evaluation: synthetic noises, room reverberation, mixing at an SNR.

No recorded noise or impulse-response corpus is installed here, so both are synthesised: coloured
noise (white, pink, brown), mains hum with harmonics, babble (several talkers of the split's own
speech summed), and room impulse responses with an exponential decay for a random RT60 (a direct
path, a few sparse early reflections and a diffuse tail).
"""
import numpy as np
import scipy.signal

from wakestream_training import frontend

RATE = frontend.SAMPLE_RATE


def coloured_noise(length, exponent, rng):
    """Noise with power spectrum ~ 1/f**exponent (0 white, 1 pink, 2 brown), unit RMS."""
    spectrum = np.fft.rfft(rng.standard_normal(length))
    frequencies = np.fft.rfftfreq(length, 1.0 / RATE)
    spectrum *= 1.0 / np.maximum(frequencies, 20.0) ** (exponent / 2.0)
    noise = np.fft.irfft(spectrum, n=length)
    return noise / (np.sqrt(np.mean(noise ** 2)) + 1e-12)


def hum(length, rng):
    t = np.arange(length) / RATE
    base = rng.choice([50.0, 60.0])
    tone = sum(rng.uniform(0.2, 1.0) / h * np.sin(2 * np.pi * base * h * t + rng.uniform(0, 6.3)) for h in range(1, 8))
    noisy = tone + 0.3 * coloured_noise(length, 1.0, rng)
    return noisy / np.sqrt(np.mean(noisy ** 2))


def babble(length, speech, rng, talkers=(3, 7)):
    """Several random stretches of a speech stream summed: a crowd of talkers."""
    total = np.zeros(length)
    for _ in range(rng.integers(*talkers)):
        start = rng.integers(0, speech.size - length)
        total += speech[start:start + length]
    return total / (np.sqrt(np.mean(total ** 2)) + 1e-12)


def background(length, speech, rng):
    """One random background noise of unit RMS."""
    kind = rng.integers(0, 5)
    if kind == 0:
        return coloured_noise(length, 0.0, rng)
    if kind == 1:
        return coloured_noise(length, 1.0, rng)
    if kind == 2:
        return coloured_noise(length, 2.0, rng)
    if kind == 3:
        return hum(length, rng)
    return babble(length, speech, rng)


def room_impulse_response(rng, rt60_range=(0.2, 0.9)):
    """A synthetic RIR: direct path, sparse early reflections, exponentially decaying diffuse tail."""
    rt60 = rng.uniform(*rt60_range)
    length = int(rt60 * RATE)
    t = np.arange(length) / RATE
    tail = rng.standard_normal(length) * np.exp(-6.9 * t / rt60)  # -60 dB at t = rt60
    onset = int(rng.uniform(0.002, 0.01) * RATE)
    tail[:onset] = 0.0
    rir = tail * rng.uniform(0.1, 0.4)
    for delay in rng.integers(onset // 2 + 1, int(0.05 * RATE), size=rng.integers(2, 6)):
        rir[delay] += rng.uniform(0.2, 0.6) * rng.choice([-1.0, 1.0])
    rir[0] = 1.0
    return rir / np.sqrt(np.sum(rir ** 2))


def reverberate(samples, rir):
    """Convolve with an RIR and keep the original length (the tail past the end is cut)."""
    return scipy.signal.fftconvolve(samples, rir)[: samples.size]


def mix_at_snr(signal, noise, snr_db):
    """signal + noise scaled so that the signal-to-noise power ratio is snr_db (signal power over its active part)."""
    active = signal[np.abs(signal) > 1e-4]
    signal_power = np.mean(active ** 2) if active.size else 1e-8
    noise_power = np.mean(noise ** 2) + 1e-12
    return signal + noise * np.sqrt(signal_power / (noise_power * 10.0 ** (snr_db / 10.0)))


def normalise_peak(samples, peak):
    return samples * (peak / (np.abs(samples).max() + 1e-9))
