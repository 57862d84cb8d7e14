"""Train the keyword verifier (kws-verifier) and measure it on a LibriPhrase-style benchmark.

    cd training && /usr/bin/python3 -m wakestream_training.kws.train --out ../models/kws-verifier/1.0.0 [--ablation]

1. Encoder outputs of the phonetic corpora (train: both train corpora; val; test noisy; test clean), cached.
2. The phone-vector table: the mean normalised embedding of the outputs forced-aligned to each phone over
   the train split (encoded.phone_vector_table).
3. Pairs (pairs.py) from train voices; threshold and model selection on validation voices.
4. The benchmark: test-split phrase instances (held-out voices; noisy_reverb and its clean twin), each
   with its own text, an easy negative and a LibriPhrase hard negative; AUC and EER.
5. With --ablation also: uniform partition instead of DSP, no hard-negative (confusable) training, and a
   learned phone embedding instead of the encoder's phone vectors.
6. ONNX export (kws/export.py), phone-vectors.json, manifest, samples for the Java twin.
"""
import argparse
import json
import pathlib
import time

import numpy as np
import torch

from ..phonetic.encoder_train import CORPORA as PHONETIC_CORPORA
from ..provenance import git_commit
from . import pairs as pair_data
from .encoded import encode_split, phone_vector_table
from .metrics import auc, eer, threshold_at_frr
from .verifier import Verifier, VerifierConfig, batched_partition, pooled_segments, segment_posteriors

TRAINING = pathlib.Path(__file__).resolve().parents[2]
CACHE = TRAINING / "data" / "phonetic-cache"
ENCODER = TRAINING.parent / "models" / "phonetic-encoder" / "1.0.0"
TRAIN_KINDS = pair_data.KINDS
EASY_ONLY_KINDS = ("positive", "easy")
VAL_FRR = 0.02


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


class PairBatches:
    """Padded batches of pairs: window embeddings, phone ids, labels."""

    def __init__(self, encoded, found, pair_list):
        self.encoded, self.found, self.pairs = encoded, found, pair_list

    def __len__(self):
        return len(self.pairs)

    def epoch_batches(self, rng, size, batch_size):
        """`size` pairs drawn at random, grouped by window length (less padding), batches in random order."""
        chosen = rng.choice(len(self.pairs), size=min(size, len(self.pairs)), replace=False)
        lengths = np.asarray([self.found[self.pairs[i].instance].end - self.found[self.pairs[i].instance].start
                              for i in chosen]) + rng.random(len(chosen))
        ordered = chosen[np.argsort(lengths)]
        batches = [ordered[i:i + batch_size] for i in range(0, len(ordered) - batch_size + 1, batch_size)]
        return [batches[i] for i in rng.permutation(len(batches))]

    def batch(self, indices):
        chosen = [self.pairs[i] for i in indices]
        windows = [self.found[p.instance] for p in chosen]
        width = max(w.end - w.start for w in windows)
        depth = max(len(p.phones) for p in chosen)
        embeddings = np.zeros((len(chosen), width, self.encoded.embeddings.shape[1]), np.float32)
        posteriors = np.zeros((len(chosen), width, self.encoded.posteriors.shape[1]), np.float32)
        phone_ids = np.zeros((len(chosen), depth), np.int64)
        frames, units = np.zeros(len(chosen), np.int64), np.zeros(len(chosen), np.int64)
        for b, (pair, inst) in enumerate(zip(chosen, windows)):
            clip = self.encoded.clip(inst.clip)[inst.start:inst.end]
            embeddings[b, :len(clip)] = clip
            posteriors[b, :len(clip)] = self.encoded.clip_posteriors(inst.clip)[inst.start:inst.end]
            phone_ids[b, :len(pair.phones)] = pair.phones
            frames[b], units[b] = len(clip), len(pair.phones)
        labels = np.asarray([p.label for p in chosen], np.float32)
        return (torch.from_numpy(embeddings), torch.from_numpy(posteriors), torch.from_numpy(phone_ids),
                torch.from_numpy(frames), torch.from_numpy(units), torch.from_numpy(labels))


