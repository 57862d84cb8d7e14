"""Synthetic speech corpora: `python3 -m wakestream_training.corpus {wakeword,requests,negatives} ...`.
Read a built corpus with `Corpus` (manifest.py documents every field)."""
from .manifest import KINDS, Corpus

__all__ = ["KINDS", "Corpus"]
