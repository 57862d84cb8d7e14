"""Train the phonetic encoder end to end: corpora (built if missing), frames, CTC training, held-out
phone error rates, ONNX export and manifest.

    cd training && /usr/bin/python3 -m wakestream_training.phonetic.encoder_train --out ../models/phonetic-encoder/1.0.0

Val (noisy, reverberant voices never heard in training) picks the epoch; test is reported noisy and
reverberant (`noisy_reverb`) and clean (the same clips' clean twins, `--held-out-policy none`).
"""
import argparse
import collections
import math
import pathlib
import time

import numpy as np
import torch
from tqdm import tqdm

from ..corpus.ensure import ensure_corpus
from ..text.cmudict import edit_distance
from . import align, encoder_manifest
from .encoder import EncoderConfig, PhoneticEncoder, pad_stream, parameter_count, silence_frame
from .encoder_data import N_MELS, cached_clip_set
from .encoder_export import export_onnx
from .phones import BLANK

DATA = pathlib.Path(__file__).resolve().parents[2] / "data"
# Version 1.0.0's voices: the engines of bookworm's main archive, no music noise (issue 14's voices come later).
PHRASE = ["--phrase", "hey jarvis", "--engines", "espeak-ng", "flite", "festival", "--music", "off"]
CORPORA = {
    "phonetic": (DATA / "phonetic-hey-jarvis", ["phonetic", *PHRASE, "--hours", "8"]),
    # more training speech: the same train voices saying other clips
    "phonetic-seed2": (DATA / "phonetic-hey-jarvis-seed2",
                       ["phonetic", *PHRASE, "--hours", "8", "--seed", "2", "--splits", "train"]),
    # val and test of the first corpus without noise or rooms: same texts, voices and prosody
    "phonetic-clean": (DATA / "phonetic-hey-jarvis-clean",
                       ["phonetic", *PHRASE, "--hours", "8", "--splits", "val", "test", "--held-out-policy", "none"]),
}
VAL_CLIPS = 800


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


def data_description(corpus_info):
    """The manifest's training.data: one line per corpus, its command and what it holds."""
    lines = []
    for name, info in corpus_info.items():
        directory, arguments = CORPORA[name]
        hours = info["stats"]["hours"]
        made = ", ".join(f"{split} {sum(kinds.values()):.2f} h" for split, kinds in hours.items() if kinds)
        lines.append(f"training/data/{directory.name}: corpus {' '.join(arguments)} ({made})")
    return lines


def batches(clips, max_frames, rng):
    """Clip indices grouped by similar length, each group at most max_frames padded frames; shuffled."""
    order = np.argsort(clips.lengths() + rng.uniform(0, 50, len(clips)))
    groups, current, longest = [], [], 0
    for i in order:
        n = int(clips.lengths()[i])
        if current and max(longest, n) * (len(current) + 1) > max_frames:
            groups.append(current)
            current, longest = [], 0
        current.append(int(i))
        longest = max(longest, n)
    groups.append(current)
    rng.shuffle(groups)
    return groups


