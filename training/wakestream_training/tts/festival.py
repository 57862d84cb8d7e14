"""festival voices, driven by a generated Scheme script: audio plus word and segment timings.

festival takes ~0.3 s to start, so a batch of utterances shares one process. Timings are written
to a file per utterance because festival's stdout is block-buffered when piped.
"""
import pathlib
import subprocess
import tempfile

from .. import audio
from .timing import Rendering, Timing

_DUMP = """
(define (ws_dump utt path)
  (let ((fd (fopen path "w")))
    (mapcar (lambda (w) (format fd "W\\t%s\\t%f\\t%f\\n" (item.name w)
              (item.feat w "R:SylStructure.daughter1.daughter1.segment_start")
              (item.feat w "R:SylStructure.daughtern.daughtern.segment_end")))
            (utt.relation.items utt 'Word))
    (mapcar (lambda (s) (format fd "P\\t%s\\t%f\\t%f\\n" (item.name s) (item.feat s "segment_start") (item.feat s "end")))
            (utt.relation.items utt 'Segment))
    (fclose fd)))
"""

# Duration_Stretch only reaches festival's duration models, which HTS voices do not use; their
# rate is applied afterwards by a tempo change (see tts.render).
NATIVE_RATE = {"kal_diphone": True, "ked_diphone": True, "cmu_us_slt_arctic_hts": False}


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class FestivalEngine:
    def render_many(self, voice, requests):
        """[(text, rate)] -> [Rendering], one festival process for the batch."""
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            lines = [f"(voice_{voice.name})", _DUMP]
            for k, (text, rate) in enumerate(requests):
                stretch = 1.0 / rate if NATIVE_RATE[voice.name] else 1.0
                lines.append(f"(Parameter.set 'Duration_Stretch {stretch:.4f})")
                lines.append(f"(set! ws_utt (utt.synth (Utterance Text {_quote(text)})))")
                lines.append(f"(utt.save.wave ws_utt {_quote(str(tmp / f'{k}.wav'))} 'riff)")
                lines.append(f"(ws_dump ws_utt {_quote(str(tmp / f'{k}.txt'))})")
            script = tmp / "batch.scm"
            script.write_text("\n".join(lines) + "\n")
            subprocess.run(["festival", "--batch", str(script)], capture_output=True, check=True)
            return [self._read(tmp, k) for k in range(len(requests))]

    @staticmethod
    def _read(tmp, k):
        samples, rate_hz = audio.read_wav_any_rate(tmp / f"{k}.wav")
        words, phonemes = [], []
        for line in (tmp / f"{k}.txt").read_text().splitlines():
            kind, label, start, end = line.split("\t")
            start, end = float(start), float(end)
            if end <= start:
                continue  # a clitic such as 's has no syllable of its own
            (words if kind == "W" else phonemes).append(Timing(label, start, end))
        return Rendering(audio.resample(samples, rate_hz), words, phonemes)
