"""The lattice GNN: two variants of Jeon et al., "Lattice-based Improvements for Voice Triggering Using Graph
Neural Networks" (ICASSP 2022), section 3: graph convolution layers (Kipf & Welling 2017) and self-attention
over the lattice's arcs, on a padded graph with a mask so one ONNX graph serves every lattice up to max_arcs.

Inputs (the ONNX contract io.wakestream.ftm.core.LatticeGnn checks): word_ids [B, N] (float ids, cast inside),
arc_features [B, N, F] (raw; standardised inside with the training set's means and deviations), adjacency
[B, N, N] (1 where arc i ends where arc j starts), mask [B, N]. Output p_addressed [B]: the probability that the
device was addressed.
"""
import dataclasses

import torch
from torch import nn

from .graph import FEATURES


@dataclasses.dataclass
class GnnConfig:
    variant: str = "gcn"        # gcn | attention
    vocabulary: int = 2         # ids incl. padding (0) and unknown (1)
    word_dim: int = 16
    hidden: int = 48
    layers: int = 2
    heads: int = 4
    dropout: float = 0.1


class GcnLayer(nn.Module):
    """H' = ReLU(Â H W) + H with Â = D^-1/2 (A + Aᵀ + I) D^-1/2 over the arcs the mask keeps: a lattice is
    directed, but evidence flows both ways (a word's successors say as much about it as its predecessors)."""

    def __init__(self, hidden, dropout):
        super().__init__()
        self.linear = nn.Linear(hidden, hidden)
        self.norm = nn.LayerNorm(hidden)
        self.dropout = nn.Dropout(dropout)

    def forward(self, h, adjacency, mask):
        eye = torch.eye(adjacency.shape[-1], dtype=h.dtype).unsqueeze(0)
        a = torch.clamp(adjacency + adjacency.transpose(1, 2) + eye, max=1.0)
        a = a * mask.unsqueeze(1) * mask.unsqueeze(2)
        degree = a.sum(-1).clamp(min=1.0)
        inv = degree.pow(-0.5)
        a = inv.unsqueeze(2) * a * inv.unsqueeze(1)
        return self.norm(h + self.dropout(torch.relu(self.linear(torch.bmm(a, h)))))


class AttentionLayer(nn.Module):
    """Multi-head self-attention among a lattice's arcs (padding masked out), with a learned bias per head for
    arc pairs the lattice connects, then a feed-forward block; pre-norm residuals."""

    def __init__(self, hidden, heads, dropout):
        super().__init__()
        self.heads, self.dim = heads, hidden // heads
        self.qkv = nn.Linear(hidden, 3 * hidden)
        self.out = nn.Linear(hidden, hidden)
        self.edge_bias = nn.Parameter(torch.zeros(heads))
        self.norm1, self.norm2 = nn.LayerNorm(hidden), nn.LayerNorm(hidden)
        self.ff = nn.Sequential(nn.Linear(hidden, 2 * hidden), nn.ReLU(), nn.Linear(2 * hidden, hidden))
        self.dropout = nn.Dropout(dropout)

    def forward(self, h, adjacency, mask):
        b, n, _ = h.shape
        q, k, v = self.qkv(self.norm1(h)).reshape(b, n, 3, self.heads, self.dim).permute(2, 0, 3, 1, 4)
        scores = torch.matmul(q, k.transpose(-1, -2)) / (self.dim ** 0.5)
        linked = torch.clamp(adjacency + adjacency.transpose(1, 2), max=1.0).unsqueeze(1)
        scores = scores + self.edge_bias.reshape(1, -1, 1, 1) * linked
        scores = scores + (mask.reshape(b, 1, 1, n) - 1.0) * 1e4
        attended = torch.matmul(torch.softmax(scores, dim=-1), v).permute(0, 2, 1, 3).reshape(b, n, -1)
        h = h + self.dropout(self.out(attended))
        return h + self.dropout(self.ff(self.norm2(h)))


class LatticeGnn(nn.Module):
    def __init__(self, config, feature_mean=None, feature_std=None):
        super().__init__()
        self.config = config
        f = len(FEATURES)
        self.register_buffer("feature_mean", torch.zeros(f) if feature_mean is None else torch.as_tensor(feature_mean, dtype=torch.float32))
        self.register_buffer("feature_std", torch.ones(f) if feature_std is None else torch.as_tensor(feature_std, dtype=torch.float32))
        self.words = nn.Embedding(config.vocabulary, config.word_dim, padding_idx=0)
        self.input = nn.Sequential(nn.Linear(config.word_dim + f, config.hidden), nn.ReLU())
        if config.variant == "gcn":
            self.layers = nn.ModuleList(GcnLayer(config.hidden, config.dropout) for _ in range(config.layers))
        elif config.variant == "attention":
            self.layers = nn.ModuleList(AttentionLayer(config.hidden, config.heads, config.dropout) for _ in range(config.layers))
        else:
            raise ValueError(f"unknown variant {config.variant!r}: gcn or attention")
        self.head = nn.Sequential(nn.Linear(2 * config.hidden, config.hidden), nn.ReLU(), nn.Dropout(config.dropout),
                                  nn.Linear(config.hidden, 1))

    def logits(self, word_ids, arc_features, adjacency, mask):
        x = (arc_features - self.feature_mean) / self.feature_std
        h = self.input(torch.cat([self.words(word_ids.long()), x], dim=-1)) * mask.unsqueeze(-1)
        for layer in self.layers:
            h = layer(h, adjacency, mask) * mask.unsqueeze(-1)
        count = mask.sum(1, keepdim=True)
        mean = h.sum(1) / count.clamp(min=1.0)
        # masked max; an empty lattice (no arcs) reads as zeros
        peak = (h + (mask.unsqueeze(-1) - 1.0) * 1e4).max(1).values * (count > 0).to(h.dtype)
        return self.head(torch.cat([mean, peak], dim=-1)).squeeze(-1)

    def forward(self, word_ids, arc_features, adjacency, mask):
        return torch.sigmoid(self.logits(word_ids, arc_features, adjacency, mask))
