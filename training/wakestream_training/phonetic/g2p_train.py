"""Trains the G2P on CMUdict and writes a model directory the Java G2p and Lexicon load.

    cd training && /usr/bin/python3 -m wakestream_training.phonetic.g2p_train --out ../models/g2p/1.0.0

Writes `model.onnx`, `lexicon.txt` (all of CMUdict that the normaliser can produce, stress removed),
`manifest.json` (phone set, figures on held-out words, the command) and the golden fixture the Java
tests compare their G2P output with. Held out by a hash of the word: 5 % test (the figures), 2 %
validation (picks the epoch). Runs on the GPU when torch sees one.
"""
import argparse
import collections
import copy
import json
import pathlib
import random
import shlex
import sys
import time

import torch
from tqdm import tqdm

from ..provenance import git_commit
from . import g2p_eval, g2p_model, lexicon, phones

GOLDEN = phones.REPO / "common/src/test/resources/phonetic/g2p-golden.tsv"
# Words no dictionary has, so the fixture also pins what G2P makes of new words.
INVENTED = ["zorblat", "wakestream", "quimbly", "schnorpf", "tchaikovskyish"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, required=True, help="model directory, e.g. ../models/g2p/1.0.0")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--embedding", type=int, default=g2p_model.G2pConfig.embedding)
    parser.add_argument("--hidden", type=int, default=g2p_model.G2pConfig.hidden)
    parser.add_argument("--layers", type=int, default=g2p_model.G2pConfig.layers)
    parser.add_argument("--upsample", type=int, default=g2p_model.G2pConfig.upsample)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=3e-3, help="peak learning rate of the one-cycle schedule")
    parser.add_argument("--threads", type=int, default=1,
                        help="CPU threads: one, because two threads on two shared cores ran five times slower here")
    parser.add_argument("--limit", type=int, help="train on this many examples only (a quick check)")
    parser.add_argument("--golden", type=pathlib.Path, default=GOLDEN,
                        help="where to write the Java tests' fixture (default: %(default)s)")
    parser.add_argument("--golden-words", type=int, default=60, help="held-out words in the fixture")
    return parser.parse_args(argv)


def feasible(word, pronunciation, upsample):
    """Whether CTC can emit `pronunciation` from the word's frames (repeated phones need a blank between)."""
    repeats = sum(a == b for a, b in zip(pronunciation, pronunciation[1:]))
    return len(pronunciation) + repeats <= upsample * len(word)


def batches(examples, batch_size, rng):
    """Batches of equal-length words (so no padding), in a fresh random order each call."""
    by_length = collections.defaultdict(list)
    for example in examples:
        by_length[len(example[0])].append(example)
    result = []
    for group in by_length.values():
        rng.shuffle(group)
        result += [group[i:i + batch_size] for i in range(0, len(group), batch_size)]
    rng.shuffle(result)
    return result


def ctc_batch(batch, device):
    letters = torch.tensor([g2p_model.encode(word) for word, _ in batch], dtype=torch.long, device=device)
    lengths = torch.tensor([len(p) for _, p in batch], dtype=torch.long)
    targets = torch.zeros(len(batch), int(lengths.max()), dtype=torch.long)
    for i, (_, pronunciation) in enumerate(batch):
        targets[i, :len(pronunciation)] = torch.tensor(phones.indices(pronunciation))
    return letters, targets.to(device), lengths.to(device)


def train(model, examples, validation, references, args, device):
    """Trains in place; keeps the weights of the epoch with the lowest validation PER. Returns the history."""
    rng = random.Random(args.seed)
    steps_per_epoch = len(batches(examples, args.batch_size, random.Random(0)))
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=args.epochs * steps_per_epoch,
                                                   pct_start=0.1)
    ctc = torch.nn.CTCLoss(blank=phones.BLANK, zero_infinity=True)
    history, best = [], None
    with tqdm(total=args.epochs * steps_per_epoch, unit="batch", desc="g2p", file=sys.stderr) as progress:
        for epoch in range(1, args.epochs + 1):
            model.train()
            total = 0.0
            for batch in batches(examples, args.batch_size, rng):
                letters, targets, target_lengths = ctc_batch(batch, device)
                log_probs = model(letters)
                input_lengths = torch.full((len(batch),), log_probs.shape[1], dtype=torch.long, device=device)
                loss = ctc(log_probs.transpose(0, 1), targets, input_lengths, target_lengths)
                optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                schedule.step()
                total += float(loss)
                progress.update()
                progress.set_postfix(epoch=epoch, loss=f"{float(loss):.3f}")
            rates = g2p_eval.error_rates(g2p_eval.predict(model, validation), references)
            history.append({"epoch": epoch, "loss": round(total / steps_per_epoch, 4),
                            "val_per": round(rates["per"], 4), "val_wer": round(rates["wer"], 4)})
            progress.write(json.dumps(history[-1]))
            if best is None or rates["per"] < best[0]:
                best = (rates["per"], copy.deepcopy(model.state_dict()))
    model.load_state_dict(best[1])
    return history


