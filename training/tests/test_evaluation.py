import json
import subprocess
import sys

import pytest

from wakestream_training.evaluation import CommandDetector, DetectorError, stream_from_result
from wakestream_training.evaluation import __main__ as evaluation
from wakestream_training.corpus import Corpus
from wakestream_training.evaluation.template_detector import TemplateDetector

from conftest import TRAINING


def test_harness_drives_an_external_detector_and_writes_json_and_png(tiny_corpus, tmp_path):
    out = tmp_path / "report"
    command = f"{sys.executable} -m wakestream_training.evaluation.template_detector --scores"
    subprocess.run([sys.executable, "-m", "wakestream_training.evaluation", "run", "--corpus", str(tiny_corpus),
                    "--split", "test", "--detector", command, "--name", "template", "--out", str(out)],
                   cwd=TRAINING, check=True, capture_output=True, text=True)
    report = json.loads((out / "report.json").read_text())
    assert report["positives"] >= 1 and report["long_negative_files"] >= 1 and report["long_audio_from"] == "scores"
    assert report["refractory_s"] == 2.0
    frr = [p["frr"] for p in report["curve"]]
    fa = [p["fa_per_hour"] for p in report["curve"]]
    assert frr == sorted(frr) and frr[-1] == 1.0 and fa[-1] == 0.0
    assert (out / "det.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    lines = (out / "scores.jsonl").read_text().splitlines()
    assert len(lines) == sum(report["negative_clips"].values()) + report["positives"] + report["long_negative_files"]


def test_detections_only_output_is_accepted_and_flagged(tiny_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(TRAINING)  # where the detector command finds the package
    out = tmp_path / "detections"
    command = f"{sys.executable} -m wakestream_training.evaluation.template_detector --threshold 0.5"
    evaluation.main(["run", "--corpus", str(tiny_corpus), "--split", "val", "--detector", command,
                     "--out", str(out), "--kinds", "positive,long_negative", "--streams-from", str(tiny_corpus)])
    report = json.loads((out / "report.json").read_text())
    assert report["long_audio_from"] == "detections" and "lower bound" in report["note"]
    # the same corpus named twice: its streams count twice
    assert report["long_negative_files"] == 2 * len(Corpus(tiny_corpus).entries("val", {"long_negative"}))
    assert report["operating_points"]["detector_threshold"]["threshold"] >= 0.5


def test_template_detector_prefers_the_phrase_to_other_speech(tmp_path):
    from wakestream_training import audio
    from wakestream_training.tts import Prosody, Synthesizer, Voice
    synthesizer = Synthesizer()
    voice = Voice.parse("flite:rms")  # a held-out voice
    for name, text in (("wake", "hey jarvis"), ("other", "the weather is nice in london today")):
        audio.write_wav(tmp_path / f"{name}.wav", synthesizer.render(voice, text, Prosody()).samples)
    detector = TemplateDetector("hey jarvis")
    assert detector.detect(tmp_path / "wake.wav")["max_score"] > detector.detect(tmp_path / "other.wav")["max_score"]


def test_long_audio_scores_as_pairs_as_plain_list_or_as_detections():
    pairs = {"duration_ms": 3000, "max_score": 0.9, "detections": [], "scores": [[160, 0.9], [80, 0.2]]}
    plain = {"duration_ms": 3000, "max_score": 0.9, "detections": [], "hop_ms": 80, "scores": [0.2, 0.9]}
    detections = {"duration_ms": 3000, "max_score": 0.9, "scores": None,
                  "detections": [{"keyword": "k", "score": 0.9, "start_ms": 0, "end_ms": 160}]}
    for result in (pairs, plain):
        stream = stream_from_result(result)
        assert list(stream.times) == [0.08, 0.16] and list(stream.scores) == [0.2, 0.9] and stream.seconds == 3.0
    stream = stream_from_result(detections)
    assert list(stream.times) == [0.16] and list(stream.scores) == [0.9]


def test_a_detector_that_skips_a_file_or_fails_is_reported(tmp_path):
    silent = f"{sys.executable} -c pass"
    with pytest.raises(DetectorError, match="no result"):
        CommandDetector(silent).score([tmp_path / "a.wav"])
    failing = f"{sys.executable} -c 'import sys; sys.exit(3)'"
    with pytest.raises(DetectorError, match="exited 3"):
        CommandDetector(failing).score([tmp_path / "a.wav"])
