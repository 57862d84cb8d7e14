"""SVOX Pico voices through pico2wave (16 kHz WAV). Pico reports no timings (words and phonemes None).
The speaking rate is Pico's own markup, `<speed level="N">` (100 = default)."""
import pathlib
import subprocess
import tempfile
from xml.sax.saxutils import escape

from .. import audio
from .timing import Rendering


class PicoEngine:
    def render(self, voice, text, rate=1.0):
        with tempfile.TemporaryDirectory() as tmp:
            wav = pathlib.Path(tmp) / "out.wav"
            marked = f'<speed level="{int(round(100 * rate))}">{escape(text)}</speed>'
            subprocess.run(["pico2wave", "-l", voice.name, "-w", str(wav), "--", marked], capture_output=True,
                           check=True)
            samples, rate_hz = audio.read_wav_any_rate(wav)
        return Rendering(audio.resample(samples, rate_hz), None, None)
