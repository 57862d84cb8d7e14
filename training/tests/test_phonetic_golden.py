"""The Java phonetic encoder's golden fixture: the tiny test model round-trips through ONNX, and the
committed fixture is what the committed test model gives on the committed WAV."""
import json
import math

import numpy as np
import torch

from wakestream_training import audio, frontend
from wakestream_training.phonetic import align, golden, phones

FIXTURE = golden.TEST_RESOURCES / "phonetic"
TEST_MODEL = golden.TEST_RESOURCES / "models" / "phonetic-encoder" / golden.TINY_VERSION

torch.set_num_threads(1)


def test_a_model_rebuilt_from_its_exported_graph_computes_the_same(tmp_path):
    model = golden.tiny_encoder(seed=3)
    directory = golden.write_test_model(model, tmp_path, "0.0.1")
    rebuilt, manifest = golden.encoder_from_onnx(directory)
    samples = np.random.default_rng(1).uniform(-0.3, 0.3, 8000)

    _, log_probs, embeddings = golden.whole_file_run(model, samples)
    _, rebuilt_log_probs, rebuilt_embeddings = golden.whole_file_run(rebuilt, samples)

    assert manifest["phones"] == list(phones.PHONES)
    assert manifest["frontend"]["parameters"]["n_mels"] == 80
    assert log_probs.shape == (math.ceil(frontend.frame_count(8000) / 2), 40)
    assert embeddings.shape == (log_probs.shape[0], 8)
    np.testing.assert_allclose(rebuilt_log_probs, log_probs, atol=1e-4)
    np.testing.assert_allclose(rebuilt_embeddings, embeddings, atol=1e-4)


def test_a_graph_that_keeps_its_batchnorm_nodes_is_rebuilt_too(tmp_path):
    model = golden.tiny_encoder(seed=4)
    directory = golden.write_test_model(model, tmp_path, "0.0.1")
    # What an exporter that does not fold BatchNorm writes (PRESERVE keeps the nodes of an eval model).
    torch.onnx.export(model, torch.zeros(1, 140, 80), str(directory / "model.onnx"), input_names=["features"],
                      output_names=["log_probs", "embeddings"], dynamic_axes={"features": {1: "frames"}},
                      opset_version=13, training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    samples = np.random.default_rng(2).uniform(-0.3, 0.3, 8000)

    rebuilt, _ = golden.encoder_from_onnx(directory)

    np.testing.assert_allclose(golden.whole_file_run(rebuilt, samples)[1], golden.whole_file_run(model, samples)[1],
                               atol=1e-4)


def test_the_committed_fixture_is_the_whole_file_run_of_the_committed_test_model():
    fixture = json.loads((FIXTURE / "encoder-golden.json").read_text())
    model, manifest = golden.encoder_from_onnx(TEST_MODEL)

    features, log_probs, embeddings = golden.whole_file_run(model, audio.read_wav(FIXTURE / fixture["wav"]))

    assert fixture["model"] == f"{manifest['name']}/{manifest['version']}"
    assert fixture["input_frames"] == features.shape[0]
    assert fixture["outputs"] == log_probs.shape[0] == math.ceil(features.shape[0] / 2)
    np.testing.assert_allclose(np.array(fixture["log_probs"]), log_probs, atol=1e-4)
    np.testing.assert_allclose(np.array(fixture["embeddings"]), embeddings, atol=1e-4)
    stored = np.array(fixture["log_probs"])
    assert fixture["greedy"]["phones"] == align.phone_string(align.greedy(stored))
    alignment = align.force_align(stored, [phones.index(p) for p in fixture["alignment"]["transcript"].split()])
    assert [(s["start_frame"], s["end_frame"]) for s in fixture["alignment"]["segments"]] == \
        [(s.start, s.end) for s in alignment.segments]
    assert fixture["alignment"]["score"] == alignment.score


def test_a_model_rebuilt_from_its_graph_keeps_the_normalisation_and_shared_constants(tmp_path):
    """Untrained BatchNorm gives every folded bias the same value, which the exporter shares through
    Identity nodes; the per-band normalisation is a Sub and a Mul before the first Conv."""
    import numpy as np
    import torch
    from wakestream_training.phonetic.encoder import EncoderConfig, PhoneticEncoder
    from wakestream_training.phonetic.golden import encoder_from_onnx, write_test_model

    torch.manual_seed(3)
    model = PhoneticEncoder(EncoderConfig(channels=16, embedding=8)).eval()
    rng = np.random.default_rng(3)
    model.set_normalization(rng.uniform(-8, -5, 80), rng.uniform(1, 2, 80))
    rebuilt, _ = encoder_from_onnx(write_test_model(model, root=tmp_path, version="9.9.9"))
    features = torch.randn(1, 200, 80) * 2 - 5
    for original, copy in zip(model(features), rebuilt(features)):
        assert torch.allclose(original, copy, atol=1e-5)
