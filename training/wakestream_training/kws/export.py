"""Publish the keyword verifier: model.onnx, phone-vectors.json, manifest.json, evaluation.json and
samples/ (WAVs with the phrase, phones and the Python pipeline's score, which pin the Java twin)."""
import json
import pathlib
import shutil

import numpy as np
import torch

from .. import audio
from ..corpus import Corpus
from ..phonetic import phones as phone_set
from ..phonetic.encoder_train import CORPORA as PHONETIC_CORPORA
from ..phonetic.golden import encoder_from_onnx
from ..phonetic.lexicon import preferred_first
from ..provenance import git_commit, sha256
from ..text import cmudict
from . import pairs as pair_data
from . import search
from .verifier import MIN_WEIGHT

NAME = "kws-verifier"
ENCODER_ID = "phonetic-encoder/1.0.0"
MODELS = pathlib.Path(__file__).resolve().parents[3] / "models"
# (phrase said in the clip, phrases checked against it): the acceptance checks.
SAMPLE_CHECKS = ("hey jarvis", "hey charlie", "hey harvest")


class ProbabilityGraph(torch.nn.Module):
    """The exported graph: the verifier's logit through a sigmoid, as score [1]."""

    def __init__(self, verifier):
        super().__init__()
        self.verifier = verifier

    def forward(self, similarity, pooled, phone_vectors, segment_frames, segment_posteriors):
        return torch.sigmoid(self.verifier(similarity, pooled, phone_vectors, segment_frames,
                                           segment_posteriors)).reshape(1)


def io_specs():
    inputs = [{"name": "similarity", "dtype": "float32", "shape": [1, -1, -1]},
              {"name": "pooled", "dtype": "float32", "shape": [1, -1, 128]},
              {"name": "phone_vectors", "dtype": "float32", "shape": [1, -1, 128]},
              {"name": "segment_frames", "dtype": "float32", "shape": [1, -1]},
              {"name": "segment_posteriors", "dtype": "float32", "shape": [1, -1]}]
    return inputs, [{"name": "score", "dtype": "float32", "shape": [1]}]


def export_onnx(model, path):
    graph = ProbabilityGraph(model).eval()
    example = (torch.randn(1, 60, 8), torch.randn(1, 8, 128), torch.randn(1, 8, 128), torch.full((1, 8), 7.0),
               torch.rand(1, 8))
    torch.onnx.export(graph, example, str(path), input_names=[s["name"] for s in io_specs()[0]],
                      output_names=["score"], opset_version=17,
                      dynamic_axes={"similarity": {1: "outputs", 2: "phones"}, "pooled": {1: "phones"},
                                    "phone_vectors": {1: "phones"}, "segment_frames": {1: "phones"},
                                    "segment_posteriors": {1: "phones"}})


def lexicon_phones(phrase, dictionary):
    """Phone indices of a phrase as the Java Pronouncer says it (preferred CMUdict pronunciation first)."""
    return [phone_set.index(p) for word in phrase.split() for p in preferred_first(word, dictionary[word])[0]]


def write_samples(out, model, table, count=3):
    """Held-out (test voices) clips of the wake phrase, each checked against SAMPLE_CHECKS, plus general
    clips against their own first words; samples.json has the phones and the score."""
    encoder, _ = encoder_from_onnx(MODELS / ENCODER_ID)
    dictionary = cmudict.load()
    corpus = Corpus(PHONETIC_CORPORA["phonetic-clean"][0])
    entries = corpus.entries("test")
    wake = [e for e in entries if e["kind"] == "positive"][:count]
    general = [e for e in entries if e["kind"] == "general" and len(e["text"].split()) >= 3][:count]
    directory = out / "samples"
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    lines = []
    for entry in wake + general:
        samples = corpus.audio(entry)
        name = f"{entry['id']}.wav"
        audio.write_wav(directory / name, samples)
        phrases = SAMPLE_CHECKS if entry in wake else (" ".join(entry["text"].split()[:2]),)
        for phrase in phrases:
            try:
                phones = lexicon_phones(phrase, dictionary)
            except KeyError:
                continue
            result = search.verify(encoder, model, table, samples, phones)
            lines.append({"file": name, "voice": entry["voices"][0], "text": entry["text"], "phrase": phrase,
                          "phones": phone_set.symbols(phones), "score": result.score, "span": list(result.span or ()),
                          "segments": [{"unit": phone_set.PHONES[p], "start": a, "end": b} for p, a, b in result.segments]})
    (directory / "samples.json").write_text(json.dumps(lines, indent=1) + "\n")
    return lines


