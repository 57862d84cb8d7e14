"""A small query-by-example wake-word detector: the phrase rendered by a few training voices is
matched against the audio by subsequence dynamic time warping on cepstra. It is weak, but real,
and speaks the harness's interchange, so the harness can be tested before the Java CLI exists.

    python3 -m wakestream_training.evaluation.template_detector --phrase "hey jarvis" [--scores] FILE.wav...
"""
import argparse
import json

import numpy as np
from scipy.fft import dct
from scipy.ndimage import uniform_filter1d

from .. import audio, frontend
from ..corpus.keyword import keyword_span
from ..tts import Prosody, Synthesizer, Voice
from .metrics import refractory_events

# training-split voices only (wakestream_training.splits), so held-out voices stay unseen
TEMPLATE_VOICES = ("flite:kal16", "flite:slt", "festival:kal_diphone", "espeak-ng:en-us", "espeak-ng:en-gb-x-rp")
HOP_FRAMES = 8  # scores every 80 ms, as openWakeWord's
N_CEPSTRA = 13
MEAN_WINDOW_FRAMES = 150  # cepstral mean removed over 1.5 s: the channel and room, not the words


def cepstra(samples):
    """Cepstra 1..12 of the log-mel frontend (c0, the level, dropped), sliding-mean normalised, unit length."""
    features = dct(frontend.log_mel(samples, 40), type=2, norm="ortho", axis=1)[:, 1:N_CEPSTRA]
    if features.shape[0]:
        features = features - uniform_filter1d(features, MEAN_WINDOW_FRAMES, axis=0, mode="nearest")
    return features / (np.linalg.norm(features, axis=1, keepdims=True) + 1e-9)


def subsequence_dtw(template, stream):
    """Mean cosine distance of the best warping of the whole template ending at each stream frame.

    Steps (1,1), (1,2), (2,1) bound the warp to half / double speed and let the recursion run over
    template frames with whole stream rows vectorised.
    """
    cost = 1.0 - template @ stream.T  # (template frames, stream frames)
    m, n = cost.shape
    inf = np.full(n, np.inf)
    before, previous = inf.copy(), cost[0].copy()  # free start anywhere in the stream
    for i in range(1, m):
        best = previous.copy()
        best[1:] = previous[:-1]
        best[0] = np.inf
        skip_stream = np.concatenate([[np.inf, np.inf], previous[:-2]])
        skip_template = np.concatenate([[np.inf], before[:-1]])
        current = cost[i] + np.minimum(np.minimum(best, skip_stream), skip_template)
        before, previous = previous, current
    return previous / m


class TemplateDetector:
    def __init__(self, phrase, voices=TEMPLATE_VOICES, threshold=0.75, refractory=2.0):
        self.phrase, self.threshold, self.refractory = phrase, threshold, refractory
        synthesizer = Synthesizer()
        self.templates = []
        for voice_id in voices:
            rendering = synthesizer.render(Voice.parse(voice_id), phrase, Prosody())
            span = keyword_span(rendering.words or [], phrase)
            start, end = (span["start"], span["end"]) if span else (0.0, rendering.duration)
            # normalised in context, then cut, so the template's mean matches a stream's
            self.templates.append(cepstra(rendering.samples)[int(start * 100):int(end * 100)])

    def detect(self, path, with_scores=False):
        samples = audio.read_wav(path)
        stream = cepstra(samples)
        duration_ms = int(round(samples.size / 16.0))
        if stream.shape[0] == 0:
            scores = np.zeros(0)
        else:
            distance = np.min([subsequence_dtw(t, stream) for t in self.templates], axis=0)
            frame_scores = np.clip(1.0 - distance, 0.0, 1.0)
            pad = (-frame_scores.size) % HOP_FRAMES
            scores = np.pad(frame_scores, (0, pad)).reshape(-1, HOP_FRAMES).max(axis=1)
        times = (np.arange(scores.size) + 1) * HOP_FRAMES * frontend.HOP_LENGTH / 16000.0
        fired = refractory_events(times, scores, self.threshold, self.refractory)
        index = {round(t, 6): k for k, t in enumerate(times)}
        detections = [{"keyword": self.phrase, "score": round(float(scores[index[round(t, 6)]]), 4),
                       "start_ms": int(max(0.0, t - 1.0) * 1000), "end_ms": int(t * 1000)} for t in fired]
        result = {"file": str(path), "duration_ms": duration_ms,
                  "max_score": round(float(scores.max()), 4) if scores.size else 0.0,
                  "detections": detections, "threshold": self.threshold}
        if with_scores:
            result["scores"] = [[int(round(t * 1000)), round(float(s), 4)] for t, s in zip(times, scores)]
        return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--phrase", default="hey jarvis")
    parser.add_argument("--threshold", type=float, default=0.75)
    parser.add_argument("--scores", action="store_true", help="print per-hop scores")
    args = parser.parse_args(argv)
    detector = TemplateDetector(args.phrase, threshold=args.threshold)
    for path in args.files:
        print(json.dumps(detector.detect(path, args.scores)), flush=True)


if __name__ == "__main__":
    main()
