"""CMUdict pronunciations (pocketsphinx-en-us's copy) and phoneme edit distance.

Words CMUdict lacks (a product name as a wake word) are pronounced by flite's letter-to-sound
rules, whose phone set is CMUdict's in lower case with `ax` for the reduced vowel.
"""
import functools
import pathlib
import re
import subprocess

CMUDICT = pathlib.Path("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict")


@functools.lru_cache(maxsize=2)
def load(path=CMUDICT):
    """{word: [pronunciation, ...]} with stress marks removed; alternates like `word(2)` merged."""
    entries = {}
    for line in pathlib.Path(path).read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        word = parts[0].split("(", 1)[0].lower()
        phones = tuple(p.rstrip("012") for p in parts[1:] if not p.startswith("#"))
        entries.setdefault(word, [])
        if phones not in entries[word]:
            entries[word].append(phones)
    return entries


def pronounce(phrase, dictionary=None):
    """The first pronunciation of each word, concatenated (flite's for words CMUdict lacks)."""
    dictionary = dictionary or load()
    phones = []
    for word in re.findall(r"[a-z']+", phrase.lower()):
        phones.extend(dictionary[word][0] if word in dictionary else flite_pronunciation(word))
    return tuple(phones)


@functools.lru_cache(maxsize=256)
def flite_pronunciation(word):
    printed = subprocess.run(["flite", "-t", word, "none", "-ps"], capture_output=True, text=True, check=True).stdout
    return tuple("AH" if p == "ax" else p.upper() for p in printed.split() if p != "pau")


def edit_distance(a, b, limit=None):
    """Levenshtein distance between phone sequences; stops early above `limit` (returns limit + 1)."""
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, pa in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, pb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (pa != pb))
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def words_near(phones, max_distance, dictionary=None):
    """[(distance, word)] for dictionary words whose pronunciation is 1..max_distance edits from `phones`."""
    dictionary = dictionary or load()
    found = []
    for word, pronunciations in dictionary.items():
        if not re.fullmatch(r"[a-z]+", word):
            continue
        close = [p for p in pronunciations if abs(len(p) - len(phones)) <= max_distance]
        if not close:
            continue
        distance = min(edit_distance(phones, p, max_distance) for p in close)
        if 0 < distance <= max_distance:
            found.append((distance, word))
    return sorted(found)