def spec_augment(frames, rng, fill):
    """Two frequency masks of up to 10 bands and a time mask of up to 20 frames per second (Park et al., 2019)."""
    frames = frames.copy()
    for _ in range(2):
        width = rng.integers(0, 11)
        start = rng.integers(0, N_MELS - width + 1)
        frames[:, start:start + width] = fill[start:start + width]
    for _ in range(max(1, frames.shape[0] // 100)):
        width = rng.integers(0, 21)
        start = rng.integers(0, max(1, frames.shape[0] - width))
        frames[start:start + width] = fill
    return frames


def collate(clips, indices, config, rng=None, fill=None):
    """Padded model input [B, T, n_mels], targets, output lengths ceil(N/2) and target lengths."""
    padded = [pad_stream(spec_augment(clips.clip_frames(i).astype(np.float32), rng, fill) if rng is not None
                         else clips.clip_frames(i).astype(np.float32), config) for i in indices]
    longest = max(p.shape[0] for p in padded)
    silence = silence_frame(N_MELS)
    batch = np.stack([np.concatenate([p, np.broadcast_to(silence, (longest - p.shape[0], N_MELS))]) for p in padded])
    targets = [torch.as_tensor(clips.clip_targets(i).astype(np.int64)) for i in indices]
    output_lengths = torch.as_tensor([(clips.lengths()[i] + 1) // 2 for i in indices])
    return (torch.from_numpy(batch), torch.cat(targets), output_lengths,
            torch.as_tensor([len(t) for t in targets]))


@torch.no_grad()
def phone_error_rate(model, clips, device, by=None):
    """PER over clips (edit distance / reference phones), and per group when `by` names an info field."""
    model.eval()
    errors, totals = collections.Counter(), collections.Counter()
    for i in range(len(clips)):
        frames = torch.from_numpy(pad_stream(clips.clip_frames(i).astype(np.float32), model.config))[None]
        log_probs, _ = model(frames.to(device))
        reference = clips.clip_targets(i).tolist()
        decoded = [segment.phone for segment in align.greedy(log_probs[0].cpu().numpy())]
        e = edit_distance(decoded, reference)
        for key in ["all"] + ([clips.info[i][by]] if by else []):
            errors[key] += e
            totals[key] += len(reference)
    return {key: round(errors[key] / max(1, totals[key]), 4) for key in totals}


def train(model, train_clips, val_clips, epochs, device, seed, batch_frames, lr):
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)
    frames = train_clips.frames[::7].astype(np.float32)
    mean, std = frames.mean(0), frames.std(0)
    model.set_normalization(mean, std)
    model.to(device)
    groups_per_epoch = len(batches(train_clips, batch_frames, np.random.default_rng(0)))
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-2)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=epochs * groups_per_epoch + 1,
                                                   pct_start=0.15)
    ctc = torch.nn.CTCLoss(blank=BLANK, zero_infinity=True)
    best, best_state, history = math.inf, None, []
    for epoch in range(1, epochs + 1):
        model.train()
        started, losses = time.monotonic(), []
        bar = tqdm(batches(train_clips, batch_frames, rng), desc=f"epoch {epoch}/{epochs}", unit="batch")
        for group in bar:
            inputs, targets, output_lengths, target_lengths = collate(train_clips, group, model.config, rng, mean)
            log_probs, _ = model(inputs.to(device))
            loss = ctc(log_probs.transpose(0, 1), targets.to(device), output_lengths.to(device),
                       target_lengths.to(device))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            # epochs group clips afresh, so an epoch can hold a batch or two more than the schedule planned:
            # past its end the rate stays at its last value
            if schedule.last_epoch + 1 < schedule.total_steps:
                schedule.step()
            losses.append(loss.item())
            bar.set_postfix(loss=f"{np.mean(losses[-50:]):.3f}")
        per = phone_error_rate(model, val_clips, device)["all"]
        history.append({"epoch": epoch, "loss": round(float(np.mean(losses)), 4), "val_per": per,
                        "seconds": round(time.monotonic() - started, 1)})
        log(f"epoch {epoch}: loss {history[-1]['loss']}, val PER {per:.2%}, {history[-1]['seconds']} s")
        if per < best:
            best, best_state = per, {k: v.detach().clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    return history


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--batch-frames", type=int, default=12000, help="padded input frames per batch")
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    started = time.monotonic()
    corpus_info = {name: ensure_corpus(directory, arguments) for name, (directory, arguments) in CORPORA.items()}
    cache = DATA / "phonetic-cache"
    train_clips = cached_clip_set(cache, [CORPORA["phonetic"][0], CORPORA["phonetic-seed2"][0]], "train", log=log)
    val_clips = cached_clip_set(cache, [CORPORA["phonetic"][0]], "val", limit=VAL_CLIPS, log=log)
    log(f"train: {len(train_clips)} clips, {train_clips.hours:.2f} h; val: {len(val_clips)} clips")

    config = EncoderConfig()
    model = PhoneticEncoder(config)
    history = train(model, train_clips, val_clips, args.epochs, args.device, args.seed, args.batch_frames, args.lr)
    model.cpu().eval()

    test_noisy = cached_clip_set(cache, [CORPORA["phonetic"][0]], "test", log=log)
    test_clean = cached_clip_set(cache, [CORPORA["phonetic-clean"][0]], "test", log=log)
    evaluation = {
        "metric": "phone error rate (greedy CTC, edit distance / reference phones; reference = CMUdict of the "
                  "transcript), test split: voices, sentences and rooms never seen in training",
        "test_noisy_reverb": phone_error_rate(model, test_noisy, "cpu", by="engine"),
        "test_clean": phone_error_rate(model, test_clean, "cpu", by="engine"),
        "test_noisy_reverb_by_voice": phone_error_rate(model, test_noisy, "cpu", by="voice"),
        "val_noisy_reverb": history[-1]["val_per"] if history else None,
        "test_clips": len(test_noisy), "test_hours": round(test_noisy.hours, 3),
    }
    log(f"test PER noisy {evaluation['test_noisy_reverb']['all']:.2%}, clean {evaluation['test_clean']['all']:.2%}")

    args.out.mkdir(parents=True, exist_ok=True)
    model_path = args.out / "model.onnx"
    export_onnx(model, model_path)
    training = {
        "recipe": f"cd training && /usr/bin/python3 -m wakestream_training.phonetic.encoder_train --out {args.out} "
                  f"--epochs {args.epochs} --seed {args.seed}",
        "epochs": args.epochs, "seed": args.seed, "batch_frames": args.batch_frames, "lr": args.lr,
        "loss": "CTC (blank 0), SpecAugment (2 frequency masks <= 10 bands, a time mask <= 20 frames per second)",
        "history": history, "device": args.device, "minutes": round((time.monotonic() - started) / 60, 1),
        "data": data_description(corpus_info),
        "corpora": {name: {"arguments": CORPORA[name][1], "statistics": info["stats"]}
                    for name, info in corpus_info.items()},
        "train_clips": len(train_clips), "train_hours": round(train_clips.hours, 2),
        "voices": "the toolkit's split (training/README.md): train voices only; val and test voices held out",
    }
    manifest = encoder_manifest.build_manifest(args.out.name, model_path, config, parameter_count(model),
                                               training, evaluation)
    encoder_manifest.write_manifest(args.out / "manifest.json", manifest)
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
