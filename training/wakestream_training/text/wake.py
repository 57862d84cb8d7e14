"""Texts around a wake phrase: positives in many forms, confusable and partial negatives.

An utterance is a list of parts: text to speak, or a float (seconds of silence). Parts are
rendered one by one with the same voice and joined, which is how pauses are made on every engine.
"""
import collections
import re

from . import cmudict
from .general import contains_phrase
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


# Mentions: the whole phrase said but not to the device. {wake} is the phrase (words contiguous), {name} its
# last word (the assistant's name), {request} an assistant request (quoted form); the other slots are below.
MENTION_TEMPLATES = {
    # the phrase inside a sentence about it
    "mention": (
        "I told {wake} {when} but it didn't listen",
        "{person} keeps saying {wake} to the {appliance}",
        "is {wake} the name of {owner} {gadget}?",
        "the ad says {wake} every {number} minutes",
        "you have to say {wake} before every command on the {gadget}",
        "why does {people} say {wake} to their {gadget}?",
        "I think {wake} sounds a bit {adjective}",
        "the words {wake} are printed on the {package}",
        "do you just say {wake} to the {gadget} or something longer?",
        "{wake} is the wake word on {owner} new {gadget}",
        "how do I change {wake} to something less {adjective}?",
        "{person} keeps forgetting to say {wake} first",
        "the manual says to start with {wake}, {person} told me",
        "the kids wrote {wake} on the {surface} {when}",
        "saying {wake} all day gets {adjective}",
        "{person} typed {wake} into the search bar {when}",
        "there's a line in that {show} that goes {wake}",
        "in the {show} he says {wake} all the time",
        "can you believe {owner} {gadget} only answers to {wake}?",
        "I don't like saying {wake} out loud in the {place}",
        "{wake} is a {adjective} thing to say to a {gadget}",
        "{person} taught the parrot to say {wake} {when}",
        "the commercial on the radio said {wake} {when}",
        "does {owner} {gadget} still wake up if you say {wake} quietly?",
        "we counted how many times the {show} said {wake}",
        "the podcast host said {wake} {number} times",
        "nobody in {owner} {place} says {wake} anymore",
        "I wonder who came up with {wake} as a wake word, it's so {adjective}",
        "the sticker on the {gadget} just says {wake}",
        "{wake} was trending {when} for some reason",
        "it's not {wake}, it's okay computer, {person} says",
        "you said {wake} in your sleep {when}",
        "{person} thinks {wake} is {adjective}",
        "the {show} made everyone start saying {wake}",
    ),
    # reported speech: the phrase, often with a request, as someone said it
    "quoted": (
        "and then {subject} said {wake} {request} but nothing happened",
        "{subject} shouted {wake} {request} at the movie screen",
        "{person} was like {wake} {request} and it just ignored {object}",
        "I heard {person} say {wake} {request} {when}",
        "{subject} kept saying {wake} {request} over and over",
        "the guy in the video says {wake} {request} and it works every time",
        "so {person} goes {wake} {request} and the whole room laughed",
        "you should have heard {person} yelling {wake} {request}",
        "if you say {wake} {request} it's supposed to work",
        "the instructions say {wake} {request} but that never works",
        "remember when {person} said {wake} {request} to the {appliance}?",
        "in the commercial the actor says {wake} {request}",
        "{person} asked me why {wake} {request} doesn't work on {possessive} phone",
        "{when} {person} whispered {wake} {request} in {possessive} sleep",
        "the character on the {show} said {wake} {request} and the lights went out",
        "my phone heard the {show} say {wake} {request}",
        "I swear {subject} said {wake} {request} to the {appliance}",
        "{person} texted me {wake} {request} as a joke",
        "{subject} read it out loud, {wake} {request}, and laughed",
        "{person} tried {wake} {request} in a fake accent",
        "the demo went {wake} {request} and then it crashed",
        "{person} does this impression, {wake} {request}, all day long",
        "I said {wake} {request} to my old phone {when} and it did nothing",
        "the example in the manual is {wake} {request}",
    ),
    # talking about someone or something called by the name, with the greeting
    "named": (
        "{wake} is what I call my {pet}",
        "say {wake} to {person} for me",
        "{wake} is how we greet uncle {name} {when}",
        "tell {person} I said {wake}",
        "I said {wake} to {name} at the {event} but he didn't hear me",
        "our new {pet} is called {name}, so we say {wake} to him every morning",
        "go say {wake} to your cousin {name} at the {event}",
        "{wake} was the first thing {person} said to the new {pet}",
        "{person} waves and says {wake} every time {subject} sees him",
        "when {name} walks into the {place} everybody says {wake}",
        "you can say {wake} to the {pet} but he won't answer",
        "the kids yelled {wake} when {name} came home {when}",
        "{name} from work says {wake} back to me every morning",
        "my {pet} only comes when I say {wake}",
        "{person} named the {pet} {name}, so now it's {wake} all day",
        "the sign on {owner} door says {wake}, welcome home",
        "did you say {wake} to the new neighbour {when}?",
        "I'll say {wake} to {name} for you at the {event}",
        "we greet the robot at the museum with {wake}",
        "{wake} is what {people} says to the garden gnome",
    ),
}
MENTION_FORMS = (("mention", 0.4), ("quoted", 0.35), ("named", 0.25))
# a lead-in said before some mentions (empty most of the time)
MENTION_LEADS = ("", "", "", "", "", "so ", "oh and ", "by the way, ", "okay so ", "honestly, ", "wait, ", "and ",
                 "well, ", "oh, ", "also ")
