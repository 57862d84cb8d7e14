"""Re-parameterizable 1-D convolution: parallel linear branches at training time, one Conv1d after folding.

Every branch is linear (a convolution followed by its own batch norm, or batch norm alone for the
identity), so in evaluation mode their sum is itself one convolution: batch norm folds into each
branch's weight and bias, smaller kernels are zero-padded (centred) to the largest kernel, the identity
becomes a centred one-hot kernel, and the padded kernels and biases add up.

For speed on CPU the conv branches of a block run as one convolution call with branch-count times the
output channels: each branch keeps its own kernel (stored zero-padded to the largest size, with a
fixed mask so that the padding taps stay zero and get no gradient) and its own batch-norm channels.
That is the same computation as separate branch modules, without one small kernel launch per branch.
"""
import math

import torch
from torch import nn


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
        if in_channels % groups or out_channels % groups:
            raise ValueError("channels must divide into groups")
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size, self.stride, self.groups = max(kernel_sizes), stride, groups
        branch_kernels = [k for k in kernel_sizes for _ in range(repeats)]
        self.branch_count = len(branch_kernels) + int(identity)
        # Branch-major kernels [branches, out, in/groups, kernel_size]; the mask keeps each branch its own size.
        self.weight = nn.Parameter(torch.empty(len(branch_kernels), out_channels, in_channels // groups, self.kernel_size))
        mask = torch.zeros(len(branch_kernels), 1, 1, self.kernel_size)
        for branch, k in enumerate(branch_kernels):
            margin = (self.kernel_size - k) // 2
            mask[branch, :, :, margin:margin + k] = 1.0
            bound = 1.0 / math.sqrt(in_channels // groups * k)  # PyTorch's Conv1d default for a k-tap kernel
            nn.init.uniform_(self.weight.data[branch], -bound, bound)
        self.register_buffer("mask", mask)
        # One batch norm channel per (group, branch, output channel of the group): the conv's output order.
        self.bn = nn.BatchNorm1d(len(branch_kernels) * out_channels)
        self.identity = nn.BatchNorm1d(out_channels) if identity else None

    def _conv_weight(self):
        """The branch kernels in grouped-conv order: [groups * branches * out_per_group, in/groups, k]."""
        branches, out, per_group_in, k = self.weight.shape
        weight = (self.weight * self.mask).reshape(branches, self.groups, out // self.groups, per_group_in, k)
        return weight.transpose(0, 1).reshape(-1, per_group_in, k)

    def _sum_branches(self, y):
        """[batch, groups * branches * out_per_group, T] -> sum over branches -> [batch, out, T]."""
        batch, _, length = y.shape
        branches = self.weight.shape[0]
        return y.reshape(batch, self.groups, branches, self.out_channels // self.groups, length).sum(2) \
            .reshape(batch, self.out_channels, length)

    def forward(self, x):
        y = nn.functional.conv1d(x, self._conv_weight(), stride=self.stride, padding=self.kernel_size // 2,
                                 groups=self.groups)
        out = self._sum_branches(self.bn(y))
        return out + self.identity(x) if self.identity is not None else out

    @torch.no_grad()
    def fold(self):
        """The single Conv1d (with bias) equal to this block in evaluation mode."""
        branches, out, per_group_in, k = self.weight.shape
        scale, shift = _bn_affine(self.bn)

        def branch_major(v):  # BN vectors from conv-output order to [branches, out]
            return v.reshape(self.groups, branches, out // self.groups).transpose(0, 1).reshape(branches, out)

        scale, shift = branch_major(scale), branch_major(shift)
        weight = (self.weight * self.mask * scale[:, :, None, None]).sum(0)
        bias = shift.sum(0)
        if self.identity is not None:
            id_scale, id_shift = _bn_affine(self.identity)
            channel = torch.arange(out)
            weight[channel, channel % per_group_in, k // 2] += id_scale
            bias += id_shift
        conv = nn.Conv1d(self.in_channels, out, k, stride=self.stride, padding=k // 2, groups=self.groups, bias=True)
        conv.weight.copy_(weight)
        conv.bias.copy_(bias)
        return conv.to(self.weight.device)


def _bn_affine(bn):
    """(scale, shift) with bn(x) = scale * x + shift in evaluation mode."""
    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
    return scale, bn.bias - bn.running_mean * scale