def write_golden(path, model, words):
    """word, phones and best-path log-probability, as the Java tests read them back."""
    lines = ["# word\tphones (greedy, Python)\tbest-path log-probability; written by wakestream_training.phonetic.g2p_train"]
    for word, (pronunciation, score) in zip(words, g2p_model.pronounce(model, words)):
        lines.append(f"{word}\t{' '.join(pronunciation)}\t{score:.6f}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    config = g2p_model.G2pConfig(embedding=args.embedding, hidden=args.hidden, layers=args.layers,
                                 upsample=args.upsample)

    references = lexicon.entries()
    words = {split: sorted(w for w in references if lexicon.split(w) == split) for split in ("train", "val", "test")}
    examples = [(w, p) for w in words["train"] for p in references[w]]
    usable = [e for e in examples if feasible(*e, config.upsample)]
    random.Random(args.seed).shuffle(usable)
    usable = usable[:args.limit]

    model = g2p_model.G2pNet(config).to(device)
    history = train(model, usable, words["val"], references, args, device)
    model.cpu()
    training_seconds = time.time() - started
    test = g2p_eval.error_rates(g2p_eval.predict(model, words["test"]), references)
    print(json.dumps({"held_out": test, "training_seconds": round(training_seconds, 1)}))

    args.out.mkdir(parents=True, exist_ok=True)
    inputs, outputs = g2p_model.export_onnx(model, args.out / "model.onnx")
    lexicon.write(args.out / "lexicon.txt", references)
    golden_words = words["test"][::max(1, len(words["test"]) // args.golden_words)][:args.golden_words] + INVENTED
    write_golden(args.golden, model, golden_words)

    command = "cd training && /usr/bin/python3 -m wakestream_training.phonetic.g2p_train " + shlex.join(
        argv if argv is not None else sys.argv[1:])
    manifest = {
        "name": args.out.parent.name,
        "version": args.out.name,
        "task": "g2p",
        "description": "Grapheme to phoneme for words CMUdict lacks: BiLSTM over letters, CTC over "
                       f"{config.upsample} frames per letter, greedy decoding; lexicon.txt is CMUdict",
        "files": {
            "model": {"path": "model.onnx", "sha256": sha256(args.out / "model.onnx"),
                      "inputs": inputs, "outputs": outputs},
            "lexicon": {"path": "lexicon.txt", "sha256": sha256(args.out / "lexicon.txt")},
        },
        "phones": phones.PHONES,
        "architecture": {"graphemes": g2p_model.GRAPHEMES, "grapheme_ids": "1 + position in graphemes",
                         "embedding": config.embedding, "hidden": config.hidden, "layers": config.layers,
                         "upsample": config.upsample, "decoding": "greedy CTC"},
        "training": {
            "recipe": f"{command} (commit {git_commit()})",
            "data": [f"CMUdict (pocketsphinx-en-us cmudict-en-us.dict, stress removed): {len(references)} words "
                     f"that normalise to themselves, {sum(map(len, references.values()))} pronunciations",
                     f"train: {len(words['train'])} words, {len(usable)} pronunciations "
                     f"({len(examples) - len(usable) if args.limit is None else 'n/a'} left out: more phones "
                     "than CTC frames, abbreviations such as 'w')",
                     f"validation (picks the epoch): {len(words['val'])} words; held out (figures): "
                     f"{len(words['test'])} words; salted SHA-256 of the word, {lexicon.TEST_PERCENT} % test, "
                     f"{lexicon.VAL_PERCENT} % validation"],
            "notes": f"{args.epochs} epochs, batch {args.batch_size}, Adam one-cycle to {args.lr}, CTC; "
                     f"best epoch by validation PER: {min(history, key=lambda h: h['val_per'])['epoch']}; "
                     f"{training_seconds:.0f} s on {device.type} ({args.threads} threads)",
        },
        "evaluation": {
            "held_out_per": round(test["per"], 5),
            "held_out_wer": round(test["wer"], 5),
            "held_out_words": test["words"],
            "held_out_phones": test["phones"],
            "scoring": "each word against the closest of its CMUdict pronunciations",
            "parameters": sum(p.numel() for p in model.parameters()),
            "training_seconds": round(training_seconds, 1),
            "epochs": history,
        },
        "source": {"origin": f"training run: {command} (commit {git_commit()})", "upstream": "wakestream",
                   "license": "BSD-2-Clause (lexicon.txt and the training data are CMUdict, Copyright 1995-2014 "
                              "Carnegie Mellon University; notice in lexicon.txt)"},
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
