"""The n-gram language model: Kneser-Ney counts and probabilities, ARPA files, the shipped model."""
import json
import math

import pytest

from wakestream_training.lm import arpa, corpus
from wakestream_training.lm.kneser_ney import (BOS, EOS, UNK, KneserNey, adjusted_counts, backoff_prob,
                                               backoff_weights, discounts, raw_counts)
from wakestream_training.phonetic.phones import REPO
from wakestream_training.text import general

TOY = [["a", "b", "c"], ["b", "c"], ["a", "c"]]
SHIPPED = REPO / "models/lm-requests/1.0.0"


def small_corpus():
    sentences = [s.split() for s in ("set a timer for ten minutes", "set an alarm for seven a m", "play some jazz",
                                     "play some jazz in the kitchen", "turn on the lights in the kitchen",
                                     "turn off the kitchen lights", "what's the weather like in paris",
                                     "what's the weather tomorrow", "hey jarvis play some jazz", "hey jarvis",
                                     "hey jarvis set a timer for five minutes", "the cat sat on the mat",
                                     "the dog sat on the cat", "a timer for the cat")]
    return sentences


def test_kn_continuation_counts_on_a_toy_corpus_by_hand():
    raw = raw_counts(TOY, 3)
    assert raw[1][("b", "c")] == 2 and raw[1][("c", EOS)] == 3 and raw[2][("b", "c", EOS)] == 2
    adjusted = adjusted_counts(raw)
    # trigrams keep raw counts
    assert adjusted[2][("b", "c", EOS)] == 2
    # bigrams: distinct left words, except those starting with <s> (raw counts)
    assert adjusted[1] == {(BOS, "a"): 2, ("a", "b"): 1, ("b", "c"): 2, ("c", EOS): 2, (BOS, "b"): 1, ("a", "c"): 1}
    # unigrams: a follows only <s>; b follows a and <s>; c follows a and b; </s> follows c; <s> keeps its raw count
    assert adjusted[0] == {(BOS,): 3, ("a",): 1, ("b",): 2, ("c",): 2, (EOS,): 1}


def test_kn_probabilities_on_a_toy_corpus_by_hand():
    model = KneserNey(TOY, order=2, fixed_discounts=(0.5, 0.5, 0.5))
    assert model.vocabulary == [EOS, UNK, "a", "b", "c"]
    # unigrams: a(w) = 1, 2, 2, 1 over a, b, c, </s> (T = 6), gamma = 0.5 * 4 / 6, uniform over 5 words
    assert model.prob("c") == pytest.approx(1.5 / 6 + (2 / 6) / 5)
    assert model.prob(UNK) == pytest.approx((2 / 6) / 5)
    # after "a": b and c once each (T = 2), gamma = 0.5 * 2 / 2
    assert model.prob("c", ["a"]) == pytest.approx(0.5 / 2 + 0.5 * (1.5 / 6 + (2 / 6) / 5))
    # an unseen history backs off entirely
    assert model.prob("c", [EOS]) == pytest.approx(model.prob("c"))


def test_modified_kn_discounts_follow_chen_and_goodman():
    counts = {("x%d" % i,): c for i, c in enumerate([1] * 10 + [2] * 5 + [3] * 3 + [4] * 2 + [7])}
    y = 10 / (10 + 2 * 5)
    assert discounts(counts) == pytest.approx((1 - 2 * y * 5 / 10, 2 - 3 * y * 3 / 5, 3 - 4 * y * 2 / 3))
    assert discounts({("a",): 1}) == (0.5, 1.0, 1.5)


@pytest.mark.parametrize("order", [2, 3, 4])
@pytest.mark.parametrize("history", [(), (BOS,), ("hey",), ("hey", "jarvis"), ("in", "the"), ("the", "cat"),
                                     ("zebra", "the"), (BOS, "play", "some")])
def test_probabilities_sum_to_one_over_the_vocabulary(order, history):
    model = KneserNey(small_corpus(), order=order)
    assert sum(model.prob(w, history) for w in model.vocabulary) == pytest.approx(1.0, abs=1e-12)
    for prune in (False, True):
        listed = model.listed(prune_singletons=prune)
        bows = backoff_weights(listed)
        cut = tuple(history)[-(order - 1):]
        total = sum(backoff_prob(listed, bows, w, cut) for w in model.vocabulary)
        assert total == pytest.approx(1.0, abs=1e-12), (prune, history)


