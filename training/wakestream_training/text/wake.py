"""Texts around a wake phrase: positives in many forms, confusable and partial negatives.

An utterance is a list of parts: text to speak, or a float (seconds of silence). Parts are
rendered one by one with the same voice and joined, which is how pauses are made on every engine.
"""
import collections
import re

from . import cmudict
from .requests import request_texts

FILLERS = ("um", "uh", "so", "okay", "well", "oh", "hmm", "right", "and", "yeah", "alright", "listen")
CARRIER_BEFORE = ("I said", "she told me", "he was like", "we heard", "they call him", "just say", "you know")
CARRIER_AFTER = ("is here", "again", "was late", "did it", "and the rest", "right now", "over there")
OTHER_ASSISTANT_NAMES = ("siri", "google", "alexa", "computer", "travis", "marvin", "charles", "mavis")


def phrase_words(phrase):
    return re.findall(r"[a-z']+", phrase.lower())


def positive_utterances(phrase, rng, count):
    """`count` utterances that contain the wake phrase: alone, before a request, after a filler, with pauses.

    Returns [(form, parts)] where form names the shape (alone, request, filler, pause, inner_pause).
    """
    requests = request_texts()
    spoken = _written_forms(phrase)
    forms = (("alone", 0.3), ("request", 0.3), ("filler", 0.15), ("pause", 0.17), ("inner_pause", 0.08))
    names, weights = zip(*forms)
    chosen = rng.choice(len(names), size=count, p=weights)
    utterances = []
    for index in chosen:
        form = names[index]
        wake = spoken[rng.integers(len(spoken))]
        request = requests[rng.integers(len(requests))]
        if form == "alone":
            parts = [wake + rng.choice([".", "!", "?", ""])]
        elif form == "request":
            parts = [f"{wake}, {request}"]
        elif form == "filler":
            parts = [f"{FILLERS[rng.integers(len(FILLERS))]}, {wake}" + (f", {request}" if rng.random() < 0.5 else ".")]
        elif form == "pause":
            parts = [wake + ".", round(float(rng.uniform(0.3, 1.2)), 2), request]
        else:
            words = phrase_words(phrase)
            cut = int(rng.integers(1, len(words))) if len(words) > 1 else 1
            parts = [" ".join(words[:cut]), round(float(rng.uniform(0.1, 0.35)), 2), " ".join(words[cut:]) or words[-1]]
        utterances.append((form, parts))
    return utterances


def _written_forms(phrase):
    words = phrase_words(phrase)
    title = " ".join(w.capitalize() for w in words)
    forms = {phrase.lower(), title}
    if len(words) > 1:
        forms.add(words[0].capitalize() + ", " + " ".join(w.capitalize() for w in words[1:]))
    return sorted(forms)


def confusable_phrases(phrase, word_counts=None, per_word=40, max_distance=3):
    """Phrases a few phoneme edits from the wake phrase, most frequent words first.

    Each word of the phrase is replaced by CMUdict words within ~a third of its length in edits;
    homophones of the whole phrase (distance 0) are excluded, since they *are* the wake phrase.
    Returns [(distance, text)] sorted by distance then text.
    """
    dictionary = cmudict.load()
    words = phrase_words(phrase)
    target = cmudict.pronounce(phrase, dictionary)
    word_counts = word_counts or collections.Counter()
    alternatives = []
    for word in words:
        phones = cmudict.pronounce(word, dictionary)
        limit = max(1, len(phones) // 3)
        near = cmudict.words_near(phones, limit, dictionary)
        near.sort(key=lambda item: (item[0], -word_counts[item[1]], item[1]))
        alternatives.append([w for _, w in near[:per_word]])
    found = {}
    for position, options in enumerate(alternatives):
        for option in options:
            candidate = words[:position] + [option] + words[position + 1:]
            _add_if_near(found, candidate, target, dictionary, max_distance)
    if len(words) > 1:
        for first in alternatives[0][:12]:
            for last in alternatives[-1][:12]:
                _add_if_near(found, [first] + words[1:-1] + [last], target, dictionary, max_distance)
    return sorted((d, text) for text, d in found.items())


def _add_if_near(found, candidate, target, dictionary, max_distance):
    text = " ".join(candidate)
    distance = cmudict.edit_distance(cmudict.pronounce(text, dictionary), target, max_distance)
    if 0 < distance <= max_distance:
        found[text] = distance


def partial_phrases(phrase):
    """Texts with part of the wake phrase but never all of it: each proper sub-sequence of its words
    alone and in carrier sentences, and the leading words with another assistant's name."""
    words = phrase_words(phrase)
    parts = sorted({" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
                    if j - i < len(words)})
    texts = set(parts)
    for part in parts:
        texts.update(f"{before} {part}" for before in CARRIER_BEFORE)
        texts.update(f"{part} {after}" for after in CARRIER_AFTER)
    if len(words) > 1:
        texts.update(f"{' '.join(words[:-1])} {name}" for name in OTHER_ASSISTANT_NAMES if name != words[-1])
    return sorted(texts)
