import numpy as np

from wakestream_training.text import cmudict, general, requests, wake


def test_edit_distance():
    assert cmudict.edit_distance(("HH", "EY"), ("HH", "EY")) == 0
    assert cmudict.edit_distance(("HH", "EY"), ("B", "EY")) == 1
    assert cmudict.edit_distance(("JH", "AA", "R", "V", "AH", "S"), ("HH", "AA", "R", "V", "AH", "S", "T")) == 2
    assert cmudict.edit_distance(("A",) * 3, ("B",) * 9, limit=2) == 3


def test_confusables_are_near_but_never_the_phrase_or_a_homophone():
    phrase = "hey jarvis"
    target = cmudict.pronounce(phrase)
    found = wake.confusable_phrases(phrase)
    texts = [t for _, t in found]
    assert len(found) > 50 and phrase not in texts and "hay jarvis" not in texts
    for distance, text in found:
        assert 1 <= distance <= 3
        assert cmudict.edit_distance(cmudict.pronounce(text), target) == distance
    assert any(t.endswith(" jarvis") for t in texts) and any(t.startswith("hey ") for t in texts)


def test_words_cmudict_lacks_are_pronounced_by_flite_and_get_confusables():
    assert "wakestream" not in cmudict.load()
    phones = cmudict.pronounce("hey wakestream")
    assert phones[:2] == ("HH", "EY") and {"W", "K", "S", "T", "R", "M"} <= set(phones)
    found = wake.confusable_phrases("hey wakestream")
    assert found and all(1 <= d <= 3 for d, _ in found)


def test_partials_hold_part_of_the_phrase_but_never_all_of_it():
    partials = wake.partial_phrases("hey jarvis")
    assert "hey" in partials and "jarvis" in partials
    assert not any(general.contains_phrase(p, "hey jarvis") for p in partials)


def test_positive_forms_all_contain_the_phrase_and_cover_every_form():
    utterances = wake.positive_utterances("hey jarvis", np.random.default_rng(0), 200)
    assert {form for form, _ in utterances} == {"alone", "request", "filler", "pause", "inner_pause"}
    for form, parts in utterances:
        words = " ".join(p for p in parts if isinstance(p, str))
        assert general.contains_phrase(words, "hey jarvis"), (form, parts)
        if form in ("pause", "inner_pause"):
            assert any(isinstance(p, float) and p > 0 for p in parts)


def test_general_text_is_plentiful_clean_and_split_by_sentence():
    sentences = general.fortune_sentences()
    words = sum(len(s.split()) for s in sentences)
    assert words / 150 / 60 >= 10  # at least ten hours at 150 words a minute
    assert all(general.MIN_WORDS <= len(s.split()) <= general.MAX_WORDS for s in sentences[:2000])
    splits = {general.text_split(s) for s in sentences[:500]}
    assert splits == {"train", "val", "test"}
    assert general.text_split(sentences[0]) == general.text_split(sentences[0].upper())


def test_requests_cover_every_category_with_numbers_in_words():
    by_category = requests.requests_by_category()
    assert set(by_category) == {"timer", "weather", "music", "lights", "question", "message", "reminder"}
    assert all(len(v) >= 50 for v in by_category.values())
    assert not any(ch.isdigit() for text in requests.request_texts() for ch in text)
    assert requests.number_words(45) == "forty five" and requests.number_words(13) == "thirteen"
