import math

import numpy as np

from wakestream_training.evaluation import metrics


def test_refractory_suppresses_firings_within_the_period():
    times = np.arange(0, 10, 0.5)  # a score every 0.5 s
    scores = np.zeros(times.size)
    scores[[2, 3, 4, 8, 9, 14]] = [0.9, 0.95, 0.7, 0.8, 0.6, 0.99]  # at 1.0, 1.5, 2.0, 4.0, 4.5, 7.0 s
    assert metrics.refractory_events(times, scores, 0.65, refractory=2.0) == [1.0, 4.0, 7.0]
    assert metrics.refractory_events(times, scores, 0.65, refractory=0.4) == [1.0, 1.5, 2.0, 4.0, 7.0]
    assert metrics.refractory_events(times, scores, 0.96, refractory=2.0) == [7.0]
    # the threshold is inclusive
    assert metrics.refractory_events(times, scores, 0.99, refractory=2.0) == [7.0]


def test_hand_made_det_points():
    positives = [0.9, 0.8, 0.4, 0.95]
    confusable = [0.1, 0.85, 0.3]
    half_hour = metrics.Stream(np.arange(0, 1800, 1.0), np.zeros(1800), 1800.0)
    half_hour.scores[[10, 11, 500, 900]] = [0.7, 0.9, 0.85, 0.3]
    curve = metrics.det_curve(positives, {"confusable": confusable}, [half_hour], refractory=2.0,
                              thresholds=[0.5, 0.8, 0.86, 0.96])
    at = {p.threshold: p for p in curve}
    # 0.5: one positive missed; firings at 10 s (11 s suppressed) and 500 s -> 2 in half an hour
    assert at[0.5].frr == 0.25 and at[0.5].false_accepts == 2 and at[0.5].fa_per_hour == 4.0
    assert math.isclose(at[0.5].clip_accept["confusable"], 1 / 3)
    # 0.8: 0.8 itself passes; 11 s and 500 s fire
    assert at[0.8].frr == 0.25 and at[0.8].false_accepts == 2
    # 0.86: positives 0.9 and 0.95 pass; only 11 s fires
    assert at[0.86].frr == 0.5 and at[0.86].fa_per_hour == 2.0 and at[0.86].clip_accept["confusable"] == 0.0
    assert at[0.96].frr == 1.0 and at[0.96].fa_per_hour == 0.0


def test_operating_point_takes_lowest_frr_within_the_false_accept_budget():
    curve = [metrics.DetPoint(0.5, 0.1, 3.0, 6, {}), metrics.DetPoint(0.7, 0.2, 1.0, 2, {}),
             metrics.DetPoint(0.9, 0.4, 0.0, 0, {})]
    assert metrics.operating_point(curve, 1.0).threshold == 0.7
    assert metrics.operating_point(curve, 0.5).threshold == 0.9
    assert metrics.operating_point(curve[:2], 0.5) is None


def test_default_thresholds_cover_every_clip_score_the_top_stream_scores_and_one_above_the_top():
    stream = metrics.Stream(np.arange(5000) * 0.08, np.linspace(0.0, 0.5, 5000), 400.0)
    thresholds = metrics.thresholds_for([0.2, 0.6], {"general": [0.4]}, [stream], stream_values=100, grid=11)
    assert {0.2, 0.4, 0.6} <= set(thresholds)
    assert set(stream.scores[-100:]) <= set(thresholds) and stream.scores[-101] not in thresholds
    assert thresholds[-1] > 0.6 and len(thresholds) <= 3 + 100 + 11 + 1
    points = metrics.det_curve([0.2, 0.6], {"general": [0.4]}, [])
    assert points[-1].frr == 1.0 and points[0].frr == 0.0


def test_det_envelope_is_the_best_frr_at_or_below_each_false_accept_rate():
    from wakestream_training.evaluation.report import det_envelope
    curve = [{"fa_per_hour": 4.0, "frr": 0.1}, {"fa_per_hour": 1.75, "frr": 0.7}, {"fa_per_hour": 0.0, "frr": 0.83},
             {"fa_per_hour": 0.0, "frr": 0.9}, {"fa_per_hour": 2.0, "frr": 0.75}]
    assert det_envelope(curve) == ([0.0, 1.75, 2.0, 4.0], [0.83, 0.7, 0.7, 0.1])
