"""Where the wake phrase is in a clip, from its word timings."""
import re


def _normal(word):
    return re.sub(r"[^a-z']", "", word.lower())


def keyword_span(words, phrase):
    """{"start", "end"} in seconds of the first occurrence of the phrase's words, or None.

    `words` are Timing objects; engines label words as written (`Jarvis,`), so labels are compared
    in lower case without punctuation.
    """
    target = [_normal(w) for w in phrase.split()]
    labels = [_normal(w.label) for w in words]
    for i in range(len(labels) - len(target) + 1):
        if labels[i:i + len(target)] == target:
            return {"start": words[i].start, "end": words[i + len(target) - 1].end}
    return None
