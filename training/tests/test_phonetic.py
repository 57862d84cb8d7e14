"""The text side of the phonetic models: phone set, normalisation, lexicon, the G2P network and its model."""
import hashlib
import json

import onnx
import pytest
import torch

from wakestream_training.phonetic import g2p_eval, g2p_model, g2p_train, lexicon, normalize, phones

NORMALIZATION_CASES = phones.REPO / "common/src/test/resources/phonetic/normalization.tsv"
SHIPPED = phones.REPO / "models/g2p/1.0.0"


def test_phone_set_is_the_blank_then_cmudicts_39_phones():
    assert len(phones.PHONES) == 40 and phones.PHONES[phones.BLANK] == "<blank>"
    assert phones.PHONES[1] == "AA" and phones.PHONES[-1] == "ZH"
    assert phones.symbols(phones.indices(["HH", "EY"])) == ["HH", "EY"]
    with pytest.raises(KeyError, match="AH0"):
        phones.index("AH0")
    used = {p for prons in lexicon.entries().values() for pron in prons for p in pron}
    assert used == set(phones.PHONES[1:])


def normalization_cases():
    for line in NORMALIZATION_CASES.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            text, expected = line.split("\t")
            yield text, expected.split()


@pytest.mark.parametrize("text, expected", list(normalization_cases()))
def test_normalisation_matches_the_cases_java_passes(text, expected):
    assert normalize.words(text) == expected


def test_lexicon_holds_normalised_words_and_a_fixed_held_out_split():
    entries = lexicon.entries()
    assert ("JH", "AA", "R", "V", "IH", "S") in entries["jarvis"]
    assert "a.m." not in entries and "able-bodied" not in entries and "what's" in entries
    splits = [lexicon.split(w) for w in entries]
    assert 0.045 < splits.count("test") / len(splits) < 0.055
    assert lexicon.split("jarvis") == lexicon.split("jarvis")


def test_lexicon_file_carries_the_cmudict_notice_and_every_pronunciation(tmp_path):
    path = tmp_path / "lexicon.txt"
    jarvis = [("JH", "AA", "R", "V", "AH", "S"), ("JH", "AA", "R", "V", "IH", "S")]
    lexicon.write(path, {"read": [("R", "IY", "D"), ("R", "EH", "D")], "a": [("AH",)], "jarvis": jarvis})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert any("Carnegie Mellon University" in line for line in lines if line.startswith(";;;"))
    assert [line for line in lines if not line.startswith(";;;")] == [
        "a AH", "jarvis JH AA R V IH S", "jarvis JH AA R V AH S", "read R IY D", "read R EH D"]


def test_network_gives_upsample_frames_per_letter_of_log_probabilities():
    model = g2p_model.G2pNet(g2p_model.G2pConfig(embedding=8, hidden=8, layers=2, upsample=3)).eval()
    letters = torch.tensor([g2p_model.encode("hey"), g2p_model.encode("you")], dtype=torch.float32)
    log_probs = model(letters)
    assert log_probs.shape == (2, 9, len(phones.PHONES))
    assert torch.allclose(log_probs.exp().sum(-1), torch.ones(2, 9))
    with pytest.raises(ValueError, match="normalise"):
        g2p_model.encode("Hey")


def test_greedy_decoding_merges_repeats_and_drops_blanks():
    path = [0, phones.index("HH"), phones.index("HH"), 0, phones.index("EY"), 0, phones.index("EY")]
    log_probs = torch.nn.functional.one_hot(torch.tensor(path), len(phones.PHONES)).float().log()
    assert phones.symbols(g2p_model.greedy(log_probs)) == ["HH", "EY", "EY"]


def test_ctc_feasibility_counts_the_blanks_repeats_need():
    assert g2p_train.feasible("x", ("EH", "K", "S"), upsample=3)
    assert not g2p_train.feasible("w", ("D", "AH", "B", "AH", "L", "Y", "UW"), upsample=3)
    assert not g2p_train.feasible("aa", ("AA", "AA", "AA"), upsample=2)


def test_error_rates_score_against_the_closest_pronunciation():
    references = {"read": [("R", "IY", "D"), ("R", "EH", "D")], "cat": [("K", "AE", "T")]}
    rates = g2p_eval.error_rates({"read": ("R", "EH", "D"), "cat": ("K", "AH")}, references)
    assert rates == {"per": 2 / 6, "wer": 0.5, "words": 2, "phones": 6}


def test_export_declares_the_graph_java_runs(tmp_path):
    model = g2p_model.G2pNet(g2p_model.G2pConfig(embedding=8, hidden=8, layers=1))
    inputs, outputs = g2p_model.export_onnx(model, tmp_path / "model.onnx")
    graph = onnx.load(str(tmp_path / "model.onnx")).graph
    assert [i.name for i in graph.input] == [i["name"] for i in inputs] == ["letters"]
    assert [o.name for o in graph.output] == [o["name"] for o in outputs] == ["log_probs"]
    assert outputs[0]["shape"] == [-1, -1, 40]


def test_shipped_model_matches_its_manifest_and_meets_the_target():
    manifest = json.loads((SHIPPED / "manifest.json").read_text())
    for file in manifest["files"].values():
        assert hashlib.sha256((SHIPPED / file["path"]).read_bytes()).hexdigest() == file["sha256"]
    assert manifest["task"] == "g2p" and manifest["phones"] == phones.PHONES
    assert manifest["architecture"]["graphemes"] == g2p_model.GRAPHEMES
    assert manifest["evaluation"]["held_out_per"] <= 0.08