def model_inputs(model, table, embeddings, posteriors, phone_ids, frames, units, partition="dsp"):
    """The verifier's inputs for a padded batch (verifier.py): speech-weighted similarity, DSP (or uniform)
    segments, weighted pooled embeddings, segment lengths and phone posteriors; then the two masks."""
    depth = phone_ids.shape[1]
    unit_mask = (torch.arange(depth)[None] < units[:, None]).float()
    frame_mask = (torch.arange(embeddings.shape[1])[None] < frames[:, None]).float()
    if model.config.learned_text:
        vectors = model.text_vectors(phone_ids) * unit_mask[..., None]
    else:
        vectors = table[phone_ids] * unit_mask[..., None]
    weights = (1.0 - posteriors[..., 0]) * frame_mask
    similarity = torch.matmul(embeddings, vectors.transpose(1, 2)) * weights[..., None]
    with torch.no_grad():
        if partition == "dsp":
            masked = similarity.double() - 1e6 * (1.0 - frame_mask.double())[..., None]
            assignment = batched_partition(masked, frames, units)
        else:
            position = torch.arange(embeddings.shape[1])[None].double()
            assignment = torch.floor(position * units[:, None].double() / frames[:, None].double()).long()
            assignment = torch.where(position < frames[:, None], assignment, torch.full_like(assignment, -1))
    pooled, counts, one_hot = pooled_segments(embeddings, weights, assignment, depth)
    peaks = segment_posteriors(posteriors, phone_ids, one_hot)
    return similarity, pooled, vectors, counts, peaks, frame_mask, unit_mask


def scores(model, table, batches, partition, batch_size=512):
    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(batches), batch_size):
            embeddings, posteriors, phone_ids, frames, units, _ = batches.batch(
                range(start, min(len(batches), start + batch_size)))
            inputs = model_inputs(model, table, embeddings, posteriors, phone_ids, frames, units, partition)
            out.append(torch.sigmoid(model(*inputs)).numpy())
    return np.concatenate(out) if out else np.zeros(0)


def figures(batches, values):
    """AUC/EER of positives against each negative kind, and against easy / hard as LibriPhrase reports."""
    kinds = np.asarray([p.kind for p in batches.pairs])
    positive = values[kinds == "positive"]
    out = {"pairs": {k: int((kinds == k).sum()) for k in sorted(set(kinds))}}
    for kind in sorted(set(kinds) - {"positive"}):
        negative = values[kinds == kind]
        rate, threshold = eer(positive, negative)
        out[kind] = {"auc": round(auc(positive, negative), 4), "eer": round(rate, 4), "eer_threshold": round(threshold, 4)}
    return out


def train_variant(name, table, train_batches, val_batches, config, partition, epochs, seed, pairs_per_epoch,
                  batch_size=256):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = Verifier(table, config)
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3)
    steps = epochs * (min(pairs_per_epoch, len(train_batches)) // batch_size)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=2e-3, total_steps=max(1, steps))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    best, best_state, started = -1.0, None, time.monotonic()
    for epoch in range(epochs):
        model.train()
        total = 0.0
        batches = train_batches.epoch_batches(rng, pairs_per_epoch, batch_size)
        for indices in batches:
            embeddings, posteriors, phone_ids, frames, units, labels = train_batches.batch(indices)
            inputs = model_inputs(model, table, embeddings, posteriors, phone_ids, frames, units, partition)
            loss = loss_fn(model(*inputs), labels)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss)
        values = scores(model, table, val_batches, partition)
        found = figures(val_batches, values)
        hard = found["libriphrase"]["auc"]
        log(f"{name} epoch {epoch + 1}/{epochs}: loss {total / max(1, len(batches)):.4f}, "
            f"val auc easy {found['easy']['auc']} hard {hard} edit {found.get('edit', {}).get('auc')}")
        if hard > best:
            best, best_state = hard, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    return model.eval(), time.monotonic() - started


