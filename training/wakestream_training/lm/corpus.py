"""The language model's text: what users of a voice trigger say, split as the toolkit's corpora split it.

Three sources, each normalised to lexicon words (phonetic.normalize, the Java TextNormalizer's rules):

- requests: every text of the toolkit's request templates (text.requests.request_texts);
- wake forms: the shapes text.wake.positive_utterances gives the wake phrase (alone, before a request, after a
  filler with or without a request; its pauses and capitalised spellings normalise to the same words), with
  the form weights of positive_utterances (alone 0.3 + inner pause 0.08, request 0.3 + pause 0.17, filler 0.15);
  every request of the split follows the wake phrase once, the other forms are counted from that;
- general English: the toolkit's general text pool (text.general.fortune_sentences).

Every text goes to the split general.text_split gives it (80 % train, 10 % val, 10 % test by a salted hash of
the text, the rule the corpora use for requests and sentences), so the test split's requests and sentences,
the ones the acoustic test clips say, are never trained on. Wake forms take their split from their request.
"""
import collections
import pathlib
import random

from ..phonetic import normalize
from ..phonetic.phones import REPO
from ..text import general, requests, wake

DEFAULT_LEXICON = REPO / "models/g2p/1.0.0/lexicon.txt"
DEFAULT_PHRASE = "hey jarvis"
SPLITS = ("train", "val", "test")
# positive_utterances' form weights, grouped by the words a form says
FORM_WEIGHTS = {"request": 0.3 + 0.17, "alone": 0.3 + 0.08, "filler": 0.15}


def read_lexicon(path=DEFAULT_LEXICON):
    """{word: [phones tuple, ...]} of a lexicon file (the G2P model's lexicon.txt: CMUdict, stress removed)."""
    entries = {}
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";;;"):
            continue
        word, *phones = line.split()
        entries.setdefault(word, []).append(tuple(phones))
    return entries


def wake_forms(phrase, request_list, seed):
    """Wake-phrase texts for a split's requests: (form, text) in a fixed order."""
    rng = random.Random(seed)
    forms = [("request", f"{phrase} {r}") for r in request_list]
    alone = round(len(request_list) * FORM_WEIGHTS["alone"] / FORM_WEIGHTS["request"])
    forms += [("alone", phrase)] * alone
    fillers = round(len(request_list) * FORM_WEIGHTS["filler"] / FORM_WEIGHTS["request"])
    for i in range(fillers):
        filler = wake.FILLERS[rng.randrange(len(wake.FILLERS))]
        text = f"{filler} {phrase}"
        if request_list and rng.random() < 0.5:
            text += " " + request_list[rng.randrange(len(request_list))]
        forms.append(("filler", text))
    return forms


def texts(phrase=DEFAULT_PHRASE, seed=1):
    """{split: {source: [raw text, ...]}} for the sources general, requests and wake."""
    result = {split: {"general": [], "requests": [], "wake": []} for split in SPLITS}
    for sentence in general.fortune_sentences():
        result[general.text_split(sentence)]["general"].append(sentence)
    for request in requests.request_texts():
        result[general.text_split(request)]["requests"].append(request)
    for split in SPLITS:
        result[split]["wake"] = [text for _, text in wake_forms(phrase, result[split]["requests"], seed)]
    return result


def normalised(text_list):
    """Each text's words; texts without words left out."""
    return [words for words in map(normalize.words, text_list) if words]


def vocabulary(sentences, lexicon):
    """(vocabulary, left_out): the words of the sentences that have a pronunciation, and a Counter of those
    that have none (left out of the vocabulary, so they become <unk>)."""
    counts = collections.Counter(w for words in sentences for w in words)
    known = sorted(w for w in counts if w in lexicon)
    left_out = collections.Counter({w: c for w, c in counts.items() if w not in lexicon})
    return known, left_out


def map_unknown(sentences, words, unk):
    return [[w if w in words else unk for w in sentence] for sentence in sentences]
