"""The lattice GNN's graph, model, metrics and decision policy (wakestream_training.ftm)."""
import numpy as np
import pytest
import torch

from wakestream_training.ftm import graph, metrics, policy
from wakestream_training.ftm.data import Detections
from wakestream_training.ftm.model import GnnConfig, LatticeGnn


def arc(a, b, word, s, e, post=1.0):
    return {"from": a, "to": b, "word": word, "start_frame": s, "end_frame": e, "am_cost": 4.0, "lm_cost": 2.0, "posterior": post}


LATTICE = {"nodes": 4, "frame_ms": 20, "arcs": [arc(0, 1, "hey", 0, 10), arc(1, 2, "jarvis", 10, 50, 0.7),
                                                 arc(1, 2, "service", 10, 50, 0.3), arc(2, 3, "</s>", 50, 55)]}
DETECTION = {"keyword": "hey jarvis", "start_sample": 16000, "end_sample": 32000}


def test_arcs_are_nodes_linked_in_lattice_order_with_features_relative_to_the_trigger_end():
    ids = graph.vocabulary_ids(["hey", "</s>"])
    word_ids, features, adjacency, mask = graph.build(LATTICE, DETECTION, ids, 6)
    assert word_ids.tolist() == [2, 1, 1, 3, 0, 0]
    assert mask.tolist() == [1, 1, 1, 1, 0, 0]
    assert adjacency[0, 1] == adjacency[0, 2] == adjacency[1, 3] == adjacency[2, 3] == 1
    assert adjacency.sum() == 4
    jarvis = dict(zip(graph.FEATURES, features[1]))
    assert jarvis["start_s"] == pytest.approx(-0.8) and jarvis["end_s"] == pytest.approx(0.0)
    assert jarvis["am_cost_per_frame"] == pytest.approx(0.1) and jarvis["in_keyword"] == 1
    assert dict(zip(graph.FEATURES, features[3]))["to_final"] == 1


def test_a_larger_lattice_keeps_the_arcs_of_highest_posterior():
    word_ids, _, adjacency, mask = graph.build(LATTICE, DETECTION, graph.vocabulary_ids(["service"]), 3)
    assert mask.tolist() == [1, 1, 1]
    assert word_ids.tolist() == [1, 1, 1]  # hey, jarvis, </s>: the 0.3 alternative is pruned
    assert adjacency[1, 2] == 1


@pytest.mark.parametrize("variant", ["gcn", "attention"])
def test_padding_does_not_change_a_score(variant):
    torch.manual_seed(0)
    model = LatticeGnn(GnnConfig(variant=variant, vocabulary=8, hidden=16, heads=4, dropout=0.0)).eval()
    ids = graph.vocabulary_ids(["hey", "jarvis", "</s>"])
    small = [torch.from_numpy(t).unsqueeze(0) for t in graph.build(LATTICE, DETECTION, ids, 4)]
    large = [torch.from_numpy(t).unsqueeze(0) for t in graph.build(LATTICE, DETECTION, ids, 64)]
    with torch.no_grad():
        assert float(model(*small)) == pytest.approx(float(model(*large)), abs=1e-5)


@pytest.mark.parametrize("variant", ["gcn", "attention"])
def test_an_empty_lattice_scores_without_nans(variant):
    model = LatticeGnn(GnnConfig(variant=variant, vocabulary=4, hidden=8, heads=2, dropout=0.0)).eval()
    tensors = [torch.from_numpy(t).unsqueeze(0) for t in graph.build({"nodes": 0, "frame_ms": 20, "arcs": []}, DETECTION, {}, 8)]
    with torch.no_grad():
        assert 0.0 <= float(model(*tensors)) <= 1.0


def test_mitigation_is_measured_at_the_threshold_that_keeps_99_percent_of_true_triggers():
    true = np.linspace(0.5, 1.0, 100)
    false = np.array([0.1, 0.2, 0.49, 0.6, 0.9])
    mitigated, threshold = metrics.mitigated_at_tpr(np.concatenate([true, false]), np.array([1] * 100 + [0] * 5))
    assert threshold == pytest.approx(true[1])  # 99 of the 100 true triggers stay at or above it
    assert mitigated == pytest.approx(3 / 5)


def test_the_operating_point_counts_false_accepts_in_streams_and_misses_of_positive_clips():
    clips = [{"file": "p1", "label": 1}, {"file": "p2", "label": 1}, {"file": "p3", "label": 1},
             {"file": "s", "label": 0, "stream": True}]
    rows = [{"clip": clips[0], "label": 1}, {"clip": clips[1], "label": 1}, {"clip": clips[1], "label": 0},
            {"clip": clips[3], "label": 0}, {"clip": clips[3], "label": 0}]
    detections = Detections(rows, np.array([r["label"] for r in rows]), np.zeros(5), np.zeros(5))
    scores = np.array([0.9, 0.4, 0.95, 0.5, 0.8])
    # two hours of streams allow one false accept: the threshold must pass 0.5 but not 0.8
    point = metrics.operating_point(scores, detections, clips, stream_hours=2.0)
    assert 0.5 < point["threshold"] <= 0.8
    assert point["fa_per_hour"] == 0.5
    assert point["frr"] == pytest.approx(2 / 3, abs=1e-4)  # p2's true detection scores 0.4, p3 made none


def test_the_policy_learns_which_stage_separates_and_keeps_99_percent_of_true_triggers():
    rng = np.random.default_rng(0)
    labels = np.array([1] * 300 + [0] * 300)
    scores = {"wakeword": rng.uniform(0.3, 0.9, 600),
              "kws": np.where(labels == 1, rng.uniform(0.4, 1.0, 600), rng.uniform(0.0, 0.6, 600)),
              "ftm": np.where(labels == 1, rng.uniform(0.6, 1.0, 600), rng.uniform(0.0, 0.5, 600))}
    fitted = policy.fit(scores, labels)
    assert set(fitted) == {"wakeword", "wakeword+kws", "wakeword+ftm", "wakeword+kws+ftm"}
    full = fitted["wakeword+kws+ftm"]
    assert full["weights"]["ftm"] > abs(full["weights"]["wakeword"])
    combined = policy.combine(full, scores)
    assert (combined[labels == 1] >= full["threshold"]).mean() >= 0.99
    assert (combined[labels == 0] >= full["threshold"]).mean() < 0.2
