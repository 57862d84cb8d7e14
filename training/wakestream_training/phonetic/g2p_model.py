"""The G2P network: a bidirectional LSTM over a word's letters with a CTC phone output.

Each letter's LSTM state is projected to `upsample` output frames, so a word of T letters yields
upsample * T frames of phone log-probabilities (index 0 the CTC blank): room for a letter that says
several phones ("x" -> K S) without repeating the input. Greedy decoding (best frame per step,
repeats merged, blanks dropped) is all a runtime needs, so the Java side runs one graph and one loop.

Graph: `letters` [batch, letters] float32 grapheme ids (1 + position in GRAPHEMES; 0 is padding and
never seen in a batch of one word) -> `log_probs` [batch, upsample * letters, phones] float32.
Letter ids are floats because the project's ONNX wrapper feeds float tensors; the graph casts them.
"""
import dataclasses

import torch
from torch import nn

from . import phones

GRAPHEMES = "'abcdefghijklmnopqrstuvwxyz"
INPUT_NAME = "letters"
OUTPUT_NAME = "log_probs"
OPSET = 13


@dataclasses.dataclass(frozen=True)
class G2pConfig:
    embedding: int = 64
    hidden: int = 128
    layers: int = 3
    upsample: int = 3
    dropout: float = 0.1


class G2pNet(nn.Module):
    def __init__(self, config=G2pConfig()):
        super().__init__()
        self.config = config
        self.embed = nn.Embedding(len(GRAPHEMES) + 1, config.embedding, padding_idx=0)
        self.lstm = nn.LSTM(config.embedding, config.hidden, num_layers=config.layers, bidirectional=True,
                            batch_first=True, dropout=config.dropout if config.layers > 1 else 0.0)
        self.out = nn.Linear(2 * config.hidden, config.upsample * len(phones.PHONES))

    def forward(self, letters):
        """letters [batch, letters] (float or integer ids) -> log_probs [batch, upsample * letters, phones]."""
        states, _ = self.lstm(self.embed(letters.long()))
        logits = self.out(states).reshape(letters.shape[0], -1, len(phones.PHONES))
        return torch.log_softmax(logits, dim=-1)


def encode(word):
    """Grapheme ids of a normalised word; ValueError names a character outside GRAPHEMES."""
    try:
        return [GRAPHEMES.index(c) + 1 for c in word]
    except ValueError:
        raise ValueError(f"{word!r} has a character outside {GRAPHEMES!r}; normalise it first") from None


def greedy(log_probs):
    """Phone indices of one word from its [frames, phones] log-probabilities: best path, repeats merged, blanks dropped."""
    best = log_probs.argmax(dim=-1).tolist()
    return [p for i, p in enumerate(best) if p != phones.BLANK and (i == 0 or p != best[i - 1])]


@torch.no_grad()
def pronounce(model, words):
    """[(phones tuple, best-path log-probability)] for each word, one word at a time as Java runs them."""
    model.eval()
    result = []
    for word in words:
        log_probs = model(torch.tensor([encode(word)], dtype=torch.float32))[0]
        result.append((tuple(phones.symbols(greedy(log_probs))), float(log_probs.max(dim=-1).values.sum())))
    return result


def export_onnx(model, path):
    """Writes the graph with dynamic batch and letter axes; returns the manifest's inputs and outputs."""
    model = model.eval()
    example = torch.tensor([encode("example")], dtype=torch.float32)
    torch.onnx.export(model, example, str(path), input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
                      dynamic_axes={INPUT_NAME: {0: "batch", 1: "letters"}, OUTPUT_NAME: {0: "batch", 1: "frames"}},
                      opset_version=OPSET, do_constant_folding=True)
    inputs = [{"name": INPUT_NAME, "dtype": "float32", "shape": [-1, -1]}]
    outputs = [{"name": OUTPUT_NAME, "dtype": "float32", "shape": [-1, -1, len(phones.PHONES)]}]
    return inputs, outputs
