"""RHVoice voices through RHVoice-test (text on stdin, 16 kHz WAV out). RHVoice reports no word or
phoneme timings through its command-line tool, so renderings carry none (words and phonemes None)."""
import pathlib
import subprocess
import tempfile

from .. import audio
from .timing import Rendering


class RHVoiceEngine:
    def render(self, voice, text, rate=1.0):
        """Speech for `text`; rate is a speed factor (RHVoice's --rate is a percentage of its default)."""
        with tempfile.TemporaryDirectory() as tmp:
            wav = pathlib.Path(tmp) / "out.wav"
            subprocess.run(["RHVoice-test", "-p", voice.name, "-R", "16000", "-r", str(int(round(100 * rate))),
                            "-o", str(wav)], input=text.encode("utf-8"), capture_output=True, check=True)
            samples, rate_hz = audio.read_wav_any_rate(wav)
        return Rendering(audio.resample(samples, rate_hz), None, None)
