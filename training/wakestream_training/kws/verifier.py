"""The keyword verifier: scores one audio span against one phrase from the DSP-aligned pair.

Inputs (one span, batch B, U outputs, K phones, E = 128; padded batches carry masks, the ONNX graph is
exported for B = 1 without padding). The encoder is a CTC model: most outputs are blank and carry little
phone identity, the phone shows in a few "spike" outputs. So each output u is weighted by its speech
weight w_u = 1 - P(blank | u):
- similarity [B, U, K]: w_u times the cosine of output u's normalised embedding with phone vector k;
- pooled [B, K, E]: the w-weighted mean normalised embedding of each DSP segment;
- phone_vectors [B, K, E]: the phrase's phone vectors (the table's rows, or a learned text embedding);
- segment_frames [B, K]: each segment's length in outputs;
- segment_posteriors [B, K]: the highest posterior of phone k over its segment's outputs.

Per phone k the network forms: a projection of pooled_k and phone_vector_k (their product and absolute
difference), the segment's mean similarity to its own phone (pooled_k . p_k), to the best other phone of
the phrase, a goodness-of-pronunciation term (pooled_k . p_k against a softmax over the whole phone table,
which is part of the graph), the best similarity of phone k anywhere in the span, the segment's
consistency (|pooled_k|) and its log length. Two convolutions over the phone sequence mix neighbours;
masked mean and max pooling over phones, then two linear layers, give the match probability.
(CED, "Flexible Keyword Spotting based on Homogeneous Audio-Text Embedding": text side = phone vectors
from the audio encoder; DSP pooling: "Matching Latent Encoding for Audio-Text based KWS".)
"""
import dataclasses

import numpy as np
import torch
from torch import nn


@dataclasses.dataclass(frozen=True)
class VerifierConfig:
    embedding: int = 128
    projection: int = 32
    hidden: int = 64
    learned_text: bool = False   # ablation: a learned phone embedding instead of the encoder's phone vectors
    phones: int = 40


class Verifier(nn.Module):
    def __init__(self, table, config=VerifierConfig()):
        super().__init__()
        self.config = config
        self.register_buffer("table", torch.as_tensor(np.asarray(table)[1:], dtype=torch.float32))
        self.text = nn.Embedding(config.phones, config.embedding) if config.learned_text else None
        self.audio_projection = nn.Linear(config.embedding, config.projection)
        self.text_projection = nn.Linear(config.embedding, config.projection)
        self.temperature = nn.Parameter(torch.tensor(10.0))
        scalars = 7
        self.unit = nn.Linear(2 * config.projection + scalars, config.hidden)
        self.conv1 = nn.Conv1d(config.hidden, config.hidden, 3, padding=1)
        self.conv2 = nn.Conv1d(config.hidden, config.hidden, 3, padding=1)
        self.head = nn.Sequential(nn.Linear(2 * config.hidden, 32), nn.ReLU(), nn.Linear(32, 1))

    def text_vectors(self, phone_ids):
        """[B, K, E] normalised learned phone embeddings (only with learned_text)."""
        vectors = self.text(phone_ids)
        return vectors / vectors.norm(dim=-1, keepdim=True).clamp(min=1e-6)

    def forward(self, similarity, pooled, phone_vectors, segment_frames, segment_posteriors, frame_mask=None,
                unit_mask=None):
        if frame_mask is None:
            frame_mask = torch.ones_like(similarity[:, :, 0])
        if unit_mask is None:
            unit_mask = torch.ones_like(segment_frames)
        own = (pooled * phone_vectors).sum(-1)                                   # [B, K]
        cross = torch.matmul(pooled, phone_vectors.transpose(1, 2))               # [B, K, K]
        index = torch.arange(cross.shape[-1], device=cross.device)
        eye = (index[:, None] == index[None, :]).to(cross.dtype)
        invalid = eye + (1.0 - unit_mask)[:, None, :]
        best_other = (cross - 4.0 * invalid.clamp(max=1.0)).max(-1).values
        table_scores = torch.matmul(pooled, self.table.t()) * self.temperature     # [B, K, 39]
        gop = own * self.temperature - torch.logsumexp(
            torch.cat([table_scores, (own * self.temperature)[..., None]], -1), -1)
        anywhere = (similarity - 4.0 * (1.0 - frame_mask)[..., None]).max(1).values
        consistency = pooled.norm(dim=-1)
        length = torch.log(segment_frames.clamp(min=1.0))
        a, t = self.audio_projection(pooled), self.text_projection(phone_vectors)
        features = torch.cat([a * t, (a - t).abs(), own[..., None], best_other[..., None], gop[..., None] / 10.0,
                              anywhere[..., None], consistency[..., None], length[..., None],
                              torch.log(segment_posteriors.clamp(min=1e-4))[..., None] / 4.0], -1)
        mask = unit_mask[..., None]
        x = torch.relu(self.unit(features)) * mask
        x = torch.relu(self.conv1(x.transpose(1, 2))).transpose(1, 2) * mask
        x = torch.relu(self.conv2(x.transpose(1, 2))).transpose(1, 2) * mask
        mean = x.sum(1) / mask.sum(1).clamp(min=1.0)
        peak = (x - 1e4 * (1.0 - mask)).max(1).values
        return self.head(torch.cat([mean, peak], -1)).squeeze(-1)


