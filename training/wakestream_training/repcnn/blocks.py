"""Re-parameterizable 1-D convolution: parallel linear branches at training time, one Conv1d after folding.

Every branch is linear (a convolution followed by batch norm, or batch norm alone for the identity), so
in evaluation mode their sum is itself one convolution: batch norm folds into each branch's weight and
bias, smaller kernels are zero-padded (centred) to the largest kernel, the identity becomes a centred
one-hot kernel, and the padded kernels and biases add up.
"""
import torch
from torch import nn


def fold_conv_bn(weight, bn):
    """Weight and bias of conv(weight, no bias) followed by bn in evaluation mode."""
    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
    return weight * scale.reshape(-1, 1, 1), bn.bias - bn.running_mean * scale


def pad_kernel(weight, size):
    """Zero-pad a kernel (out, in/groups, k) symmetrically to length size (both odd)."""
    margin = (size - weight.shape[-1]) // 2
    return nn.functional.pad(weight, (margin, margin))


class ConvBranch(nn.Module):
    """One k-tap convolution (no bias) followed by batch norm."""

    def __init__(self, in_channels, out_channels, kernel_size, stride, groups):
        super().__init__()
        self.conv = nn.Conv1d(in_channels, out_channels, kernel_size, stride=stride,
                              padding=kernel_size // 2, groups=groups, bias=False)
        self.bn = nn.BatchNorm1d(out_channels)

    def forward(self, x):
        return self.bn(self.conv(x))

    def folded(self, size):
        weight, bias = fold_conv_bn(self.conv.weight, self.bn)
        return pad_kernel(weight, size), bias


class IdentityBranch(nn.Module):
    """Batch norm of the input itself: the skip connection, expressed as a centred one-hot kernel."""

    def __init__(self, channels, groups):
        super().__init__()
        self.channels, self.groups = channels, groups
        self.bn = nn.BatchNorm1d(channels)

    def forward(self, x):
        return self.bn(x)

    def folded(self, size):
        per_group = self.channels // self.groups
        eye = torch.zeros(self.channels, per_group, size, device=self.bn.weight.device)
        channel = torch.arange(self.channels)
        eye[channel, channel % per_group, size // 2] = 1.0
        return fold_conv_bn(eye, self.bn)


class RepConv1d(nn.Module):
    """Sum of parallel conv+BN branches (one per kernel size, `repeats` times) and an optional identity BN.

    With kernel_sizes=(k,), repeats=1 and identity=False it is the plain single-branch conv+BN that the
    ablation trains directly; every configuration folds into the same Conv1d(kernel=max(kernel_sizes)).
    """

    def __init__(self, in_channels, out_channels, kernel_sizes, stride=1, groups=1, repeats=1, identity=False):
        super().__init__()
        if any(k % 2 == 0 for k in kernel_sizes):
            raise ValueError("kernel sizes must be odd so that all branches stay centred")
        if identity and (in_channels != out_channels or stride != 1):
            raise ValueError("an identity branch needs equal channels and stride 1")
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size, self.stride, self.groups = max(kernel_sizes), stride, groups
        self.branches = nn.ModuleList(
            ConvBranch(in_channels, out_channels, k, stride, groups) for k in kernel_sizes for _ in range(repeats))
        if identity:
            self.branches.append(IdentityBranch(out_channels, groups))

    def forward(self, x):
        return sum(branch(x) for branch in self.branches)

    @torch.no_grad()
    def fold(self):
        """The single Conv1d (with bias) equal to this block in evaluation mode."""
        conv = nn.Conv1d(self.in_channels, self.out_channels, self.kernel_size, stride=self.stride,
                         padding=self.kernel_size // 2, groups=self.groups, bias=True)
        parts = [branch.folded(self.kernel_size) for branch in self.branches]
        conv.weight.copy_(sum(weight for weight, _ in parts))
        conv.bias.copy_(sum(bias for _, bias in parts))
        return conv.to(next(self.parameters()).device)
