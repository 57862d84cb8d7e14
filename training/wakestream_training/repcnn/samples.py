"""Sample audio shipped beside a model, with the scores the Python model gives it.

The Java detector's tests read these: they check that its scores and firings equal the Python ones on
the same WAVs, that it fires on the "hey jarvis" sample only within keywords, and that it stays quiet
on plain speech. The clips come from the corpus's test split (voices, rooms and noises training never
saw), picked by a fixed rule that does not look at scores: the first clips by id in the quieter rooms
(RT60 up to 0.4 s, 15 dB SNR or more), joined with pauses: one positive per engine (hey-jarvis.wav),
general sentences and requests (speech.wav), confusable and partial phrases (confusables.wav). The scores are computed from
the exported model.onnx itself (its weights loaded back into the folded torch network), so the samples
pin the shipped file, not a training checkpoint.

cd training && python3 -m wakestream_training.repcnn.samples --model-dir ../models/wakeword-hey-jarvis/2.0.0 \\
    --corpus data/wakeword-hey-jarvis
"""
import argparse
import json
import pathlib

import numpy as np
import onnx
import onnx.numpy_helper
import torch

from wakestream_training import frontend
from wakestream_training.corpus import Corpus

from .model import FoldedRepCNN, RepCNN, RepCNNConfig
from .scoring import manifest_trigger, raw_scores

PAUSE_SECONDS = 1.0
POSITIVE_FORMS = ("alone", "request")
NEGATIVE_SAMPLES = {"speech.wav": ("general", "general", "general", "request", "request"),
                    "confusables.wav": ("confusable", "confusable", "confusable", "partial", "partial")}


def config_of(manifest):
    """The network's configuration as the manifest records it."""
    return RepCNNConfig(**{k: tuple(v) if isinstance(v, list) else v for k, v in manifest["architecture"].items()})


def load_onnx_as_torch(path, config):
    """The folded network with the weights of an exported model.onnx (initializers by parameter name)."""
    graph = onnx.load(str(path)).graph
    tensors = {init.name: torch.from_numpy(onnx.numpy_helper.to_array(init).copy()) for init in graph.initializer}
    for node in graph.node:  # the exporter shares identical initializers through Identity nodes
        if node.op_type == "Identity" and node.input[0] in tensors:
            tensors[node.output[0]] = tensors[node.input[0]]
    folded = FoldedRepCNN(RepCNN(config, "direct"))
    folded.load_state_dict({name: tensors[name] for name in folded.state_dict()})
    return folded.eval()


def quiet(entry):
    augment = entry["augment"]
    room, noise = augment.get("room"), augment.get("noise")
    return (room is None or room["rt60"] <= 0.4) and (noise is None or noise["snr_db"] >= 15.0)


def pick(corpus, split="test"):
    """{sample file: entries} by the fixed rule in the module docstring."""
    entries = [e for e in corpus.entries(split) if quiet(e)]
    positives, engines = [], set()
    for entry in entries:
        if entry["kind"] != "positive":  # music clips have no voice
            continue
        engine = entry["voices"][0].split(":")[0]
        if entry["form"] in POSITIVE_FORMS and entry.get("keyword") and engine not in engines:
            positives.append(entry)
            engines.add(engine)
    chosen = {"hey-jarvis.wav": positives}
    for name, kinds in NEGATIVE_SAMPLES.items():
        chosen[name] = []
        for kind in kinds:
            chosen[name].append(next(e for e in entries if e["kind"] == kind and e not in chosen[name]))
    return chosen


def join(corpus, entries):
    """(int16 audio of the clips with pauses between them, [start, end) sample interval of each keyword)."""
    pieces, intervals, position = [], [], 0
    pause = np.zeros(int(PAUSE_SECONDS * frontend.SAMPLE_RATE), dtype=np.int16)
    for entry in entries:
        clip = np.round(corpus.audio(entry) * 32768.0).clip(-32768, 32767).astype(np.int16)
        if entry.get("keyword"):
            keyword = entry["keyword"]
            intervals.append([position + int(keyword["start"] * frontend.SAMPLE_RATE),
                              position + int(keyword["end"] * frontend.SAMPLE_RATE)])
        pieces += [clip, pause]
        position += clip.size + pause.size
    return np.concatenate(pieces), intervals


def write_samples(model_dir, corpus_dir):
    model_dir = pathlib.Path(model_dir)
    manifest = json.loads((model_dir / "manifest.json").read_text())
    config = config_of(manifest)
    folded = load_onnx_as_torch(model_dir / "model.onnx", config)
    corpus = Corpus(corpus_dir)
    out = model_dir / "samples"
    out.mkdir(exist_ok=True)
    expected = {}
    for name, entries in pick(corpus).items():
        pcm, intervals = join(corpus, entries)
        frontend.write_wav_int16(out / name, pcm)
        ends, scores = raw_scores(folded, frontend.log_mel(frontend.int16_to_float(pcm), config.n_mels), config)
        fired = manifest_trigger(ends, scores, manifest)[1]
        expected[name] = {"clips": [e["id"] for e in entries], "texts": [e["text"] for e in entries],
                          "intervals": intervals, "end_samples": ends.tolist(),
                          "scores": [round(float(s), 6) for s in scores],
                          "firings": ends[fired].tolist()}
    description = {"positive": "hey-jarvis.wav", "speech": "speech.wav", "confusables": "confusables.wav",
                   "voices": "test split of " + corpus.directory.name + " (never in training or threshold selection)",
                   "score_kind": "raw window scores (before smoothing) at each window's end sample; firings: end samples "
                                 "where the manifest's trigger policy fires", "scores": expected}
    (out / "scores.json").write_text(json.dumps(description) + "\n")
    return description


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", required=True)
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()
    torch.set_num_threads(2)
    description = write_samples(args.model_dir, args.corpus)
    for name, values in description["scores"].items():
        print(name, "max score", max(values["scores"]), "firings", values["firings"])


if __name__ == "__main__":
    main()
