"""Verify a whole audio signal against a phrase, as kws-service does (io.wakestream.kws.core): the
Python twin used for the samples that pin the Java implementation, and for offline checks.

1. The phonetic encoder runs the audio as one stream (pad_stream): U outputs of 20 ms; each
   embedding L2-normalised (float32); posteriors = exp(log_probs); speech weight w = 1 - P(blank).
2. Spans of L = pairs.span_frames(K) outputs: one span of all U outputs when U <= L, else starts 0, hop,
   2 hop, ... while start + L <= U, plus a last span ending at U.
3. Per span (at least K outputs): similarity S[u, k] = w_u (embedding_u . phone vector_k) (computed in
   float64, given to the model and to DSP as float32 values), DSP segments, w-weighted pooled means,
   segment lengths, each segment's highest posterior of its phone, the verifier's probability.
4. The best span wins (ties: the earliest); no span with K outputs -> score 0 ("too_short").
"""
import dataclasses

import numpy as np
import torch

from .. import frontend
from ..phonetic.encoder import pad_stream
from . import dsp
from .pairs import SPAN_HOP, span_frames
from .verifier import MIN_WEIGHT


@dataclasses.dataclass(frozen=True)
class Verification:
    score: float
    span: tuple        # (start, end) outputs, or None
    segments: tuple    # ((phone index, start output, end output), ...) in the whole audio


def encoder_outputs(encoder, samples):
    """(normalised embeddings [U, E] float32, posteriors [U, 40] float32) of one whole signal."""
    features = frontend.log_mel(np.asarray(samples, np.float64), encoder.config.n_mels).astype(np.float32)
    with torch.no_grad():
        log_probs, embeddings = encoder(torch.from_numpy(pad_stream(features, encoder.config))[None])
    embeddings = embeddings[0].numpy().astype(np.float64)
    norms = np.linalg.norm(embeddings, axis=1, keepdims=True)
    normalised = np.where(norms > 0, embeddings / np.where(norms > 0, norms, 1.0), 0.0).astype(np.float32)
    return normalised, np.exp(log_probs[0].numpy().astype(np.float64)).astype(np.float32)


def spans(outputs, length, hop=SPAN_HOP):
    if outputs <= length:
        return [(0, outputs)]
    starts = list(range(0, outputs - length + 1, hop))
    if starts[-1] + length != outputs:
        starts.append(outputs - length)
    return [(s, s + length) for s in starts]


def span_inputs(embeddings, posteriors, vectors, phones):
    """(similarity [U, K], bounds, pooled [K, E], segment_frames [K], segment_posteriors [K]) of one span,
    arrays float32."""
    weights = 1.0 - posteriors[:, 0].astype(np.float64)
    similarity = ((embeddings.astype(np.float64) @ vectors.astype(np.float64).T) * weights[:, None]).astype(np.float32)
    bounds = dsp.partition(similarity.astype(np.float64)).bounds
    pooled = np.stack([(weights[a:b, None] * embeddings[a:b].astype(np.float64)).sum(axis=0)
                       / max(weights[a:b].sum(), MIN_WEIGHT) for a, b in bounds]).astype(np.float32)
    frames = np.asarray([b - a for a, b in bounds], np.float32)
    peaks = np.asarray([posteriors[a:b, p].max() for p, (a, b) in zip(phones, bounds)], np.float32)
    return similarity, bounds, pooled, frames, peaks


def verify(encoder, verifier, table, samples, phones):
    """The Verification of float samples [-1, 1) at 16 kHz against phone indices (verifier: a Verifier in
    eval mode, or any callable taking the five inputs as torch tensors with batch 1 and returning a logit)."""
    embeddings, posteriors = encoder_outputs(encoder, samples)
    vectors = np.asarray(table, np.float32)[list(phones)]
    best = Verification(0.0, None, ())
    for start, end in spans(len(embeddings), span_frames(len(phones))):
        if end - start < len(phones):
            continue
        similarity, bounds, pooled, frames, peaks = span_inputs(embeddings[start:end], posteriors[start:end],
                                                                vectors, phones)
        with torch.no_grad():
            logit = verifier(*(torch.from_numpy(x)[None] for x in (similarity, pooled, vectors, frames, peaks)))
        score = float(torch.sigmoid(logit).reshape(-1)[0])
        if best.span is None or score > best.score:
            best = Verification(score, (start, end),
                                tuple((int(p), start + a, start + b) for p, (a, b) in zip(phones, bounds)))
    return best
