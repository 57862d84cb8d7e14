"""Training loop: binary cross-entropy on feature windows, AdamW with a one-cycle schedule."""
import time

import numpy as np
import torch

from .model import RepCNN


def feature_statistics(features, chunk=4096):
    """Per-mel mean and 1/std over every frame of the pool (float64 accumulation)."""
    total = np.zeros(features.shape[2])
    squares = np.zeros(features.shape[2])
    for start in range(0, len(features), chunk):
        block = features[start:start + chunk].astype(np.float64).reshape(-1, features.shape[2])
        total += block.sum(0)
        squares += (block ** 2).sum(0)
    count = features.shape[0] * features.shape[1]
    mean = total / count
    return mean, 1.0 / np.sqrt(np.maximum(squares / count - mean ** 2, 1e-6))


def mask_frequencies(batch, generator, max_width=4):
    """SpecAugment-style: one random band of up to max_width mel bins per window set to the window mean."""
    n, _, mels = batch.shape
    width = torch.randint(0, max_width + 1, (n, 1), generator=generator)
    first = (torch.rand(n, 1, generator=generator) * (mels - width)).long()
    bins = torch.arange(mels)[None, :]
    masked = ((bins >= first) & (bins < first + width))[:, None, :]
    return torch.where(masked, batch.mean(dim=(1, 2), keepdim=True), batch)


def train(features, labels, config, branches, epochs, seed, device, batch_size=256, learning_rate=3e-3, log=print):
    """A trained RepCNN (evaluation mode) and the seconds training took."""
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    model = RepCNN(config, branches)
    mean, scale = feature_statistics(features)
    model.feature_mean.copy_(torch.from_numpy(mean))
    model.feature_scale.copy_(torch.from_numpy(scale))
    model.to(device)
    steps_per_epoch = len(features) // batch_size
    optimiser = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=1e-3)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=learning_rate, epochs=epochs,
                                                   steps_per_epoch=steps_per_epoch)
    targets = torch.from_numpy(labels)
    started = time.monotonic()
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(features), generator=generator)
        losses = []
        for step in range(steps_per_epoch):
            index = order[step * batch_size:(step + 1) * batch_size].numpy()
            batch = mask_frequencies(torch.from_numpy(features[np.sort(index)].astype(np.float32)), generator)
            target = targets[np.sort(index)]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model.logits(batch.to(device)), target.to(device))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            losses.append(loss.item())
        log(f"{branches} epoch {epoch + 1}/{epochs} loss {np.mean(losses):.4f} ({time.monotonic() - started:.0f} s)")
    return model.eval().cpu(), time.monotonic() - started
