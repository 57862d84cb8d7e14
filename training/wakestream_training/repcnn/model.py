"""The RepCNN wake-word network: log-mel window [batch, frames, n_mels] -> wake-word probability [batch].

Mel bins are the channels of 1-D convolutions over time. A stem convolution (stride 2) is followed by
stages of a depthwise temporal block and a pointwise block (MobileOne style), each a RepConv1d with a
ReLU after it; global average pooling over time and a linear layer give one logit.

`RepCNN(config, branches="rep")` is the multi-branch training network; `branches="direct"` the same
inference architecture with one conv+BN per block, trained directly (the paper's ablation). Both fold
into `FoldedRepCNN`, which has exactly one Conv1d per block.
"""
import dataclasses

import torch
from torch import nn

from .blocks import RepConv1d


@dataclasses.dataclass(frozen=True)
class RepCNNConfig:
    n_mels: int = 40
    window_frames: int = 176          # 400 + 175 * 160 samples = 1.775 s: the slowest "hey jarvis" (1.46 s) fits
    hop_frames: int = 16              # evaluated every 160 ms: a typical keyword is whole in 4 windows
    channels: int = 64
    stem_kernels: tuple = (5, 3, 1)
    stem_stride: int = 2
    depthwise_kernels: tuple = (9, 5, 3, 1)
    pointwise_repeats: int = 2        # parallel 1x1 conv+BN branches of a pointwise block
    stage_strides: tuple = (1, 2, 2, 2)

    def block_specs(self, branches):
        """(in, out, kernel_sizes, stride, groups, repeats, identity) of every block, in order."""
        rep = branches == "rep"
        specs = [(self.n_mels, self.channels, self.stem_kernels if rep else self.stem_kernels[:1],
                  self.stem_stride, 1, 1, False)]
        for stride in self.stage_strides:
            depthwise = self.depthwise_kernels if rep else self.depthwise_kernels[:1]
            specs.append((self.channels, self.channels, depthwise, stride, self.channels, 1, rep and stride == 1))
            specs.append((self.channels, self.channels, (1,), 1, 1, self.pointwise_repeats if rep else 1, rep))
        return specs


class RepCNN(nn.Module):
    """Training-time network; `branches` is "rep" (multi-branch) or "direct" (single conv+BN per block)."""

    def __init__(self, config=RepCNNConfig(), branches="rep"):
        super().__init__()
        if branches not in ("rep", "direct"):
            raise ValueError(f"branches must be 'rep' or 'direct', not {branches!r}")
        self.config, self.branches = config, branches
        # Per-mel mean and 1/std of the training features: fixed constants, set before training.
        self.register_buffer("feature_mean", torch.zeros(config.n_mels))
        self.register_buffer("feature_scale", torch.ones(config.n_mels))
        self.blocks = nn.ModuleList(RepConv1d(i, o, ks, stride=s, groups=g, repeats=r, identity=ident)
                                    for i, o, ks, s, g, r, ident in config.block_specs(branches))
        self.classifier = nn.Linear(config.channels, 1)

    def forward(self, features):
        return torch.sigmoid(self.logits(features))

    def logits(self, features):
        x = ((features - self.feature_mean) * self.feature_scale).transpose(1, 2)
        for block in self.blocks:
            x = torch.relu(block(x))
        return self.classifier(x.mean(dim=2)).squeeze(1)

    def fold(self):
        """The inference network: the same function (in evaluation mode) with one Conv1d per block."""
        return FoldedRepCNN(self)


class FoldedRepCNN(nn.Module):
    """Single-branch inference network: normalisation, one Conv1d + ReLU per block, pooling, linear, sigmoid."""

    def __init__(self, trained):
        super().__init__()
        trained = trained.eval()
        self.config = trained.config
        self.register_buffer("feature_mean", trained.feature_mean.clone())
        self.register_buffer("feature_scale", trained.feature_scale.clone())
        self.convs = nn.ModuleList(block.fold() for block in trained.blocks)
        self.classifier = nn.Linear(trained.config.channels, 1)
        self.classifier.load_state_dict(trained.classifier.state_dict())
        self.eval()

    def forward(self, features):
        return torch.sigmoid(self.logits(features))

    def logits(self, features):
        x = ((features - self.feature_mean) * self.feature_scale).transpose(1, 2)
        for conv in self.convs:
            x = torch.relu(conv(x))
        return self.classifier(x.mean(dim=2)).squeeze(1)
