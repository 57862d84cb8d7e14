"""RepCNN wake-word model: multi-branch training, folding into single-branch inference convolutions."""
