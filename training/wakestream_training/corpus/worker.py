"""What a worker process does: render a batch of planned clips, assemble, augment, write them."""
import collections
import functools
import os
import pathlib
import re

import numpy as np

from .. import audio
from ..augment import POLICIES, augment
from ..augment.music import music_tracks
from ..tts import Prosody, Rendering, Synthesizer, Timing, Voice
from ..tts.timing import speech_extent
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
    `phrase` is the wake phrase that positives (label 1) are searched for in their word timings; an item's own
    `phrase` (phrases corpora) takes its place for that item."""
    synthesizer = _synthesizer()
    requests = collections.defaultdict(list)
    phrase_segment = {}  # (item, part) -> index of the segment that is the phrase
    music = {}  # item index -> samples of a music clip
    for i, item in enumerate(items):
        if item.get("music"):
            music[i] = music_excerpt(item["music"])
        for j, part in enumerate(item["speech"]):
            if isinstance(part, float):
                continue
            segments = [part[2]]
            if item["label"] == 1 and Voice.parse(part[0]).engine in UNTIMED_ENGINES:
                segments, index = split_at_phrase(part[2], item.get("phrase") or phrase)
                if index is not None:
                    phrase_segment[i, j] = index
            for k, text in enumerate(segments):
                requests[part[0]].append(((i, j, k), text, Prosody(**_prosody_args(part[1]))))
    pieces = collections.defaultdict(dict)  # (item, part) -> segment index -> Rendering
    for voice_id, wanted in requests.items():
        outputs = synthesizer.render_many(Voice.parse(voice_id), [(text, p) for _, text, p in wanted])
        for ((i, j, k), _, _), out in zip(wanted, outputs):
            pieces[i, j][k] = out
    rendered = collections.defaultdict(dict)  # item index -> part index -> Rendering
    phrase_spans = collections.defaultdict(dict)  # item index -> part index -> (start, end) of the phrase
    for (i, j), segments in pieces.items():
        rendered[i][j], span = _joined([segments[k] for k in sorted(segments)], phrase_segment.get((i, j)))
        if span is not None:
            phrase_spans[i][j] = span
    return [_finish(directory, item, rendered[i], item.get("phrase") or phrase, phrase_spans[i], music.get(i))
            for i, item in enumerate(items)]


def music_excerpt(spec):
    """The samples of a planned music clip ({"track", "start", "seconds"})."""
    track = next(t for t in music_tracks() if t.name == spec["track"])
    return track.audio(spec["start"], spec["seconds"])


# Engines that give no word timings: a positive's phrase is rendered as an utterance of its own (the
# text before and after it as others, joined), so the keyword's span is where that utterance is audible.
UNTIMED_ENGINES = ("rhvoice", "pico")
# Negatives (label 0) that say the whole phrase: their manifest entries get its span too.
PHRASE_NEGATIVE_KINDS = ("mention",)


def split_at_phrase(text, phrase):
    """([before, phrase, after], index of the phrase) around the first occurrence of the phrase's words
    in text, parts without a letter or digit left out; ([text], None) when the phrase is not there."""
    words = re.findall(r"[a-z']+", phrase.lower())
    match = re.search(r"\b" + r"[\s,.!?;:-]*".join(re.escape(w) for w in words) + r"\b", text,
                      re.IGNORECASE) if words else None
    if match is None:
        return [text], None
    before, after = text[:match.start()].strip(), text[match.end():].strip()
    segments = [before] if re.search(r"[A-Za-z0-9]", before) else []
    index = len(segments)
    segments.append(text[match.start():match.end()] + (after[:1] if after[:1] in ("!", "?", ".") else ""))
    if re.search(r"[A-Za-z0-9]", after):
        segments.append(after.lstrip(",.!?;: "))
    return segments, index


def _joined(renderings, phrase_index):
    """One Rendering of consecutive renderings (timings kept only when there is one), and the
    (start, end) of the audible speech of the one at phrase_index (None without one)."""
    if len(renderings) == 1 and phrase_index is None:
        return renderings[0], None
    span, offset = None, 0.0
    for k, rendering in enumerate(renderings):
        if k == phrase_index:
            extent = speech_extent(rendering.samples)
            if extent is not None:
                span = (offset + extent[0], offset + extent[1])
        offset += rendering.samples.size / 16000.0
    if len(renderings) == 1:
        return renderings[0], span
    return Rendering(np.concatenate([r.samples for r in renderings]), None, None), span


def _prosody_args(saved):
    return {"rate": saved["rate"], "pitch": saved["pitch"] if saved["pitch"] is not None else 50,
            "pitch_shift": saved["pitch_shift_semitones"]}


def _finish(directory, item, renderings, phrase, phrase_spans=None, music=None):
    """Join an item's rendered parts and pauses (or take its music), augment, write the WAV; return its
    manifest entry."""
    pieces, active, words, phonemes, cursor = [], [], [], [], 0.0
    if music is not None:
        pieces, active = [np.asarray(music, np.float32)], [np.ones(np.size(music), bool)]
    untimed_phrase = None  # (start, end) of the phrase rendered on its own by an engine without timings
    untimed_parts = []  # (text, start, end) of the audible speech of each untimed part of a positive
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
        if untimed_phrase is None and phrase_spans and j in phrase_spans:
            untimed_phrase = (cursor + phrase_spans[j][0], cursor + phrase_spans[j][1])
        if r.words is None and item["label"] == 1:
            extent = speech_extent(r.samples)
            if extent is not None:
                untimed_parts.append((part[2], cursor + extent[0], cursor + extent[1]))
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
        "voices": voices_of(item), "prosody": item["speech"][0][1] if item["kind"] != "long_negative" and item["speech"] else None,
        "duration": round(result.samples.size / 16000, 4),
        "speech_start": result.map_time(0.0), "speech_end": result.map_time(speech.size / 16000),
        "words": [t.to_json() for t in word_times],
        "phonemes": [[p.label, result.map_time(p.start), result.map_time(p.end)] for p in phonemes],
        "augment": {"policy": item["policy"], "seed": item["seed"], **result.params},
    }
    if item.get("phrase"):
        entry["phrase"] = item["phrase"]
    if item.get("music"):
        track = next(t for t in music_tracks() if t.name == item["music"]["track"])
        entry["music"] = {**item["music"], "licence": track.licence}
    if item["label"] == 1:
        entry["keyword"] = keyword_span(word_times, phrase)
        words_said = [w for text, _, _ in untimed_parts for w in re.findall(r"[a-z']+", text.lower())]
        if untimed_phrase is None and untimed_parts and words_said == re.findall(r"[a-z']+", phrase.lower()):
            untimed_phrase = (untimed_parts[0][1], untimed_parts[-1][2])  # the phrase split by a pause
        if entry["keyword"] is None and untimed_phrase is not None:
            # RHVoice and Pico give no timings: the phrase, rendered on its own, spans its audible speech
            entry["keyword"] = {"start": result.map_time(untimed_phrase[0]), "end": result.map_time(untimed_phrase[1])}
    elif item["kind"] in PHRASE_NEGATIVE_KINDS:
        # the phrase is said (label 0: not to the device); its span from the word timings, None from RHVoice and
        # Pico, whose mentions are spoken as one utterance so their prosody stays that of a sentence
        entry["keyword"] = keyword_span(word_times, phrase)
    return entry

