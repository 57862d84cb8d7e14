"""lm.wer: word edit distance, the lattice oracle DP and the sums, on tiny hand-made lattices."""
import itertools
import random

import pytest

from wakestream_training.lm import wer


def arc(source, target, word):
    return {"from": source, "to": target, "word": word, "start_ms": 0, "end_ms": 0, "am_cost": 0.0,
            "lm_cost": 0.0, "posterior": 1.0}


def linear(*labels):
    return [arc(i, i + 1, word) for i, word in enumerate(labels)]


def paths(arcs):
    """Every start-to-final word sequence of a small lattice, by enumeration (the oracle's reference)."""
    starts, finals, _ = wer.lattice_nodes(arcs)
    outgoing = {}
    for a in arcs:
        outgoing.setdefault(a["from"], []).append(a)

    def walk(node):
        if node in finals:
            yield ()
        for a in outgoing.get(node, ()):
            for rest in walk(a["to"]):
                yield wer.arc_words(a["word"]) + rest

    for start in starts:
        yield from walk(start)


@pytest.mark.parametrize("ref, hyp, counts", [
    ("a b c", "a b c", (0, 0, 0)),
    ("a b c", "a x c", (1, 0, 0)),
    ("a b c", "a c", (0, 1, 0)),
    ("a b c", "a b b c", (0, 0, 1)),
    ("a b c", "", (0, 3, 0)),
    ("", "a b", (0, 0, 2)),
    ("hey jarvis set a timer", "jarvis set the timer for", (1, 1, 1)),
])
def test_edit_counts(ref, hyp, counts):
    assert wer.edit_counts(ref.split(), hyp.split()) == counts
    assert wer.edit_distance(ref.split(), hyp.split()) == sum(counts)


def test_words_normalise_and_drop_sentence_marks_and_unk():
    assert wer.words("<s> Hey Jarvis, set a timer for 10 minutes </s>") == \
        ["hey", "jarvis", "set", "a", "timer", "for", "ten", "minutes"]
    assert wer.words("what's <unk> the 21st") == ["what's", "the", "twenty", "first"]
    assert wer.arc_words("</s>") == () and wer.arc_words("<s>") == () and wer.arc_words("<unk>") == ()
    assert wer.arc_words("jarvis") == ("jarvis",)


def test_oracle_of_a_linear_lattice_is_its_edit_distance():
    ref = "set a timer".split()
    assert wer.oracle_errors(linear("set", "a", "timer", "</s>"), ref) == 0
    assert wer.oracle_errors(linear("set", "the", "timer", "</s>"), ref) == 1
    assert wer.oracle_errors(linear("set", "timer", "</s>"), ref) == 1  # a deletion
    assert wer.oracle_errors(linear("set", "a", "a", "timer", "</s>"), ref) == 1  # an insertion
    assert wer.oracle_errors(linear("<s>", "set", "<unk>", "timer", "</s>"), ref) == 1  # <unk> is epsilon


def test_oracle_finds_the_best_branch_not_the_first():
    # 0 -set-> 1, then "the timer" (1-best, say) or "a timer", or "a time" + "r"; all join at 3, </s> to 4.
    arcs = [arc(0, 1, "set"), arc(1, 2, "the"), arc(1, 5, "a"), arc(2, 3, "timer"), arc(5, 3, "timer"),
            arc(5, 6, "time"), arc(6, 3, "r"), arc(3, 4, "</s>")]
    assert wer.oracle_errors(arcs, "set a timer".split()) == 0
    assert wer.oracle_errors(arcs, "set the time".split()) == 1
    assert wer.oracle_errors(arcs, "reset a timer now".split()) == 2


def test_oracle_of_an_empty_lattice_deletes_everything():
    assert wer.oracle_errors([], "hey jarvis".split()) == 2
    assert wer.oracle_errors(linear("</s>"), "hey jarvis".split()) == 2
    assert wer.oracle_errors(linear("hey", "</s>"), []) == 1


def test_oracle_takes_the_best_of_several_final_arcs():
    # Two </s> arcs from different times into the final node, as the decoder writes them.
    arcs = [arc(0, 1, "hey"), arc(1, 2, "jarvis"), arc(1, 3, "jarvis"), arc(3, 4, "please"),
            arc(2, 5, "</s>"), arc(4, 5, "</s>")]
    assert wer.oracle_errors(arcs, "hey jarvis".split()) == 0
    assert wer.oracle_errors(arcs, "hey jarvis please".split()) == 0
    assert wer.oracle_errors(arcs, "jarvis please".split()) == 1


def test_oracle_rejects_a_cycle():
    with pytest.raises(ValueError):
        wer.oracle_errors([arc(0, 1, "a"), arc(1, 2, "b"), arc(2, 1, "c"), arc(2, 3, "</s>")], ["a"])


def test_oracle_equals_the_best_enumerated_path_on_random_lattices():
    rng = random.Random(3)
    vocabulary = ["a", "b", "c", "</s>", "<unk>"]
    for _ in range(300):
        nodes = rng.randint(2, 7)
        arcs = [arc(i, i + 1, rng.choice(vocabulary)) for i in range(nodes - 1)]  # connected
        for _ in range(rng.randint(0, 8)):
            source, target = sorted(rng.sample(range(nodes), 2))
            arcs.append(arc(source, target, rng.choice(vocabulary)))
        ref = [rng.choice("abc") for _ in range(rng.randint(0, 5))]
        best = min(wer.edit_distance(ref, list(path)) for path in paths(arcs))
        assert wer.oracle_errors(arcs, ref) == best, (arcs, ref)


def test_oracle_is_never_above_the_one_best():
    arcs = [arc(0, 1, "hey"), arc(0, 1, "hay"), arc(1, 2, "jarvis"), arc(1, 2, "service"), arc(2, 3, "</s>")]
    ref = "hey jarvis".split()
    for one_best in itertools.product(["hey", "hay"], ["jarvis", "service"]):
        assert wer.oracle_errors(arcs, ref) <= wer.edit_distance(ref, list(one_best))


def test_tally_sums_errors_over_clips_before_dividing():
    tally = wer.Tally()
    for ref, hyp, oracle, seconds in [("a b c d", "a b c d", 0, 2.0), ("a", "b c", 1, 1.0)]:
        subs, dels, ins = wer.edit_counts(ref.split(), hyp.split())
        tally.add({"ref": ref.split(), "subs": subs, "dels": dels, "ins": ins, "errors": subs + dels + ins,
                   "oracle_errors": oracle, "arcs": 6, "word_arcs": 4, "truncated": False, "audio_s": seconds})
    summary = tally.summary()
    assert summary["one_best"]["errors"] == 2 and summary["one_best"]["wer"] == 0.4  # 2 / 5, not mean(0, 2)
    assert summary["one_best"]["substitutions"] == 1 and summary["one_best"]["insertions"] == 1
    assert summary["oracle"]["wer"] == 0.2
    assert summary["density"]["arcs_per_s"] == 4.0 and summary["density"]["word_arcs_per_s"] == 2.67
    assert summary["one_best"]["sentences_right"] == 1


def test_spread_takes_evenly_spaced_entries():
    assert wer.spread(list(range(10)), 0) == list(range(10))
    assert wer.spread(list(range(10)), 5) == [0, 2, 4, 6, 8]
    assert wer.spread(list(range(3)), 5) == [0, 1, 2]
