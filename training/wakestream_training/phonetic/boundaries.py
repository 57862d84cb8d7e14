"""Forced-alignment boundary error against the TTS engines' own phone timings.

The test split's recorded voices whose engines time CMUdict-style phones (flite and festival; espeak-ng
times its own phoneme set, which has no one-to-one ARPAbet mapping) say wake phrases and requests. Each
clip runs through an encoder as a whole-file stream (golden.whole_file_run), is force-aligned
(align.force_align) to the engine's own phone sequence (pauses dropped, flite's reduced vowels `ax`
and `axr` as AH and ER), and each phone's aligned onset (its first 20 ms output, at output u's start,
20u ms) is compared with the engine's onset. CTC posteriors are peaky, so the onset a phone's first
winning output marks is the boundary the alignment can give; ends are not scored.

    python3 -m wakestream_training.phonetic.boundaries --model-dir ../models/phonetic-encoder/1.0.0 [--clips 40]

prints one JSON object: clips, phones, median / mean / 90th-percentile onset error in ms, per voice.
"""
import argparse
import json
import pathlib
import random

import numpy as np
import torch

from .. import splits
from ..text import requests
from ..tts import Synthesizer, available_voices
from . import align, golden, phones

ENGINES = ("flite", "festival")
REDUCED = {"ax": "AH", "axr": "ER"}
PAUSE = "pau"
WAKE_PHRASES = ("hey jarvis", "hey jarvis, what's the weather like tomorrow", "hey jarvis, set a timer for ten minutes")


def reference_phones(timings):
    """[(phone index, start s)] of an engine's timed phones, pauses dropped; None if a label is not ARPAbet."""
    reference = []
    for timing in timings:
        if timing.label == PAUSE:
            continue
        try:
            reference.append((phones.index(REDUCED.get(timing.label, timing.label).upper()), timing.start))
        except KeyError:
            return None
    return reference


def onset_errors_ms(alignment, reference, frame_ms=20):
    """|aligned onset - engine onset| in ms for each phone of an alignment of `reference`'s phones."""
    return np.array([abs(segment.start * frame_ms - start * 1000.0)
                     for segment, (_, start) in zip(alignment.segments, reference)])


def clip_errors(model, samples, timings, frame_ms=20):
    """Onset errors of one clip, or None when its phones cannot be scored (non-ARPAbet label, too few outputs)."""
    reference = reference_phones(timings)
    if not reference:
        return None
    _, log_probs, _ = golden.whole_file_run(model, samples)
    try:
        alignment = align.force_align(log_probs, [phone for phone, _ in reference])
    except ValueError:
        return None
    return onset_errors_ms(alignment, reference, frame_ms)


def summary(errors):
    errors = np.concatenate(errors) if errors else np.zeros(0)
    if not errors.size:
        return {"phones": 0}
    return {"phones": int(errors.size), "median_ms": float(np.median(errors)), "mean_ms": float(np.mean(errors)),
            "p90_ms": float(np.percentile(errors, 90))}


def held_out_voices(split="test"):
    """The split's flite and festival voices on this machine."""
    return [v for v in splits.split_voices(available_voices())[split] if v.engine in ENGINES]


def phrases(count, seed=8):
    """The wake phrases, then requests drawn with a fixed seed: `count` texts in all."""
    drawn = random.Random(seed).sample(requests.request_texts(), max(0, count - len(WAKE_PHRASES)))
    return list(WAKE_PHRASES[:count]) + drawn


def evaluate(model, voices, texts, frame_ms=20):
    synthesizer = Synthesizer()
    per_voice, skipped = {}, 0
    for voice in voices:
        errors = []
        for text in texts:
            rendering = synthesizer.render(voice, text)
            clip = clip_errors(model, rendering.samples, rendering.phonemes or [], frame_ms)
            if clip is None:
                skipped += 1
            else:
                errors.append(clip)
        per_voice[voice.id] = errors
    return {"clips": sum(len(e) for e in per_voice.values()), "skipped_clips": skipped,
            **summary([e for errors in per_voice.values() for e in errors]),
            "voices": {voice: summary(errors) for voice, errors in per_voice.items()}}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", type=pathlib.Path, required=True, help="an exported encoder (model.onnx + manifest.json)")
    parser.add_argument("--clips", type=int, default=40, help="texts per voice (default: %(default)s)")
    parser.add_argument("--split", default="test", choices=splits.SPLITS, help="voices of this split (default: %(default)s)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    model, manifest = golden.encoder_from_onnx(args.model_dir)
    result = evaluate(model, held_out_voices(args.split), phrases(args.clips),
                      manifest["frontend"]["parameters"]["output_frame_ms"])
    print(json.dumps({"model": f"{manifest['name']}/{manifest['version']}", "split": args.split, **result}, indent=1))


if __name__ == "__main__":
    main()
