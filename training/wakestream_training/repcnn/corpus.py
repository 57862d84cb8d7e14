"""A small synthetic "hey jarvis" corpus with speaker-disjoint train / validation / test voices.

Stand-in until the toolkit's corpus generator lands: espeak-ng voice variants (timbre) with random
accent, rate and pitch per utterance, and flite voices; every voice belongs to exactly one split, so
validation and test voices are never heard in training. Per split it writes one npz of 16 kHz int16
audio: `positive` clips ("hey jarvis"), `confusable` clips (hard negatives that share sounds with the
phrase) and `speech` (plain sentences from the fortune databases, concatenated with pauses: the long
negative audio for false accepts per hour).

python3 -m wakestream_training.repcnn.corpus --out training/data/repcnn-corpus
"""
import argparse
import json
import pathlib
import random
import re
import subprocess
import tempfile

import numpy as np
import scipy.io.wavfile
import scipy.signal

from wakestream_training import frontend

ESPEAK_VARIANTS = pathlib.Path("/usr/lib/x86_64-linux-gnu/espeak-ng-data/voices/!v")
ESPEAK_ACCENTS = ("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-029", "en-gb-x-gbclan",
                  "en-gb-x-gbcwmd", "en-us-nyc")
FLITE_SPLITS = {"train": ("awb", "rms"), "val": ("kal",), "test": ("slt",)}
FORTUNES = pathlib.Path("/usr/share/games/fortunes")

POSITIVE_TEXTS = ("hey jarvis", "hey jarvis.", "hey, jarvis", "hey jarvis!", "hey jarvis?", "hey, jarvis!")
CONFUSABLE_TEXTS = (
    "hey travis", "hey marvin", "hey charles", "hey davis", "hey garvey", "hey harvey", "hey jar",
    "hey jazz", "hey service", "hey harvest", "hey artist", "hey jack", "hey jeremy", "hey chauvis",
    "jarvis", "jarvis please", "hey", "hey there", "hey you", "hey darling", "hey darwin", "a jar is",
    "hay barns", "hey charlie", "hey jealous", "say jarvis", "hey nervous", "pay jarvis", "hey carpets",
    "okay travis", "hey jasmine", "the jar was", "hey carver", "hey jarred", "hey mavis", "hey paris",
)


def split_voices(seed=4):
    """Disjoint espeak-ng variants (timbres) per split, plus fixed flite voices."""
    variants = sorted(p.name for p in ESPEAK_VARIANTS.iterdir() if " " not in p.name)
    random.Random(seed).shuffle(variants)
    espeak = {"test": variants[:15], "val": variants[15:27], "train": variants[27:]}
    return {split: [("espeak-ng", v) for v in espeak[split]] + [("flite", v) for v in FLITE_SPLITS[split]]
            for split in ("train", "val", "test")}


