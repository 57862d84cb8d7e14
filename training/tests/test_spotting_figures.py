"""Figures of open-vocabulary spotting (evaluation phrases): FRR at a false-accept rate, with and without the
verifier, from synthetic scores and detections."""
import json
import pathlib
import wave

import numpy as np
import pytest

from wakestream_training.evaluation import metrics, phrases
from wakestream_training.evaluation.cli_runs import DetectRuns

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def stream(seconds, hits):
    """A stream scored every 20 ms (as the spotter scores), zero but for {time: score}."""
    times = np.arange(1, int(seconds * 50) + 1) / 50.0
    scores = np.zeros(times.size)
    for t, s in hits.items():
        scores[int(round(t * 50)) - 1] = s
    return metrics.Stream(times, scores, float(seconds))


def test_stage1_takes_the_lowest_threshold_within_half_a_false_accept_per_hour():
    # two hours of streams: one false accept allowed. Firings: 0.9 at 100 s (0.95 at 101 s is within the
    # refractory period), 0.8 at 2000 s, 0.6 at 3000 s
    streams = [stream(3600, {100: 0.9, 101: 0.95, 2000: 0.8}), stream(3600, {3000: 0.6})]
    real = [stream(1800, {50: 0.85, 900: 0.99})]
    positives = [0.97, 0.92, 0.85, 0.5, 0.0]
    figures, curve = phrases.stage1_figures(positives, streams, real, refractory=2.0, default_threshold=0.7, floor=0.1)
    at = figures["at_target"]
    # above 0.8 only the 100 s event fires (its first score 0.9 now misses, the refractory period starts at 101 s)
    assert 0.8 < at["threshold"] <= 0.85 and at["false_accepts"] == 1 and at["fa_per_hour"] == 0.5
    assert at["frr"] == pytest.approx(2 / 5)
    assert at["real_false_accepts"] == 2 and at["real_fa_per_hour"] == 4.0
    default = figures["at_default_threshold"]
    assert default["threshold"] == 0.7 and default["false_accepts"] == 2 and default["frr"] == pytest.approx(2 / 5)
    fa, frr = [p[0] for p in figures["det"]], [p[1] for p in figures["det"]]
    assert fa == sorted(fa) and fa[0] == 0.0 and frr == sorted(frr, reverse=True)
    assert (0.5, 0.4) in [tuple(p) for p in figures["det"]]
    # the verifier runs at the detector's own threshold and at stage 1's best thresholds for 0.5 ... 16 FA/h
    thresholds = phrases.verify_thresholds(curve, 0.7)
    assert 0.7 in thresholds and at["threshold"] in thresholds and thresholds == sorted(thresholds)


def test_firings_are_the_trigger_policys_with_the_window_before_each():
    line = {"file": "a.wav", "duration_ms": 60000,
            "scores": [[500, 0.9], [1000, 0.95], [3000, 0.2], [4200, 0.7], [9000, 0.99]]}
    assert phrases.firings(line, 0.65, refractory=2.0, window_ms=1200) == [(0, 500), (3000, 4200), (7800, 9000)]
    assert phrases.firings(line, 0.96, refractory=2.0, window_ms=1200) == [(7800, 9000)]
    agreeing = {**line, "detections": [{"start_ms": 0, "end_ms": 500}, {"start_ms": 3000, "end_ms": 4200},
                                       {"start_ms": 7800, "end_ms": 9000}]}
    late = {**agreeing, "detections": agreeing["detections"][1:]}
    assert phrases.firings_check([agreeing, late], 0.65, 2.0, 1200) == {"lines": 2, "agree": 1}
    detections = [{"file": "a", "detections": [{"start_ms": 0, "end_ms": 700}, {"start_ms": 400, "end_ms": 1600}]}]
    assert phrases.trigger_window_ms(detections) == 1200
    with pytest.raises(ValueError, match="window"):
        phrases.trigger_window_ms([{"file": "a", "detections": [{"start_ms": 0, "end_ms": 700}]}])


def test_stage1_matches_a_brute_force_search_over_thresholds():
    rng = np.random.default_rng(3)
    for _ in range(5):
        streams = [stream(1800, {float(t): float(s) for t, s in zip(rng.uniform(1, 1790, 30), rng.uniform(0, 1, 30))})
                   for _ in range(3)]
        positives = list(rng.uniform(0, 1, 40))
        figures, _ = phrases.stage1_figures(positives, streams, [], refractory=2.0, default_threshold=0.5, floor=0.1)
        best = min(metrics.false_reject_rate(positives, t) for t in np.linspace(0.1, 1.01, 2000)
                   if metrics.false_accepts_per_hour(streams, t, 2.0)[0] <= 0.5)
        assert figures["at_target"]["fa_per_hour"] <= 0.5 and figures["at_target"]["frr"] == pytest.approx(best)


def line(file, *detections):
    return {"file": file, "detections": [{"start_ms": 0, "end_ms": 900, "score": 0.5,
                                          "verification": {"score": 0.1, "accepted": a}} for a in detections]}


