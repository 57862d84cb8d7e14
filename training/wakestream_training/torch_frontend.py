"""PyTorch implementation of the log-mel frontend for training, equal to the numpy reference
(frontend.py; ARCHITECTURE.md "The audio frontend"). Differentiable, batched, runs on any device.

torch.stft is not used: it centres a 400-sample window inside a 512-sample frame, which shifts
every frame by 56 samples against the reference. Frames are cut with unfold instead.
"""
import torch
from torch import nn

from . import frontend


class LogMel(nn.Module):
    """float samples (..., n_samples) in [-1, 1) -> log-mel features (..., frames, n_mels)."""

    def __init__(self, n_mels=40, dtype=torch.float32):
        super().__init__()
        self.n_mels = n_mels
        self.register_buffer("window", torch.tensor(frontend.periodic_hann(), dtype=dtype))
        self.register_buffer("filters", torch.tensor(frontend.mel_filterbank(n_mels).T, dtype=dtype))

    def forward(self, samples):
        samples = samples.to(self.window.dtype)
        if samples.shape[-1] < frontend.FRAME_LENGTH:
            return samples.new_zeros(samples.shape[:-1] + (0, self.n_mels))
        frames = samples.unfold(-1, frontend.FRAME_LENGTH, frontend.HOP_LENGTH) * self.window
        spectrum = torch.fft.rfft(frames, n=frontend.FFT_SIZE, dim=-1)
        power = spectrum.real ** 2 + spectrum.imag ** 2
        return torch.log(power @ self.filters + frontend.LOG_FLOOR)


def log_mel(samples, n_mels=40):
    """Convenience for one signal: numpy or tensor samples -> float32 tensor (frames, n_mels)."""
    return LogMel(n_mels)(torch.as_tensor(samples, dtype=torch.float32))