def test_the_unpruned_back_off_form_equals_the_interpolated_model():
    model = KneserNey(small_corpus(), order=3)
    listed = model.listed()
    bows = backoff_weights(listed)
    for history in [(BOS,), ("hey", "jarvis"), ("in", "the"), ("zebra", "sat")]:
        for word in model.vocabulary:
            assert backoff_prob(listed, bows, word, history) == pytest.approx(model.prob(word, history), rel=1e-9)


def test_arpa_round_trip(tmp_path):
    model = KneserNey(small_corpus(), order=3)
    listed = model.listed(prune_singletons=True)
    bows = backoff_weights(listed)
    path = tmp_path / "lm.arpa"
    arpa.write(path, listed, bows)
    text = path.read_text()
    assert text.startswith("\\data\\\nngram 1=") and text.rstrip().endswith("\\end\\")
    read = arpa.ArpaModel.read(path)
    assert read.order == 3 and read.counts() == {k + 1: len(t) for k, t in enumerate(listed)}
    assert read.entries[(BOS,)][0] == arpa.LOG10_ZERO
    for k, table in enumerate(listed):
        for gram, p in table.items():
            if gram != (BOS,):
                assert read.entries[gram][0] == pytest.approx(math.log10(p), abs=1e-6)
                bow = bows[k].get(gram, 1.0) if k < 2 else 1.0
                assert read.entries[gram][1] == pytest.approx(math.log10(bow), abs=1e-6)
    for history in [(BOS,), ("hey", "jarvis"), ("the", "cat"), ("zebra",)]:
        total = sum(10 ** read.log10_prob(w, history) for w in read.vocabulary if w != BOS)
        assert total == pytest.approx(1.0, abs=1e-4)
        for word in ("jazz", "cat", EOS):
            assert read.log10_prob(word, history) == pytest.approx(
                math.log10(backoff_prob(listed, bows, word, history[-2:])), abs=1e-5)
    # written again, the file is the same
    again = tmp_path / "again.arpa"
    arpa.write(again, listed, bows)
    assert again.read_bytes() == path.read_bytes()


def test_perplexity_counts_oovs_both_ways(tmp_path):
    model = KneserNey(corpus.map_unknown(small_corpus(), {w for s in small_corpus() for w in s}, UNK), order=3)
    listed = model.listed()
    path = tmp_path / "lm.arpa"
    arpa.write(path, listed, backoff_weights(listed))
    read = arpa.ArpaModel.read(path)
    figures = arpa.perplexity(read, [["play", "some", "zydeco"], ["hey", "jarvis"]])
    assert figures["tokens"] == 7 and figures["oov_tokens"] == 1
    by_hand = read.sentence_log10(["play", "some", "zydeco"]) + read.sentence_log10(["hey", "jarvis"])
    assert figures["with_oov"] == pytest.approx(10 ** (-by_hand / 7), rel=1e-3)
    assert figures["without_oov"] != figures["with_oov"]


def test_wake_forms_and_splits_keep_test_texts_out_of_training():
    texts = corpus.texts()
    train_requests = set(texts["train"]["requests"])
    assert all(general.text_split(r) == "train" for r in train_requests)
    assert not train_requests & set(texts["test"]["requests"])
    forms = corpus.wake_forms("hey jarvis", sorted(train_requests)[:100], seed=1)
    kinds = [kind for kind, _ in forms]
    assert kinds.count("request") == 100 and kinds.count("alone") == round(100 * 0.38 / 0.47)
    assert all(text.endswith("hey jarvis") or any(text.endswith(r) for r in train_requests)
               for _, text in forms)


@pytest.mark.skipif(not (SHIPPED / "lm.arpa").exists(), reason="no shipped language model")
def test_shipped_model_matches_its_manifest_and_fixture():
    manifest = json.loads((SHIPPED / "manifest.json").read_text())
    from wakestream_training.provenance import sha256
    assert manifest["task"] == "language-model"
    for entry in manifest["files"].values():
        assert sha256(SHIPPED / entry["path"]) == entry["sha256"]
    model = arpa.ArpaModel.read(SHIPPED / "lm.arpa")
    assert {str(k): v for k, v in model.counts().items()} == manifest["architecture"]["ngrams"]
    fixture = json.loads((SHIPPED / "samples/sentence-scores.json").read_text())["sentences"]
    assert len(fixture) >= 20
    for case in fixture:
        assert model.sentence_log10(case["sentence"].split()) == pytest.approx(case["log10_prob"], abs=1e-6)
