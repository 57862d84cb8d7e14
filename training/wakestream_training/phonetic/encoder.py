"""The streaming phone-CTC acoustic encoder: 80-bin log-mel frames -> per 20 ms frame, phone
log-posteriors (blank + 39 ARPAbet phones) and an embedding vector.

Every convolution is unpadded ("valid"), so an output frame is a function of a fixed span of input
frames and nothing else: output u of a window that starts at input frame a reads input frames
[a + 2u, a + 2u + receptive - 1] and belongs to input frames a + 2u + left_context and the next one.
A stream is therefore encoded in any chunking with the same result as a whole-file run, provided
both pad the same way (`pad_stream`): left_context silence frames before the first frame, and
lookahead + 1 after the last. Look-ahead is what a live stream waits for: lookahead input frames.

Blocks are time-depth-separable convolutions (depthwise, then pointwise) with residual connections,
as in QuartzNet (Kriman et al., 2020), without padding; each block's residual is cropped where its
output frame sits in its input, which is how the look-ahead is spent: the first blocks are centred,
the rest causal.
"""
import dataclasses

import numpy as np
import torch
from torch import nn

from .. import frontend

SUBSAMPLING = 2


@dataclasses.dataclass(frozen=True)
class EncoderConfig:
    n_mels: int = 80
    channels: int = 256
    embedding: int = 128
    phones: int = 40  # blank + 39
    kernel: int = 5
    dilations: tuple = (1, 2, 4, 1, 2, 4)
    centred_blocks: int = 3  # the first blocks look ahead half their span; the rest are causal
    stem_kernel: int = 4

    def block_crops(self):
        """[(left, right)] frames (at the subsampled rate) each block consumes before / after its output frame."""
        crops = []
        for i, d in enumerate(self.dilations):
            span = (self.kernel - 1) * d
            right = span // 2 if i < self.centred_blocks else 0
            crops.append((span - right, right))
        return crops

    @property
    def stem_left(self):
        return (self.stem_kernel - SUBSAMPLING) // 2

    @property
    def left_context(self):
        """Input frames before an output's own two frames that it reads."""
        return self.stem_left + SUBSAMPLING * sum(left for left, _ in self.block_crops())

    @property
    def lookahead(self):
        """Input frames after an output's own two frames that it reads (the streaming latency)."""
        return (self.stem_kernel - SUBSAMPLING - self.stem_left) + SUBSAMPLING * sum(r for _, r in self.block_crops())

    @property
    def receptive(self):
        return self.left_context + SUBSAMPLING + self.lookahead

    def outputs_for(self, input_frames):
        """U for a window of T input frames: floor((T - left_context - lookahead) / 2), at least 0."""
        return max(0, (input_frames - self.left_context - self.lookahead) // SUBSAMPLING)


class Block(nn.Module):
    def __init__(self, channels, kernel, dilation, crop):
        super().__init__()
        self.crop = crop
        self.depthwise = nn.Conv1d(channels, channels, kernel, dilation=dilation, groups=channels, bias=False)
        self.norm1 = nn.BatchNorm1d(channels)
        self.pointwise = nn.Conv1d(channels, channels, 1, bias=False)
        self.norm2 = nn.BatchNorm1d(channels)

    def forward(self, x):
        y = torch.relu(self.norm1(self.depthwise(x)))
        y = self.norm2(self.pointwise(y))
        left, right = self.crop
        return torch.relu(y + x[:, :, left:x.shape[2] - right])


class PhoneticEncoder(nn.Module):
    """features [batch, T, n_mels] -> (log_probs [batch, U, phones], embeddings [batch, U, embedding]),
    U = config.outputs_for(T)."""

    def __init__(self, config=EncoderConfig()):
        super().__init__()
        self.config = config
        c = config.channels
        # Per-band normalisation measured on the training frames (set_normalization), part of the graph.
        self.register_buffer("mean", torch.zeros(config.n_mels))
        self.register_buffer("scale", torch.ones(config.n_mels))
        self.stem = nn.Conv1d(config.n_mels, c, config.stem_kernel, stride=SUBSAMPLING, bias=False)
        self.stem_norm = nn.BatchNorm1d(c)
        self.blocks = nn.ModuleList(Block(c, config.kernel, d, crop)
                                    for d, crop in zip(config.dilations, config.block_crops()))
        self.embed = nn.Conv1d(c, config.embedding, 1)
        self.classify = nn.Conv1d(config.embedding, config.phones, 1)

    def set_normalization(self, mean, std):
        self.mean.copy_(torch.as_tensor(mean, dtype=torch.float32))
        self.scale.copy_(1.0 / torch.as_tensor(std, dtype=torch.float32).clamp(min=1e-3))

    def forward(self, features):
        x = ((features - self.mean) * self.scale).transpose(1, 2)
        x = torch.relu(self.stem_norm(self.stem(x)))
        for block in self.blocks:
            x = block(x)
        embeddings = self.embed(x)
        log_probs = torch.log_softmax(self.classify(torch.relu(embeddings)), dim=1)
        return log_probs.transpose(1, 2), embeddings.transpose(1, 2)


def silence_frame(n_mels):
    """The frontend's features of all-zero audio: log(floor) in every band."""
    return np.full(n_mels, np.log(frontend.LOG_FLOOR), np.float32)


def pad_stream(frames, config):
    """A whole stream's frames [N, n_mels] with the silence a stream starts and ends with:
    left_context frames before, lookahead + 1 after, so that it yields ceil(N / 2) outputs."""
    silence = silence_frame(frames.shape[1])
    before = np.broadcast_to(silence, (config.left_context, frames.shape[1]))
    after = np.broadcast_to(silence, (config.lookahead + 1, frames.shape[1]))
    return np.concatenate([before, frames, after]).astype(np.float32)


def output_frames(frame_count):
    """Outputs a stream of `frame_count` input frames yields: ceil(N / 2)."""
    return (frame_count + SUBSAMPLING - 1) // SUBSAMPLING


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


def macs_per_output(config):
    """Multiply-accumulates per output frame (20 ms) of the exported graph (BatchNorm folded)."""
    c = config.channels
    stem = config.n_mels * config.stem_kernel * c
    blocks = len(config.dilations) * (c * config.kernel + c * c)
    return stem + blocks + c * config.embedding + config.embedding * config.phones
