"""General English sentences from texts Debian ships, for negative speech (false-accept testing).

The fortune databases (package `fortunes`) hold ~400k words of varied English prose, quotes and
dialogue: far more than the 10 hours of speech (~90k words at 150 words a minute) asked for.
Sentences are cleaned for speech (no markup, art or tables) and assigned to a split by a hash of
their text, so test negatives are sentences no model trained on.
"""
import hashlib
import pathlib
import re

FORTUNE_DIR = pathlib.Path("/usr/share/games/fortunes")
# pictures and non-English or table-like collections
SKIPPED_FORTUNES = {"art", "ascii-art", "translate-me", "definitions"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
_ALLOWED = re.compile(r"^[A-Za-z0-9 ,.;:!?'\"()\-]+$")
MIN_WORDS, MAX_WORDS = 4, 30


def fortune_files(directory=FORTUNE_DIR):
    return sorted(p for p in directory.iterdir()
                  if p.is_file() and not p.is_symlink() and not p.suffix and p.name not in SKIPPED_FORTUNES)


def fortune_sentences(directory=FORTUNE_DIR):
    """Cleaned sentences in file order, without duplicates."""
    seen, sentences = set(), []
    for path in fortune_files(directory):
        for entry in path.read_text(encoding="latin-1").split("\n%\n"):
            for sentence in _sentences(entry):
                key = sentence.lower()
                if key not in seen:
                    seen.add(key)
                    sentences.append(sentence)
    return sentences


def _sentences(entry):
    lines = [line.strip() for line in entry.splitlines()]
    # attributions ("-- Mark Twain") are not prose
    text = " ".join(line for line in lines if line and not line.startswith("--"))
    text = re.sub(r"\s+", " ", text).strip()
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip(" \"'")
        words = sentence.split()
        if (MIN_WORDS <= len(words) <= MAX_WORDS and _ALLOWED.match(sentence)
                and sum(c.isupper() for c in sentence) < 0.3 * sum(c.isalpha() for c in sentence)):
            yield sentence


def text_split(text, salt="wakestream-text-split-v1"):
    """train (80 %), val (10 %) or test (10 %) for a sentence, by a salted hash of its lowercase form."""
    bucket = int(hashlib.sha256(f"{salt}:{text.lower()}".encode()).hexdigest(), 16) % 100
    return "train" if bucket < 80 else "val" if bucket < 90 else "test"


def contains_phrase(text, phrase):
    """Whether the phrase's words occur in order and adjacent in text (case and punctuation ignored)."""
    words = re.findall(r"[a-z']+", text.lower())
    target = re.findall(r"[a-z']+", phrase.lower())
    return any(words[i:i + len(target)] == target for i in range(len(words) - len(target) + 1))
