"""Clips for the properties users hit (issue 14, part 7): the inputs of property tests of a wake-word model.

- level: the phrase at peak levels from -45 to 0 dBFS (a detector must not care): the same rendering
  scaled so its loudest sample is at the level;
- rate: the phrase spoken at 0.7x to 1.4x the voice's normal rate, by the engine itself (`engine`) or,
  for any audio, by sox's tempo change, pitch kept (`tempo`);
- partial: parts of the phrase that must be rejected: "jarvis" alone, "jarvis, jarvis, jarvis", "hey hey hey".

    python3 -m wakestream_training.properties --out data/properties [--voice rhvoice:clb ...]

writes WAVs (16 kHz mono 16-bit) and properties.jsonl: one line per clip with `property` (level | rate |
partial), `value` (dBFS, rate factor, or the text), `expect` (detect | reject), voice, text, duration,
and the measured `peak_dbfs` / `rms_dbfs`. The default voices are recorded speakers of the test split,
so a model meets them unheard.
"""
import argparse
import dataclasses
import json
import pathlib

import numpy as np

from . import audio
from .augment import effects
from .splits import voice_split
from .tts import Prosody, Synthesizer, Voice, available_voices

LEVELS_DBFS = (-45.0, -40.0, -35.0, -30.0, -25.0, -20.0, -15.0, -10.0, -5.0, 0.0)
RATES = (0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4)
PARTIAL_PHRASES = ("jarvis", "jarvis, jarvis, jarvis", "hey hey hey")
PREFERRED_VOICES = ("flite:rms", "festival:ked_diphone", "rhvoice:clb", "mbrola:mb-us3", "espeak-ng:en-029")
PAD_SECONDS = 0.5


@dataclasses.dataclass
class PropertyClip:
    property: str   # level | rate | partial
    value: object   # dBFS | rate factor | text
    expect: str     # detect | reject
    voice: str
    text: str
    samples: np.ndarray

    def to_json(self):
        return {"property": self.property, "value": self.value, "expect": self.expect, "voice": self.voice,
                "text": self.text, "duration": round(self.samples.size / 16000.0, 4),
                "peak_dbfs": round(peak_dbfs(self.samples), 2), "rms_dbfs": round(rms_dbfs(self.samples), 2)}


def peak_dbfs(samples):
    peak = float(np.max(np.abs(samples))) if np.size(samples) else 0.0
    return 20 * np.log10(peak) if peak > 0 else float("-inf")


def rms_dbfs(samples):
    value = audio.rms(samples)
    return 20 * np.log10(value) if value > 0 else float("-inf")


def at_peak_level(samples, level_dbfs):
    """The samples scaled so the loudest is at level_dbfs (0 dBFS: full scale, kept just inside int16)."""
    peak = float(np.max(np.abs(samples)))
    target = min(10 ** (level_dbfs / 20.0), 32767 / 32768)
    return (np.asarray(samples, dtype=np.float64) * (target / peak)).astype(np.float32)


def padded(samples, seconds=PAD_SECONDS):
    pad = np.zeros(int(seconds * 16000), np.float32)
    return np.concatenate([pad, np.asarray(samples, np.float32), pad])


def default_voices():
    """The preferred held-out recorded voices that are installed (at least one; all are in the test split)."""
    installed = {v.id for v in available_voices()}
    chosen = [v for v in PREFERRED_VOICES if v in installed]
    return [Voice.parse(v) for v in chosen]


def level_clips(voice, phrase="hey jarvis", levels=LEVELS_DBFS, synthesizer=None):
    synthesizer = synthesizer or Synthesizer()
    speech = padded(synthesizer.render(voice, phrase, Prosody()).samples)
    return [PropertyClip("level", float(level), "detect", voice.id, phrase, at_peak_level(speech, level))
            for level in levels]


def rate_clips(voice, phrase="hey jarvis", rates=RATES, method="engine", synthesizer=None, level_dbfs=-6.0):
    """The phrase at each rate; `engine` asks the TTS engine for the rate, `tempo` changes the tempo of the
    normal-rate rendering (sox, pitch kept). Every clip peaks at level_dbfs."""
    synthesizer = synthesizer or Synthesizer()
    normal = synthesizer.render(voice, phrase, Prosody()).samples
    clips = []
    for rate in rates:
        if method == "engine":
            speech = synthesizer.render(voice, phrase, Prosody(rate=rate)).samples
        elif method == "tempo":
            speech = normal if rate == 1.0 else effects.change_tempo(normal, rate)
        else:
            raise ValueError(f"unknown rate method {method!r}")
        clips.append(PropertyClip("rate", float(rate), "detect", voice.id, phrase,
                                  at_peak_level(padded(speech), level_dbfs)))
    return clips


def partial_clips(voice, texts=PARTIAL_PHRASES, synthesizer=None, level_dbfs=-6.0):
    synthesizer = synthesizer or Synthesizer()
    return [PropertyClip("partial", text, "reject", voice.id, text,
                         at_peak_level(padded(synthesizer.render(voice, text, Prosody()).samples), level_dbfs))
            for text in texts]


def property_clips(voices, phrase="hey jarvis", rate_method="engine"):
    synthesizer = Synthesizer()
    clips = []
    for voice in voices:
        clips += level_clips(voice, phrase, synthesizer=synthesizer)
        clips += rate_clips(voice, phrase, method=rate_method, synthesizer=synthesizer)
        clips += partial_clips(voice, synthesizer=synthesizer)
    return clips


def write_clips(clips, out):
    """WAVs under out/<property>/ and out/properties.jsonl (with each clip's `audio` path)."""
    out = pathlib.Path(out)
    lines = []
    for k, clip in enumerate(clips):
        name = f"{k:03d}-{clip.voice.replace(':', '_').replace('+', '_')}-{clip.property}.wav"
        relative = pathlib.Path(clip.property) / name
        (out / clip.property).mkdir(parents=True, exist_ok=True)
        audio.write_wav(out / relative, clip.samples)
        lines.append({"audio": str(relative), **clip.to_json()})
    (out / "properties.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m wakestream_training.properties", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=pathlib.Path)
    parser.add_argument("--phrase", default="hey jarvis")
    parser.add_argument("--voice", action="append", help="voice id (repeatable; default: held-out recorded voices)")
    parser.add_argument("--rate-method", choices=("engine", "tempo"), default="engine")
    args = parser.parse_args(argv)
    voices = [Voice.parse(v) for v in args.voice] if args.voice else default_voices()
    lines = write_clips(property_clips(voices, args.phrase, args.rate_method), args.out)
    print(json.dumps({"out": str(args.out), "clips": len(lines), "voices": [v.id for v in voices],
                      "splits": {v.id: voice_split(v) for v in voices}}, indent=1))


if __name__ == "__main__":
    main()
