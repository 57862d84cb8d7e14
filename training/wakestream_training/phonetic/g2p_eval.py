"""Phone and word error rates of G2P output against CMUdict.

A word is scored against the closest of its CMUdict pronunciations (the usual practice since
Bisani & Ney's joint-sequence models): PER = edits / phones of those closest references, WER = the
share of words whose output is none of their pronunciations.
"""
import collections

import torch

from ..text.cmudict import edit_distance
from . import g2p_model, phones


def error_rates(predicted, references):
    """{"per", "wer", "words", "phones"} of {word: phones tuple} against {word: [phones tuple, ...]}."""
    edits = reference_phones = wrong_words = 0
    for word, hypothesis in predicted.items():
        distance, reference = min((edit_distance(hypothesis, ref), ref) for ref in references[word])
        edits += distance
        reference_phones += len(reference)
        wrong_words += distance > 0
    return {"per": edits / reference_phones, "wer": wrong_words / len(predicted), "words": len(predicted),
            "phones": reference_phones}


@torch.no_grad()
def predict(model, words, batch_size=512):
    """{word: phones tuple} by greedy decoding, words of one length batched together (no padding)."""
    model.eval()
    by_length = collections.defaultdict(list)
    for word in words:
        by_length[len(word)].append(word)
    predicted = {}
    for group in by_length.values():
        for start in range(0, len(group), batch_size):
            batch = group[start:start + batch_size]
            log_probs = model(torch.tensor([g2p_model.encode(w) for w in batch], dtype=torch.float32))
            for word, word_log_probs in zip(batch, log_probs):
                predicted[word] = tuple(phones.symbols(g2p_model.greedy(word_log_probs)))
    return predicted
