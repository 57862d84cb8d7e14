"""What a worker process does: render a batch of planned clips, assemble, augment, write them."""
import collections
import functools
import os
import pathlib

import numpy as np

from .. import audio
from ..augment import POLICIES, augment
from ..tts import Prosody, Synthesizer, Timing, Voice
from .keyword import keyword_span
from .noise_bank import load_noise_sources


def voices_of(item):
    """The voice ids an item speaks with, in order of first use."""
    return list(dict.fromkeys(part[0] for part in item["speech"] if not isinstance(part, float)))


@functools.lru_cache(maxsize=1)
def _synthesizer():
    """One per worker process: espeak-ng's library keeps state."""
    return Synthesizer()


def render_job(directory, items, phrase):
    """Render, assemble, augment and write a batch of clips; returns their manifest entries.
    `phrase` is the wake phrase that positives (label 1) are searched for in their word timings."""
    synthesizer = _synthesizer()
    requests = collections.defaultdict(list)
    for i, item in enumerate(items):
        for j, part in enumerate(item["speech"]):
            if not isinstance(part, float):
                requests[part[0]].append(((i, j), part[2], Prosody(**_prosody_args(part[1]))))
    rendered = collections.defaultdict(dict)  # item index -> part index -> Rendering
    for voice_id, wanted in requests.items():
        outputs = synthesizer.render_many(Voice.parse(voice_id), [(text, p) for _, text, p in wanted])
        for ((i, j), _, _), out in zip(wanted, outputs):
            rendered[i][j] = out
    return [_finish(directory, item, rendered[i], phrase) for i, item in enumerate(items)]


def _prosody_args(saved):
    return {"rate": saved["rate"], "pitch": saved["pitch"] if saved["pitch"] is not None else 50,
            "pitch_shift": saved["pitch_shift_semitones"]}


def _finish(directory, item, renderings, phrase):
    """Join an item's rendered parts and pauses, augment, write the WAV; return its manifest entry."""
    pieces, active, words, phonemes, cursor = [], [], [], [], 0.0
    for j, part in enumerate(item["speech"]):
        if isinstance(part, float):
            n = int(part * 16000)
            pieces.append(np.zeros(n, np.float32))
            active.append(np.zeros(n, bool))
            cursor += n / 16000
            continue
        r = renderings[j]
        pieces.append(r.samples)
        active.append(np.ones(r.samples.size, bool))
        words += [t.shifted(cursor) for t in (r.words or [])]
        phonemes += [t.shifted(cursor) for t in (r.phonemes or [])]
        cursor += r.samples.size / 16000
    speech = np.concatenate(pieces)
    rng = np.random.default_rng(item["seed"])
    result = augment(speech, rng, POLICIES[item["policy"]], load_noise_sources(directory, item["split"]),
                     active=np.concatenate(active))
    relative = pathlib.Path("audio") / item["split"] / item["kind"] / f"{item['id']}.wav"
    path = pathlib.Path(directory) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    audio.write_wav(temporary, result.samples)
    os.replace(temporary, path)
    word_times = [Timing(w.label, result.map_time(w.start), result.map_time(w.end)) for w in words]
    entry = {
        "id": item["id"], "audio": str(relative), "split": item["split"], "kind": item["kind"],
        "form": item["form"], "label": item["label"],
        "text": " ".join(p[2] for p in item["speech"] if not isinstance(p, float)),
        "voices": voices_of(item), "prosody": item["speech"][0][1] if item["kind"] != "long_negative" else None,
        "duration": round(result.samples.size / 16000, 4),
        "speech_start": result.map_time(0.0), "speech_end": result.map_time(speech.size / 16000),
        "words": [t.to_json() for t in word_times],
        "phonemes": [[p.label, result.map_time(p.start), result.map_time(p.end)] for p in phonemes],
        "augment": {"policy": item["policy"], "seed": item["seed"], **result.params},
    }
    if item["label"] == 1:
        entry["keyword"] = keyword_span(word_times, phrase)
    return entry
