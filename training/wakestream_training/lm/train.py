"""Trains the request language model and writes the model directory asr-lattice-service decodes with.

    cd training && /usr/bin/python3 -m wakestream_training.lm.train --out ../models/lm-requests/1.0.0

Writes `lm.arpa` (interpolated modified Kneser-Ney, lm.kneser_ney, as an ARPA back-off model),
`lexicon.txt` (the decoding lexicon: every pronunciation of every vocabulary word, from the G2P model's
CMUdict lexicon), `manifest.json` (recipe, data, n-gram counts, perplexities, sha256s) and
`samples/sentence-scores.json` (sentences with their total log10 probability under the written file: the
Java reader must give the same). Takes a few seconds.
"""
import argparse
import json
import pathlib
import shlex
import sys
import time

from ..phonetic import lexicon as g2p_lexicon
from ..provenance import git_commit, sha256
from . import arpa, corpus
from .kneser_ney import BOS, EOS, UNK, KneserNey, backoff_weights

DEFAULT_MAX_BYTES = 5_000_000
FIXTURE = "samples/sentence-scores.json"
FIXTURE_EXTRA = ["hey jarvis", "hey jarvis play coldplay in the kitchen", "um hey jarvis what's the weather like in oslo",
                 "turn the volume up", "zorblat the quimbly", "the the the the"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, required=True, help="model directory, e.g. ../models/lm-requests/1.0.0")
    parser.add_argument("--order", type=int, default=3)
    parser.add_argument("--phrase", default=corpus.DEFAULT_PHRASE, help="the wake phrase of the wake forms")
    parser.add_argument("--lexicon", type=pathlib.Path, default=corpus.DEFAULT_LEXICON,
                        help="pronunciations that define the vocabulary (default: %(default)s)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help="prune highest-order singletons when the ARPA file is larger (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="draws the wake forms' fillers and requests")
    return parser.parse_args(argv)


def build(train_sentences, order, prune):
    model = KneserNey(train_sentences, order=order)
    listed = model.listed(prune_singletons=prune)
    return model, listed, backoff_weights(listed)


def fixture_sentences(held_out, count=6):
    chosen = []
    for source in ("requests", "general", "wake"):
        sentences = held_out[source]
        step = max(1, len(sentences) // count)
        chosen += [" ".join(words) for words in sentences[::step][:count]]
    return chosen + FIXTURE_EXTRA


def write_decoding_lexicon(path, words, lexicon):
    header = (";;; Decoding lexicon of a Wakestream language model: every pronunciation of each vocabulary word\n"
              ";;; (the words of lm.arpa but <s>, </s> and <unk>), from the G2P model's lexicon.txt in its order.\n"
              ";;; Format: one pronunciation a line, \"word PHONE PHONE ...\".\n;;;\n")
    notice = g2p_lexicon.LICENSE_HEADER[g2p_lexicon.LICENSE_HEADER.index(";;; Copyright"):]
    lines = [f"{word} {' '.join(phones)}" for word in words for phones in lexicon[word]]
    pathlib.Path(path).write_text(header + notice + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main(argv=None):
    args = parse_args(argv)
    started = time.time()
    lexicon = corpus.read_lexicon(args.lexicon)
    raw = corpus.texts(args.phrase, args.seed)
    data = {split: {source: corpus.normalised(texts) for source, texts in sources.items()}
            for split, sources in raw.items()}
    train_sentences = [s for source in ("general", "requests", "wake") for s in data["train"][source]]
    words, left_out = corpus.vocabulary(train_sentences, lexicon)
    known = set(words)
    mapped = corpus.map_unknown(train_sentences, known, UNK)

    args.out.mkdir(parents=True, exist_ok=True)
    lm_path = args.out / "lm.arpa"
    model, listed, bows = build(mapped, args.order, prune=False)
    unpruned = {"bytes": arpa.write(lm_path, listed, bows), "ngrams": {k + 1: len(t) for k, t in enumerate(listed)}}
    pruned = False
    if unpruned["bytes"] > args.max_bytes and args.order > 1:
        full = arpa.ArpaModel.read(lm_path)
        unpruned["perplexity_test"] = {source: arpa.perplexity(full, data["test"][source])
                                       for source in ("general", "requests", "wake")}
        del full
        model, listed, bows = build(mapped, args.order, prune=True)
        arpa.write(lm_path, listed, bows)
        pruned = True
    written = arpa.ArpaModel.read(lm_path)
    size = lm_path.stat().st_size

    evaluation = {}
    for split in ("test", "val"):
        evaluation[split] = {source: arpa.perplexity(written, data[split][source]) for source in ("general", "requests", "wake")}
    evaluation["train"] = {source: arpa.perplexity(written, data["train"][source]) for source in ("general", "requests", "wake")}

    decoding_words = [w for w in written.vocabulary if w not in (BOS, EOS, UNK)]
    pronunciations = write_decoding_lexicon(args.out / "lexicon.txt", decoding_words, lexicon)

    fixture = [{"sentence": s, "log10_prob": round(written.sentence_log10(s.split()), 7)}
               for s in fixture_sentences({k: v for k, v in data["test"].items()})]
    (args.out / FIXTURE).parent.mkdir(parents=True, exist_ok=True)
    (args.out / FIXTURE).write_text(json.dumps({
        "description": "total log10 probability (</s> included, OOV words scored as <unk>) of each sentence under "
                       "lm.arpa, computed by wakestream_training.lm.arpa.ArpaModel from the written file",
        "sentences": fixture}, indent=1) + "\n", encoding="utf-8")

    seconds = time.time() - started
    command = "cd training && /usr/bin/python3 -m wakestream_training.lm.train " + shlex.join(
        argv if argv is not None else sys.argv[1:])
    counts = {source: {split: len(data[split][source]) for split in corpus.SPLITS} for source in ("general", "requests", "wake")}
    tokens = sum(len(s) for s in train_sentences)
    manifest = {
        "name": args.out.parent.name,
        "version": args.out.name,
        "task": "language-model",
        "description": f"Word {args.order}-gram language model of assistant requests, wake-phrase forms and general "
                       "English; interpolated modified Kneser-Ney, ARPA back-off format",
        "files": {
            "lm": {"path": "lm.arpa", "sha256": sha256(lm_path), "format": "arpa"},
            "lexicon": {"path": "lexicon.txt", "sha256": sha256(args.out / "lexicon.txt")},
        },
        "architecture": {
            "order": args.order,
            "smoothing": "interpolated modified Kneser-Ney (Chen & Goodman 1998): three discounts per order from "
                         "counts of counts, continuation counts below the highest order (raw counts for n-grams "
                         "starting with <s>), uniform distribution under the unigrams",
            "discounts": {str(k + 1): [round(d, 4) for d in ds] for k, ds in enumerate(model.discounts)},
            "ngrams": {str(k): n for k, n in written.counts().items()},
            "vocabulary": len(written.vocabulary),
            "sentence_boundaries": "<s> ... </s>; <s> has log10 probability -99 (never predicted)",
            "unknown_word": "<unk>: training words without a pronunciation are mapped to it",
            "pruning": ("highest-order n-grams seen once are dropped (the unpruned file had "
                        f"{unpruned['bytes']} bytes, over --max-bytes {args.max_bytes}); back-off weights "
                        "recomputed so every distribution sums to one") if pruned else "none",
            "bytes": size,
            "decoding_lexicon": {"words": len(decoding_words), "pronunciations": pronunciations},
            "normalisation": "wakestream_training.phonetic.normalize (= io.wakestream.common.phonetic.TextNormalizer)",
            "log_base": "log10 in the file; asr-lattice-service turns them into natural-log costs",
        },
        "training": {
            "recipe": f"{command} (commit {git_commit()})",
            "data": [
                f"train split (general.text_split: 80 % train, 10 % val, 10 % test by a salted hash of the text): "
                f"{len(train_sentences)} sentences, {tokens} words",
                f"general English: the toolkit's general text pool (fortune sentences), {counts['general']}",
                f"requests: every text of the toolkit's request templates, {counts['requests']}",
                f"wake forms ('{args.phrase}' alone, before each request of the split, after a filler): {counts['wake']}",
                f"vocabulary: the {len(words)} training words the lexicon ({args.lexicon.name}, CMUdict) pronounces, "
                f"plus <unk> and </s>; {len(left_out)} word types ({sum(left_out.values())} tokens) have no lexicon "
                "pronunciation and were mapped to <unk> (no Python G2P here: the G2P model is ONNX-only and the "
                "toolkit has no ONNX runtime)",
            ],
            "notes": f"{seconds:.1f} s; words left out most often: "
                     + ", ".join(f"{w} ({c})" for w, c in left_out.most_common(15)),
        },
        "evaluation": {
            "perplexity": evaluation,
            "scoring": "with_oov: every word and </s>, OOV words predicted as <unk>; without_oov: OOV tokens' "
                       "own predictions left out. test/val: held-out texts by general.text_split",
            "unpruned": unpruned,
        },
        "source": {"origin": f"training run: {command} (commit {git_commit()})", "upstream": "wakestream",
                   "license": "lm.arpa: n-gram statistics computed by this project from the toolkit's request templates "
                              "and the fortune databases of Debian's fortunes and fortunes-min (fortune-mod, BSD; "
                              "the collections' notes in /usr/share/doc/fortunes/copyright); lexicon.txt: CMUdict, "
                              "BSD-2-Clause (notice in the file)"},
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"bytes": size, "ngrams": manifest["architecture"]["ngrams"], "pruned": pruned,
                      "perplexity_test": evaluation["test"], "seconds": round(seconds, 1)}, indent=1))


if __name__ == "__main__":
    main()
