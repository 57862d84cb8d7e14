"""flite voices through the flite command: audio plus timed phones (-psdur).

flite prints phones but not words, so each word's phones are taken from a second call that says
the words as separate sentences (each one then sits between pauses), and the two are aligned.
"""
import pathlib
import re
import subprocess
import tempfile

from .. import audio
from .timing import Rendering, Timing, align_words, phones_to_timings

_WORD = re.compile(r"[A-Za-z0-9']+")


class FliteEngine:
    def render(self, voice, text, rate=1.0):
        """Speech for `text`; rate is a speed factor (flite's duration_stretch is its inverse)."""
        with tempfile.TemporaryDirectory() as tmp:
            wav = pathlib.Path(tmp) / "out.wav"
            printed = _flite(["-voice", voice.name, "--setf", f"duration_stretch={1.0 / rate:.4f}",
                              "-t", text, "-o", str(wav), "-psdur"])
            samples, rate_hz = audio.read_wav_any_rate(wav)
        duration = samples.size / rate_hz
        # flite's last pause can end after the audio it wrote: clip timings to the audio
        phones = [t for t in phones_to_timings((p, min(float(e), duration))
                                               for p, e in re.findall(r"(\S+):([0-9.]+)", printed)) if t.end > t.start]
        tokens = _WORD.findall(text)
        words = None
        if tokens:
            groups = _word_phones(voice.name, tokens)
            spans = align_words(groups, phones) if groups is not None else None
            if spans is not None:
                words = [Timing(token, start, end) for token, (start, end) in zip(tokens, spans)]
        return Rendering(audio.resample(samples, rate_hz), words, phones)


def _flite(arguments):
    return subprocess.run(["flite"] + arguments, capture_output=True, text=True, check=True).stdout


def _word_phones(voice_name, tokens):
    """Each token's phones, or None when flite does not keep one pause-delimited group per token."""
    printed = _flite(["-voice", voice_name, "-t", ". ".join(tokens) + ".", "none", "-ps"])
    groups = [g.split() for g in printed.split("pau") if g.strip()]
    return groups if len(groups) == len(tokens) else None