def test_with_the_verifier_only_verified_detections_count_and_the_lowest_run_threshold_within_the_rate_wins():
    runs = {0.3: ([line("p1", False, True), line("p2", False), line("p3")],
                  [line("s1", True, True, False)], [line("r1", True)]),
            0.5: ([line("p1", True), line("p2", False), line("p3")],
                  [line("s1", True, False)], [line("r1", False)]),
            0.7: ([line("p1", True), line("p2"), line("p3")], [line("s1", False)], [])}
    figures = phrases.verified_figures(runs, stream_hours=2.0, real_hours=0.5)
    points = {p["threshold"]: p for p in figures["points"]}
    assert points[0.3]["false_accepts"] == 2 and points[0.3]["fa_per_hour"] == 1.0 and points[0.3]["detections"] == 3
    assert points[0.3]["frr"] == pytest.approx(2 / 3) and points[0.3]["real_fa_per_hour"] == 2.0
    assert figures["at_target"]["threshold"] == 0.5 and figures["at_target"]["fa_per_hour"] == 0.5
    assert phrases.verified_figures({0.3: runs[0.3]}, 2.0, 0.5)["at_target"] is None


def test_negative_audio_that_says_the_phrase_is_left_out_of_its_false_accepts():
    audio = phrases.NegativeAudio("uqm", [("a.wav", {"id": "a", "duration": 3600.0, "normalised_text": "my computer"}),
                                          ("b.wav", {"id": "b", "duration": 1800.0, "text": "Wake, up!"})])
    kept, hours, left_out = audio.for_phrase("computer")
    assert [p for p, _ in kept] == ["b.wav"] and hours == 0.5 and left_out == 1.0
    assert audio.for_phrase("wake up")[1] == 1.0 and audio.for_phrase("hello robot")[1] == 1.5 and audio.hours == 1.5


def test_a_part_of_the_audio_is_a_fixed_mix_of_it():
    entries = [{"id": f"clip-{k}", "duration": 600.0} for k in range(30)]
    part = phrases.take_hours(entries, 1.0)
    assert len(part) == 6 and part == phrases.take_hours(list(reversed(entries)), 1.0)
    assert part != entries[:6] and len(phrases.take_hours(entries, None)) == 30


def test_syllables_count_the_vowels_of_the_lexicon():
    lexicon = {"okay": ["OW", "K", "EY"], "house": ["HH", "AW", "S"], "computer": "K AH M P Y UW T ER".split()}
    assert phrases.syllables("okay house", lexicon) == 3 and phrases.syllables("computer", lexicon) == 3
    assert phrases.syllables("okay zorblax", lexicon) is None


def test_scores_below_the_floor_are_dropped_and_lines_without_scores_kept():
    reduce = phrases.floor_scores(0.2)
    assert reduce({"file": "a", "scores": [[20, 0.1], [40, 0.2], [60, 0.5]]})["scores"] == [[40, 0.2], [60, 0.5]]
    assert reduce({"file": "a", "max_score": 0.3}) == {"file": "a", "max_score": 0.3}


def test_trigger_audio_is_cut_sample_exact(tmp_path):
    source = tmp_path / "clip.wav"
    samples = (np.arange(32000) % 30000).astype("<i2")
    with wave.open(str(source), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(16000)
        writer.writeframes(samples.tobytes())
    cut = phrases.cut_trigger(source, 250, 1250, tmp_path / "triggers")
    with wave.open(str(cut)) as reader:
        got = np.frombuffer(reader.readframes(reader.getnframes()), "<i2")
    assert np.array_equal(got, samples[4000:20000])
    assert phrases.cut_trigger(source, 250, 1250, tmp_path / "triggers") == cut
    assert phrases.cut_trigger(source, 1900, 2100, tmp_path / "triggers").stat().st_size == 44 + 2 * 1600


JAR = REPOSITORY / "cli/target/wakestream.jar"


@pytest.mark.skipif(not JAR.exists(), reason="the CLI jar is not built (./mvnw package -pl cli -am)")
def test_detect_runs_score_each_file_once_and_resume_from_the_cache(tmp_path):
    samples = sorted((REPOSITORY / "common/src/main/resources/samples").glob("*.wav"))[:2]
    java = ["/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "--enable-native-access=ALL-UNNAMED", "-jar", str(JAR)]
    runs = DetectRuns(java, REPOSITORY / "models", tmp_path, batch_size=1)
    first = runs.run("repcnn", ["--model", "wakeword-hey-jarvis"], [samples[0]])
    both = runs.run("repcnn", ["--model", "wakeword-hey-jarvis"], samples)
    assert set(both) == {str(s) for s in samples} and both[str(samples[0])] == first[str(samples[0])]
    cached = [json.loads(t) for t in next(tmp_path.glob("repcnn-*.jsonl")).read_text().splitlines()]
    assert sorted(c["file"] for c in cached) == sorted(str(s) for s in samples)  # the first file scored once
    assert all(0.0 <= c["max_score"] <= 1.0 and c["model"].startswith("wakeword-hey-jarvis/") for c in cached)
