"""MBROLA diphone voices through espeak-ng: espeak-ng turns text into MBROLA's phoneme input (.pho:
phoneme, duration in ms, pitch points), the mbrola program turns that into audio. The phoneme
durations are what mbrola renders, so phoneme timings are exact.

espeak-ng's library does not report timings for mbrola voices (its synchronous mode returns
truncated audio at the wrong rate for them), so the command-line tools are used: one espeak-ng
call for the utterance's .pho, one mbrola call for its audio, and one espeak-ng call that says the
words separated by commas (each word then sits between pauses) to find each word's phonemes,
aligned to the utterance's the way flite's are. Every call is a fresh process, so the result does
not depend on earlier utterances.
"""
import pathlib
import re
import subprocess
import tempfile

from .. import audio
from .espeak import DEFAULT_WPM
from .timing import Rendering, Timing, align_words
from .voices import MBROLA_DATA, MBROLA_VOICES

_WORD = re.compile(r"[A-Za-z0-9']+")
_PAUSE = "_"


class MbrolaEngine:
    def render(self, voice, text, rate=1.0, pitch=50):
        """Speech for `text`; rate is a speed factor over espeak-ng's default 175 wpm, pitch 0..99."""
        pho = self._pho(voice, text, rate, pitch)
        database = MBROLA_DATA / MBROLA_VOICES[voice.name] / MBROLA_VOICES[voice.name]
        with tempfile.TemporaryDirectory() as tmp:
            source, wav = pathlib.Path(tmp) / "in.pho", pathlib.Path(tmp) / "out.wav"
            source.write_text(pho)
            # -e: a diphone the database lacks is replaced by silence instead of stopping
            subprocess.run(["mbrola", "-e", str(database), str(source), str(wav)], capture_output=True, check=True)
            samples, rate_hz = audio.read_wav_any_rate(wav)
        duration = samples.size / rate_hz
        phonemes = [t for t in _pho_timings(pho) if t.start < duration]
        if phonemes:
            phonemes[-1] = Timing(phonemes[-1].label, phonemes[-1].start, min(phonemes[-1].end, duration))
        words = None
        tokens = _WORD.findall(text)
        if tokens:
            groups = self._word_phonemes(voice, tokens, rate, pitch)
            spans = align_words(groups, [Timing("pau" if t.label == _PAUSE else t.label, t.start, t.end)
                                         for t in phonemes]) if groups is not None else None
            if spans is not None:
                words = [Timing(token, start, end) for token, (start, end) in zip(tokens, spans)]
        return Rendering(audio.resample(samples, rate_hz), words, phonemes)

    @staticmethod
    def _pho(voice, text, rate, pitch):
        command = ["espeak-ng", "-q", "--pho", "-v", voice.name, "-s", str(int(round(DEFAULT_WPM * rate))),
                   "-p", str(int(pitch)), "--", text]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def _word_phonemes(self, voice, tokens, rate, pitch):
        """Each token's phonemes, or None when espeak-ng does not keep one pause-delimited group per token."""
        groups, current = [], []
        for timing in _pho_timings(self._pho(voice, ", ".join(tokens) + ".", rate, pitch)):
            if timing.label == _PAUSE:
                if current:
                    groups.append(current)
                current = []
            else:
                current.append(timing.label)
        if current:
            groups.append(current)
        return groups if len(groups) == len(tokens) else None


def _pho_timings(pho):
    """[Timing] of the phonemes of a .pho text (a line: phoneme, duration in ms, pitch points)."""
    timings, start = [], 0.0
    for line in pho.splitlines():
        fields = line.split()
        if len(fields) < 2 or line.startswith(";"):
            continue
        end = start + float(fields[1]) / 1000.0
        if end > start:
            timings.append(Timing(fields[0], round(start, 4), round(end, 4)))
        start = end
    return timings
