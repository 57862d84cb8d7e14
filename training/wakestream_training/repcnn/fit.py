"""Training loop: binary cross-entropy on windows drawn afresh every epoch, AdamW with a one-cycle schedule."""
import time

import numpy as np
import torch

from .model import RepCNN


def feature_statistics(frames, chunk=1 << 18):
    """Per-mel mean and 1/std over every frame of the training stream (float64 accumulation)."""
    total = np.zeros(frames.shape[1])
    squares = np.zeros(frames.shape[1])
    for start in range(0, len(frames), chunk):
        block = frames[start:start + chunk].astype(np.float64)
        total += block.sum(0)
        squares += (block ** 2).sum(0)
    mean = total / len(frames)
    return mean, 1.0 / np.sqrt(np.maximum(squares / len(frames) - mean ** 2, 1e-6))


def mask_frequencies(batch, generator, max_width=4):
    """SpecAugment-style: one random band of up to max_width mel bins per window set to the window mean."""
    n, _, mels = batch.shape
    width = torch.randint(0, max_width + 1, (n, 1), generator=generator)
    first = (torch.rand(n, 1, generator=generator) * (mels - width)).long()
    bins = torch.arange(mels)[None, :]
    masked = ((bins >= first) & (bins < first + width))[:, None, :]
    return torch.where(masked, batch.mean(dim=(1, 2), keepdim=True), batch)


def train(sampler, config, branches, epochs, seed, device, batch_size=256, learning_rate=3e-3, log=print):
    """A trained RepCNN (evaluation mode, on the CPU) and the seconds training took."""
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = RepCNN(config, branches)
    mean, scale = feature_statistics(sampler.stream.frames)
    model.feature_mean.copy_(torch.from_numpy(mean))
    model.feature_scale.copy_(torch.from_numpy(scale))
    model.to(device)
    ends, labels = sampler.epoch(rng)
    steps_per_epoch = len(ends) // batch_size
    optimiser = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=1e-3)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=learning_rate, epochs=epochs,
                                                   steps_per_epoch=steps_per_epoch)
    started = time.monotonic()
    for epoch in range(epochs):
        if epoch:
            ends, labels = sampler.epoch(rng)
        model.train()
        losses = []
        for step in range(steps_per_epoch):
            chosen = slice(step * batch_size, (step + 1) * batch_size)
            batch = mask_frequencies(torch.from_numpy(sampler.gather(ends[chosen], rng)), generator)
            target = torch.from_numpy(labels[chosen])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model.logits(batch.to(device)), target.to(device))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            losses.append(loss.item())
        log(f"{branches} epoch {epoch + 1}/{epochs} loss {np.mean(losses):.4f} ({time.monotonic() - started:.0f} s)")
    return model.eval().cpu(), time.monotonic() - started