def batched_partition(similarity, frames, units):
    """DSP (kws/dsp.py) for a padded batch: similarity [B, U, K] float64, valid sizes frames[B], units[B].
    Returns the unit of every output [B, U] (-1 on padding). The recurrence runs over the padded width: a
    padded phone never feeds a real one and each example's result is read at its own (T-1, K-1), so each
    partition equals dsp.partition of its unpadded matrix (same tie rule: advance only when strictly better)."""
    batch, width, depth = similarity.shape
    best = torch.full((batch, depth), -float("inf"), dtype=torch.float64)
    best[:, 0] = similarity[:, 0, 0]
    advanced = torch.zeros((batch, width, depth), dtype=torch.bool)
    minus_inf = torch.full((batch, 1), -float("inf"), dtype=torch.float64)
    for t in range(1, width):
        previous = torch.cat([minus_inf, best[:, :-1]], 1)
        advance = previous > best
        advanced[:, t] = advance
        best = similarity[:, t] + torch.where(advance, previous, best)
    unit = (units - 1).clone()
    assignment = torch.full((batch, width), -1, dtype=torch.long)
    rows = torch.arange(batch)
    for t in range(width - 1, -1, -1):
        active = t < frames
        assignment[:, t] = torch.where(active, unit, assignment[:, t])
        step = active & advanced[rows, t, unit.clamp(min=0)] & (t > 0)
        unit = unit - step.long()
    return assignment


MIN_WEIGHT = 1e-3


def pooled_segments(embeddings, weights, assignment, depth):
    """(pooled [B, K, E], segment_frames [B, K], one_hot [B, U, K]) from embeddings [B, U, E], speech weights
    [B, U] and the unit of each output: pooled = sum(w e) / max(sum(w), MIN_WEIGHT) over each segment."""
    one_hot = torch.zeros(assignment.shape + (depth,), dtype=embeddings.dtype)
    valid = assignment >= 0
    one_hot[valid, assignment[valid]] = 1.0
    counts = one_hot.sum(1)
    weighted = one_hot * weights[..., None]
    pooled = torch.matmul(weighted.transpose(1, 2), embeddings) / weighted.sum(1).clamp(min=MIN_WEIGHT)[..., None]
    return pooled, counts, one_hot


def segment_posteriors(posteriors, phone_ids, one_hot):
    """[B, K]: the highest posterior of phone k (phone_ids [B, K]) over the outputs of segment k."""
    index = phone_ids[:, None, :].expand(-1, posteriors.shape[1], -1)
    of_phone = torch.gather(posteriors, 2, index)                       # [B, U, K]
    return (of_phone * one_hot).max(1).values