def publish(args, shipped, table, counts, results, encoded, found, seconds):
    model, threshold = shipped
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    export_onnx(model, out / "model.onnx")
    runs = pathlib.Path(__file__).resolve().parents[2] / "runs"
    runs.mkdir(exist_ok=True)
    torch.save({"state_dict": model.state_dict(), "table": table}, runs / f"{NAME}-{out.name}.pt")
    (out / "phone-vectors.json").write_text(json.dumps({
        "phones": list(phone_set.PHONES[1:]), "dimension": int(table.shape[1]),
        "vectors": [[float(np.float32(v)) for v in row] for row in table[1:]]}) + "\n")
    (out / "evaluation.json").write_text(json.dumps(results, indent=1) + "\n")
    samples = write_samples(out, model, table)
    inputs, outputs = io_specs()
    shipped_figures = results["dsp"]
    manifest = {
        "name": NAME, "version": out.name, "task": "keyword-verification",
        "description": "Audio-text keyword verifier: phone vectors from the phonetic encoder, DSP alignment, CNN verifier",
        "files": {"model": {"path": "model.onnx", "sha256": sha256(out / "model.onnx"), "inputs": inputs, "outputs": outputs},
                  "phone_vectors": {"path": "phone-vectors.json", "sha256": sha256(out / "phone-vectors.json")}},
        "thresholds": {"verification": threshold},
        "phones": list(phone_set.PHONES),
        "architecture": {"encoder": ENCODER_ID, "embedding": int(table.shape[1]), "partition": "dsp",
                         "speech_weight": "1 - P(blank)", "min_segment_weight": MIN_WEIGHT,
                         "span_min_frames": pair_data.SPAN_MIN, "span_frames_per_phone": pair_data.SPAN_PER_PHONE,
                         "span_margin_frames": pair_data.SPAN_MARGIN, "span_hop_frames": pair_data.SPAN_HOP,
                         "output_frame_ms": 20, "parameters": sum(p.numel() for p in model.parameters())},
        "training": {
            "recipe": f"cd training && python3 -m wakestream_training.kws.train --out {args.out} --epochs {args.epochs} "
                      f"--pairs-per-epoch {args.pairs_per_epoch} --seed {args.seed}{' --ablation' if args.ablation else ''} "
                      f"(commit {git_commit()})",
            "data": [f"phone-vector table: forced alignments of {int(counts.sum())} encoder outputs of the train split "
                     f"({len(encoded['train'])} clips of {PHONETIC_CORPORA['phonetic'][0].name} and "
                     f"{PHONETIC_CORPORA['phonetic-seed2'][0].name})",
                     f"pairs: {len(found['train'])} phrase instances (1-{pair_data.MAX_WORDS} words) of the train voices, "
                     f"kinds {', '.join(pair_data.KINDS)}",
                     f"threshold: validation voices, positives' false rejection {0.02:.0%}",
                     "figures: test voices (held-out speakers), noisy_reverb and its clean twin"],
            "data_licences": "espeak-ng, flite and festival voices (the phonetic corpora's voices: commercially usable)",
            "notes": f"end to end {seconds:.0f} s on cpu",
        },
        "evaluation": {
            "test_noisy": shipped_figures["test"], "test_clean": shipped_figures["test_clean"],
            "validation": shipped_figures["validation"],
            "samples": [{k: s[k] for k in ("file", "phrase", "score")} for s in samples],
            "ablation": {k: {"test_noisy": v["test"], "test_clean": v["test_clean"]} for k, v in results.items() if k != "dsp"},
        },
        "source": {"origin": "training run", "upstream": "wakestream"},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
