"""espeak-ng through its C library (libespeak-ng.so.1), which reports word and phoneme events.

The command-line tool prints no timings, so the library is driven with ctypes in synchronous
mode: samples and events arrive through one callback.

The library keeps state from one utterance to the next (pitch flutter, echo, generator phase),
so the same text comes out different after other texts. For clips that a seed reproduces, each
utterance is synthesised in a child forked from a process that initialised the library and
never spoke: every utterance starts from the same state.
"""
import ctypes
import os
import pickle

import numpy as np

from .. import audio
from .timing import Rendering, Timing

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_PHONEME_EVENTS = 0x0001
_INITIALIZE_DONT_EXIT = 0x8000
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_RATE, _PITCH = 1, 3
_EVENT_END_OF_LIST, _EVENT_WORD, _EVENT_PHONEME = 0, 1, 7
DEFAULT_WPM = 175


class _EventId(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint), ("text_position", ctypes.c_int),
                ("length", ctypes.c_int), ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", _EventId)]


_Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


class EspeakEngine:
    """Renders text with one espeak-ng voice (accent + variant) at a rate and base pitch."""

    def __init__(self):
        self._lib = ctypes.CDLL("libespeak-ng.so.1")
        self.sample_rate = self._lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, None,
                                                       _INITIALIZE_PHONEME_EVENTS | _INITIALIZE_DONT_EXIT)
        if self.sample_rate <= 0:
            raise RuntimeError("espeak-ng failed to initialise")
        self._chunks, self._events = [], []
        self._callback = _Callback(self._collect)  # kept referenced: the library calls it later
        self._lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, wav, count, events):
        if count > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
        i = 0
        while events[i].type != _EVENT_END_OF_LIST:
            event = events[i]
            label = event.id.string.decode("utf-8", "replace") if event.type == _EVENT_PHONEME else None
            self._events.append((event.type, event.text_position, event.length, event.audio_position / 1000.0, label))
            i += 1
        return 0

    def render(self, voice, text, rate=1.0, pitch=50):
        """Speech for `text`; rate is a speed factor over espeak-ng's default 175 wpm, pitch 0..99.
        Synthesised in a forked child, so the result does not depend on earlier calls."""
        read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:
            os.close(read_end)
            status = 0
            try:
                payload = pickle.dumps(self._synthesize(voice, text, rate, pitch))
            except BaseException as error:  # report any failure to the parent, never unwind into its code
                payload, status = pickle.dumps(error), 1
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
            os._exit(status)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as source:
            payload = source.read()
        _, status = os.waitpid(child, 0)
        result = pickle.loads(payload)
        if os.waitstatus_to_exitcode(status) != 0:
            raise result
        raw, events = result
        encoded = text.encode("utf-8")
        samples = audio.resample(raw, self.sample_rate)
        words, phonemes = _timings(encoded, events, raw.size / self.sample_rate)
        return Rendering(samples, words, phonemes)

    def _synthesize(self, voice, text, rate, pitch):
        """(int16-scaled float samples at the library's rate, events) for one utterance."""
        name = voice.name + (f"+{voice.variant}" if voice.variant else "")
        if self._lib.espeak_SetVoiceByName(name.encode()) != 0:
            raise ValueError(f"espeak-ng has no voice {name}")
        self._lib.espeak_SetParameter(_RATE, int(round(DEFAULT_WPM * rate)), 0)
        self._lib.espeak_SetParameter(_PITCH, int(pitch), 0)
        self._chunks, self._events = [], []
        encoded = text.encode("utf-8")
        if self._lib.espeak_Synth(encoded, len(encoded) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None) != 0:
            raise RuntimeError(f"espeak-ng failed on {text!r}")
        raw = np.concatenate(self._chunks).astype(np.float32) / 32768.0 if self._chunks else np.zeros(0, np.float32)
        return raw, self._events


def _timings(encoded, events, total):
    """Words and phonemes from the event stream: a phoneme ends where the next phoneme starts,
    a word spans its own phonemes (pauses, written `_`, belong to no word)."""
    phoneme_events, owners, word_texts = [], [], []
    for kind, position, length, start, label in events:
        if kind == _EVENT_WORD:
            word_texts.append(encoded[position - 1:position - 1 + length].decode("utf-8", "replace"))
        elif kind == _EVENT_PHONEME:
            phoneme_events.append((label, start))
            owners.append(len(word_texts) - 1 if not label.startswith("_") else None)
    phonemes, spans = [], {}
    for k, (label, start) in enumerate(phoneme_events):
        end = phoneme_events[k + 1][1] if k + 1 < len(phoneme_events) else total
        if end <= start:
            continue
        phonemes.append(Timing(label, start, end))
        if owners[k] is not None and owners[k] >= 0:
            first, last = spans.get(owners[k], (start, end))
            spans[owners[k]] = (min(first, start), max(last, end))
    words = [Timing(word_texts[w], *spans[w]) for w in sorted(spans)]
    return words, phonemes