MENTION_SLOTS = {
    "when": ("yesterday", "last night", "this morning", "on monday", "at dinner", "earlier today", "twice",
             "all the time", "last week", "on the bus", "an hour ago", "on friday", "at breakfast"),
    "person": ("my brother", "my sister", "my dad", "my mom", "grandpa", "my roommate", "the neighbour",
               "my friend", "our teacher", "my cousin", "the kid next door", "my boss", "alice", "david",
               "my wife", "my husband", "emma", "the new guy at work", "my grandmother", "our babysitter"),
    "people": ("everyone", "everybody at work", "the whole family", "my little brother", "every kid",
               "half the office", "nobody", "my uncle"),
    "owner": ("your", "my", "their", "our", "the", "his", "her"),
    "gadget": ("speaker", "phone", "smart speaker", "robot", "car", "laptop", "watch", "tablet", "tv remote",
               "thermostat", "headphones", "doorbell"),
    "appliance": ("tv", "radio", "fridge", "toaster", "microwave", "computer", "television", "speaker",
                  "dishwasher", "oven"),
    "surface": ("whiteboard", "fridge", "wall", "birthday card", "window", "chalkboard", "mirror", "box"),
    "package": ("box", "manual", "remote", "charger", "receipt", "website", "poster"),
    "adjective": ("silly", "weird", "cheesy", "old fashioned", "cool", "awkward", "robotic", "annoying",
                  "funny", "clever", "strange", "embarrassing"),
    "show": ("movie", "show", "cartoon", "ad", "trailer", "video game", "podcast", "sitcom"),
    "place": ("office", "house", "kitchen", "classroom", "car", "library", "meeting"),
    "event": ("party", "wedding", "barbecue", "game", "meeting", "reunion", "school play"),
    "number": ("two", "five", "ten", "fifteen", "twenty", "three"),
    "pet": ("dog", "cat", "parrot", "goldfish", "hamster", "turtle", "old car", "bike", "robot vacuum", "horse",
            "puppy", "kitten", "rabbit"),
}
PRONOUNS = (("she", "her", "her"), ("he", "him", "his"), ("they", "them", "their"))


def mention_utterances(phrase, rng, count, requests=None):
    """`count` utterances that say the whole phrase but not to the device: about it (mention), reported
    with a request (quoted), greeting someone or something of that name (named).

    Returns [(form, parts)] like positive_utterances (one text part each); `requests` is the pool the
    quoted form draws from (default: every request). The phrase's words stay contiguous, without a comma.
    """
    requests = request_texts() if requests is None else requests
    words = phrase_words(phrase)
    names, weights = zip(*MENTION_FORMS)
    utterances = []
    for index in rng.choice(len(names), size=count, p=weights):
        form = names[index]
        templates = MENTION_TEMPLATES[form]
        template = templates[int(rng.integers(len(templates)))]
        subject, object_, possessive = PRONOUNS[int(rng.integers(len(PRONOUNS)))]
        slots = {name: values[int(rng.integers(len(values)))] for name, values in sorted(MENTION_SLOTS.items())}
        slots.update(subject=subject, object=object_, possessive=possessive, name=words[-1].capitalize(),
                     request=requests[int(rng.integers(len(requests)))])
        spoken = " ".join(words) if rng.random() < 0.5 else " ".join(w.capitalize() for w in words)
        text = MENTION_LEADS[int(rng.integers(len(MENTION_LEADS)))] + template.format(wake=spoken, **slots)
        utterances.append((form, [text[0].upper() + text[1:]]))
    return utterances


# Run-time phrases (evaluation of open-vocabulary spotting): the phrase alone or followed by a short request.
SPOTTING_FORMS = (("alone", 0.4), ("request", 0.4), ("pause", 0.2))
SHORT_REQUEST_WORDS = 8


def spotting_utterances(phrase, rng, count, requests):
    """`count` utterances of a phrase typed at run time, said to the device: alone (`computer.`), before a
    request (`Computer, set a timer for ten minutes`) or before one after a pause.

    Returns [(form, parts)] like positive_utterances; requests of more than SHORT_REQUEST_WORDS words, or
    that say the phrase, are not drawn from `requests`. Raises ValueError when none is left.
    """
    pool = [r for r in requests if len(r.split()) <= SHORT_REQUEST_WORDS and not contains_phrase(r, phrase)]
    if not pool:
        raise ValueError(f"no short request without {phrase!r} among {len(requests)} requests")
    spoken = _written_forms(phrase)
    names, weights = zip(*SPOTTING_FORMS)
    utterances = []
    for index in rng.choice(len(names), size=count, p=weights):
        form = names[index]
        said = spoken[int(rng.integers(len(spoken)))]
        request = pool[int(rng.integers(len(pool)))]
        if form == "alone":
            parts = [said + rng.choice([".", "!", "?", ""])]
        elif form == "request":
            parts = [f"{said}, {request}"]
        else:
            parts = [said + ".", round(float(rng.uniform(0.3, 1.2)), 2), request]
        utterances.append((str(form), parts))
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
