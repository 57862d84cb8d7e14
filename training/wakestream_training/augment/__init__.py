"""Reproducible augmentation: noise (coloured, babble, real recordings) at SNRs, image-source room
reverberation, gain, band limits, pitch and tempo. Entry point: chain.augment."""
from .chain import POLICIES, AugmentPolicy, Augmented, NoiseSources, augment

__all__ = ["POLICIES", "AugmentPolicy", "Augmented", "NoiseSources", "augment"]
