"""Reading a built corpus: what the trainers use.

    corpus = Corpus("training/data/wakeword-hey-jarvis")
    for entry in corpus.entries("train", kinds={"positive", "confusable"}):
        samples = corpus.audio(entry)          # float32, 16 kHz
        entry["label"], entry["keyword"]       # 1/0, {"start", "end"} seconds for positives

Manifest line fields:
    id, audio (path relative to the corpus), split, kind (positive | confusable | partial | request |
    general | wake_request | long_negative | music | mention), form (positives: alone | request | filler | pause |
    inner_pause; requests: their category, e.g. timer, weather; mentions: mention | quoted | named),
    label (1 = contains the wake phrase said to the device; mentions say it to no device and are 0), text,
    voices ([voice id]), prosody ({rate, pitch, pitch_shift_semitones}), duration (s),
    speech_start / speech_end (s: where the rendered speech lies in the clip),
    words / phonemes ([[label, start, end]] in the clip's time, after augmentation),
    keyword ({start, end} for label 1 and for mentions, null if the engine's words did not show the phrase),
    augment (policy, seed and every choice made: tempo, pitch_semitones, room, noise, band, gain_db),
    music (music clips, which have no speech, voices [] and text ""): {track, start, seconds, licence},
    phrase (`phrases` corpora: the run-time phrase the positive says; its keyword is that phrase's span).
"""
import json
import pathlib

from .. import audio

KINDS = ("positive", "confusable", "partial", "request", "general", "wake_request", "long_negative", "music",
         "mention")


class Corpus:
    def __init__(self, directory):
        self.directory = pathlib.Path(directory)
        if not (self.directory / "corpus.json").exists():
            raise FileNotFoundError(f"{self.directory} is not a finished corpus (no corpus.json)")
        self.info = json.loads((self.directory / "corpus.json").read_text())

    def entries(self, split, kinds=None):
        """Manifest entries of a split (train | val | test), optionally only some kinds."""
        with open(self.directory / f"{split}.jsonl") as lines:
            rows = [json.loads(line) for line in lines]
        return [row for row in rows if kinds is None or row["kind"] in kinds]

    def path(self, entry):
        return self.directory / entry["audio"]

    def audio(self, entry):
        return audio.read_wav(self.path(entry))

    def split_voices(self):
        return json.loads((self.directory / "splits.json").read_text())["voices"]
