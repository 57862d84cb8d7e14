"""Text to 16 kHz speech with every English voice Debian provides, with word and phoneme timings.

    from wakestream_training.tts import available_voices, Synthesizer, Prosody
    synth = Synthesizer()
    renderings = synth.render_many(voice, [("hey jarvis", Prosody(rate=1.1, pitch=55))])
"""
import dataclasses

from .. import audio
from .espeak import EspeakEngine
from .festival import NATIVE_RATE, FestivalEngine
from .flite import FliteEngine
from .mbrola import MbrolaEngine
from .pico import PicoEngine
from .rhvoice import RHVoiceEngine
from .timing import Rendering, Timing
from .voices import LICENCE_POLICIES, Voice, available_voices, licences_of, select_voices

__all__ = ["BASE_PITCH_ENGINES", "LICENCE_POLICIES", "Prosody", "Rendering", "Synthesizer", "Timing", "Voice", "available_voices",
           "licences_of", "select_voices"]

# Engines whose voices take a base pitch (espeak-ng's 0..99); the others get a pitch shift after synthesis.
BASE_PITCH_ENGINES = ("espeak-ng", "mbrola")


@dataclasses.dataclass(frozen=True)
class Prosody:
    """rate: speed factor over the engine's default. pitch: espeak-ng's base pitch 0..99 (espeak-ng and
    its MBROLA voices; ignored by other engines). pitch_shift: semitones applied after synthesis (the
    other engines: flite, festival, RHVoice, Pico)."""
    rate: float = 1.0
    pitch: int = 50
    pitch_shift: float = 0.0

    def to_json(self, engine):
        base = engine in BASE_PITCH_ENGINES
        return {"rate": round(self.rate, 3), "pitch": self.pitch if base else None,
                "pitch_shift_semitones": round(self.pitch_shift, 2) if not base else 0.0}


class Synthesizer:
    """One per process: engines are created on first use (espeak-ng keeps library state)."""

    def __init__(self):
        self._espeak = None
        self._flite = FliteEngine()
        self._festival = FestivalEngine()
        self._engines = {"mbrola": MbrolaEngine(), "rhvoice": RHVoiceEngine(), "pico": PicoEngine()}

    def render(self, voice, text, prosody=Prosody()):
        return self.render_many(voice, [(text, prosody)])[0]

    def render_many(self, voice, requests):
        """[(text, Prosody)] -> [Rendering] at 16 kHz."""
        if voice.engine == "espeak-ng":
            if self._espeak is None:
                self._espeak = EspeakEngine()
            return [self._espeak.render(voice, text, p.rate, p.pitch) for text, p in requests]
        if voice.engine == "flite":
            raw = [self._flite.render(voice, text, p.rate) for text, p in requests]
            return [_shift_pitch(r, p.pitch_shift) for r, (_, p) in zip(raw, requests)]
        if voice.engine == "festival":
            raw = self._festival.render_many(voice, [(text, p.rate) for text, p in requests])
            if not NATIVE_RATE[voice.name]:
                raw = [_change_tempo(r, p.rate) for r, (_, p) in zip(raw, requests)]
            return [_shift_pitch(r, p.pitch_shift) for r, (_, p) in zip(raw, requests)]
        if voice.engine == "mbrola":
            return [self._engines["mbrola"].render(voice, text, p.rate, p.pitch) for text, p in requests]
        if voice.engine in ("rhvoice", "pico"):
            engine = self._engines[voice.engine]
            return [_shift_pitch(engine.render(voice, text, p.rate), p.pitch_shift) for text, p in requests]
        raise ValueError(f"unknown engine {voice.engine}")


def _shift_pitch(rendering, semitones):
    if abs(semitones) < 1e-3:
        return rendering
    shifted = audio.sox_effects(rendering.samples, ["pitch", f"{semitones * 100:.0f}"])
    return Rendering(shifted[:rendering.samples.size], rendering.words, rendering.phonemes)


def _change_tempo(rendering, rate):
    if abs(rate - 1.0) < 1e-3:
        return rendering
    samples = audio.sox_effects(rendering.samples, ["tempo", "-s", f"{rate:.4f}"])
    words, phonemes = rendering.retimed(1.0 / rate)
    return Rendering(samples, words, phonemes)