def synthesize(voice, text, rng, workdir):
    """16 kHz float samples of one utterance with a random rate and pitch (espeak) or rate (flite)."""
    engine, name = voice
    path = pathlib.Path(workdir) / "utterance.wav"
    if engine == "espeak-ng":
        accent = rng.choice(ESPEAK_ACCENTS)
        command = ["espeak-ng", "-v", f"{accent}+{name}", "-s", str(rng.randint(120, 210)),
                   "-p", str(rng.randint(25, 75)), "-w", str(path), text]
    else:
        command = ["flite", "-voice", name, "--setf", f"duration_stretch={rng.uniform(0.8, 1.3):.2f}",
                   "-t", text, "-o", str(path)]
    subprocess.run(command, check=True, capture_output=True)
    rate, pcm = scipy.io.wavfile.read(path)
    samples = pcm.astype(np.float64) / 32768.0
    if rate != frontend.SAMPLE_RATE:
        divisor = np.gcd(rate, frontend.SAMPLE_RATE)
        samples = scipy.signal.resample_poly(samples, frontend.SAMPLE_RATE // divisor, rate // divisor)
    return samples


def trim_silence(samples, threshold_db=-40.0, margin=800):
    """Cut leading and trailing silence (10 ms frames below threshold_db of the loudest frame)."""
    frames = samples[: samples.size // 160 * 160].reshape(-1, 160)
    energy = 10 * np.log10(np.mean(frames ** 2, axis=1) + 1e-12)
    loud = np.flatnonzero(energy > energy.max() + threshold_db)
    if loud.size == 0:
        return samples[:0]
    return samples[max(0, loud[0] * 160 - margin): min(samples.size, (loud[-1] + 1) * 160 + margin)]


def fortune_sentences():
    """Plain English sentences from the fortune databases, without the wake word."""
    sentences = []
    for path in sorted(FORTUNES.iterdir()):
        if path.suffix or not path.is_file():
            continue
        for entry in path.read_text(encoding="utf-8", errors="ignore").split("\n%\n"):
            text = re.sub(r"\s+", " ", re.sub(r"[^A-Za-z0-9,.!?' ]", " ", entry)).strip()
            if 4 <= len(text.split()) <= 40 and "jarvis" not in text.lower():
                sentences.append(text)
    return sentences


def to_int16(samples):
    return np.clip(np.round(samples * 32767), -32768, 32767).astype(np.int16)


def clips(voices, texts, count, rng, workdir):
    """count trimmed clips, each a random text in a random voice; concatenated int16 plus offsets."""
    audio, offsets = [], [0]
    while len(audio) < count:
        clip = trim_silence(synthesize(rng.choice(voices), rng.choice(texts), rng, workdir))
        if clip.size:
            audio.append(to_int16(clip / max(1e-3, np.abs(clip).max()) * 0.7))
            offsets.append(offsets[-1] + clip.size)
    return np.concatenate(audio), np.array(offsets)


def speech_stream(voices, sentences, seconds, rng, workdir):
    """Sentences in random voices, separated by 0.1-1.0 s pauses, until `seconds` of audio."""
    parts, total = [], 0
    while total < seconds * frontend.SAMPLE_RATE:
        clip = trim_silence(synthesize(rng.choice(voices), rng.choice(sentences), rng, workdir))
        pause = np.zeros(int(rng.uniform(0.1, 1.0) * frontend.SAMPLE_RATE))
        parts += [to_int16(clip / max(1e-3, np.abs(clip).max()) * rng.uniform(0.3, 0.8)), to_int16(pause)]
        total += clip.size + pause.size
    return np.concatenate(parts)


SIZES = {  # positives, confusables, seconds of plain speech
    "train": (2400, 2400, 3600),
    "val": (300, 300, 10800),  # hours of negatives, so that a threshold at 0.5 false accepts per hour is measurable
    "test": (400, 400, 7200),
}


def build(out, scale=1.0, seed=20261128, splits=tuple(SIZES)):
    """Synthesise the given splits into out (each split from its own seed, so splits rebuild independently)."""
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    voices = split_voices()
    sentences = fortune_sentences()
    random.Random(seed).shuffle(sentences)
    # Sentences are split too, so no text is shared between training and evaluation speech.
    half, three_quarters = len(sentences) // 2, len(sentences) * 3 // 4
    text_splits = {"train": sentences[:half], "val": sentences[half:three_quarters], "test": sentences[three_quarters:]}
    summary_path = out / "corpus.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {"splits": {}}
    summary.update({"seed": seed, "voices": {s: [f"{e}:{n}" for e, n in v] for s, v in voices.items()}})
    with tempfile.TemporaryDirectory() as workdir:
        for index, (split, (positives, confusables, seconds)) in enumerate(SIZES.items()):
            if split not in splits:
                continue
            rng = random.Random(seed + index)
            positive, positive_offsets = clips(voices[split], POSITIVE_TEXTS, int(positives * scale), rng, workdir)
            confusable, confusable_offsets = clips(voices[split], CONFUSABLE_TEXTS, int(confusables * scale), rng, workdir)
            speech = speech_stream(voices[split], text_splits[split], seconds * scale, rng, workdir)
            np.savez(out / f"{split}.npz", positive=positive, positive_offsets=positive_offsets,
                     confusable=confusable, confusable_offsets=confusable_offsets, speech=speech)
            summary["splits"][split] = {"positives": len(positive_offsets) - 1, "confusables": len(confusable_offsets) - 1,
                                        "speech_seconds": round(speech.size / frontend.SAMPLE_RATE, 1)}
    summary_path.write_text(json.dumps(summary, indent=2))
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the default corpus size")
    parser.add_argument("--splits", nargs="+", default=list(SIZES), choices=list(SIZES), help="splits to (re)build")
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.scale, splits=args.splits)))


if __name__ == "__main__":
    main()