def datasets(seed):
    """Encoded sets and phrase instances of train, val, test (noisy) and test (clean twin)."""
    phonetic, seed2, clean = (PHONETIC_CORPORA[n][0] for n in ("phonetic", "phonetic-seed2", "phonetic-clean"))
    encoded = {"train": encode_split(ENCODER, [phonetic, seed2], "train", CACHE, log=log),
               "val": encode_split(ENCODER, [phonetic], "val", CACHE, log=log),
               "test": encode_split(ENCODER, [phonetic], "test", CACHE, log=log),
               "test_clean": encode_split(ENCODER, [clean], "test", CACHE, log=log)}
    found = {"train": pair_data.instances(encoded["train"], 3, np.random.default_rng(seed)),
             "val": pair_data.instances(encoded["val"], 2, np.random.default_rng(seed + 1))}
    # the same draw for the noisy test split and its clean twin (same texts, voices and prosody)
    found["test"] = pair_data.instances(encoded["test"], 2, np.random.default_rng(seed + 2))
    found["test_clean"] = pair_data.instances(encoded["test_clean"], 2, np.random.default_rng(seed + 2))
    return encoded, found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=pathlib.Path, help="the model version directory to publish (needed unless --ablation-only)")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--pairs-per-epoch", type=int, default=50000, help="pairs drawn afresh for each epoch")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ablation", action="store_true", help="also train the three ablation variants")
    parser.add_argument("--ablation-only", type=pathlib.Path, metavar="REPORT.json",
                        help="train only the ablation variants and write their figures here (the model is not touched)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if not args.out and not args.ablation_only:
        parser.error("--out is required (or --ablation-only REPORT.json)")
    torch.set_num_threads(args.threads)
    started = time.monotonic()
    encoded, found = datasets(args.seed)
    table_np, counts = phone_vector_table([encoded["train"]])
    table = torch.from_numpy(table_np).float()
    log(f"phone-vector table from {int(counts.sum())} aligned outputs; fewest: "
        f"{sorted(zip(counts[1:].tolist(), range(1, 40)))[:3]}")
    neighbours = pair_data.NeighbourIndex()
    rng = np.random.default_rng(args.seed + 10)
    train_pairs = pair_data.pairs(encoded["train"], found["train"], rng, TRAIN_KINDS, neighbours)
    val_pairs = pair_data.pairs(encoded["val"], found["val"], rng, TRAIN_KINDS, neighbours)
    bench_kinds = ("positive", "easy", "libriphrase", "neighbour")
    test_sets = {name: PairBatches(encoded[name], found[name],
                                   pair_data.pairs(encoded[name], found[name], np.random.default_rng(args.seed + 20),
                                                   bench_kinds, neighbours))
                 for name in ("test", "test_clean")}
    train_all = PairBatches(encoded["train"], found["train"], train_pairs)
    val = PairBatches(encoded["val"], found["val"], val_pairs)
    log(f"pairs: train {len(train_pairs)}, val {len(val_pairs)}, test {len(test_sets['test'])}")

    variants = {} if args.ablation_only else {"dsp": (VerifierConfig(), "dsp", train_all)}
    if args.ablation or args.ablation_only:
        easy_only = PairBatches(encoded["train"], found["train"], [p for p in train_pairs if p.kind in EASY_ONLY_KINDS])
        variants.update({"uniform_partition": (VerifierConfig(), "uniform", train_all),
                         "no_confusable_training": (VerifierConfig(), "dsp", easy_only),
                         "learned_text_embedding": (VerifierConfig(learned_text=True), "dsp", train_all)})
    results, shipped = {}, None
    for name, (config, partition, train_set) in variants.items():
        model, seconds = train_variant(name, table, train_set, val, config, partition, args.epochs, args.seed,
                                       args.pairs_per_epoch)
        val_scores = scores(model, table, val, partition)
        val_kinds = np.asarray([p.kind for p in val.pairs])
        threshold = threshold_at_frr(val_scores[val_kinds == "positive"], VAL_FRR)
        results[name] = {"training_seconds": round(seconds, 1), "validation": figures(val, val_scores),
                         "threshold": round(threshold, 4),
                         **{name_: figures(batches, scores(model, table, batches, partition))
                            for name_, batches in test_sets.items()}}
        log(f"{name}: {json.dumps({k: results[name][k] for k in ('test', 'test_clean')})}")
        if name == "dsp":
            shipped = (model, threshold)
    if args.ablation_only:
        args.ablation_only.write_text(json.dumps({"recipe": "python3 -m wakestream_training.kws.train --ablation-only "
                                                  f"{args.ablation_only.name} --epochs {args.epochs} --pairs-per-epoch "
                                                  f"{args.pairs_per_epoch} --seed {args.seed}", **results}, indent=1) + "\n")
        return
    from .export import publish
    publish(args, shipped, table_np, counts, results, encoded, found, time.monotonic() - started)
    log(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
