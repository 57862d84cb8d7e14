"""Sample audio shipped beside a model, with the scores the Python model gives it.

The Java detector's tests read these: they check that the detector fires on the held-out-voice
"hey jarvis" sample, stays quiet on the negative sample, and that its scores equal the Python scores
on the same WAVs. The scores are computed from the exported model.onnx itself (its weights loaded back
into the folded torch network), so the samples pin the shipped file, not a training checkpoint.

cd training && python3 -m wakestream_training.repcnn.samples --model-dir ../models/wakeword-hey-jarvis/1.0.0
"""
import argparse
import json
import pathlib
import random
import tempfile

import numpy as np
import onnx
import onnx.numpy_helper
import torch

from wakestream_training import frontend

from . import augment, corpus, evaluate
from .model import FoldedRepCNN, RepCNN, RepCNNConfig

POSITIVE_PARTS = (("flite", "slt"), "hey jarvis"), (("espeak-ng", "f1"), "hey jarvis"), (("espeak-ng", "m7"), "hey, jarvis!")
NEGATIVE_PARTS = ((("flite", "slt"), "the weather is nice today, shall we go for a walk"),
                  (("espeak-ng", "f2"), "hey travis"), (("espeak-ng", "m7"), "hey marvin, are you there"),
                  (("espeak-ng", "klatt2"), "jarvis"), (("flite", "slt"), "hey, harvest the carrots"))


def load_onnx_as_torch(path, config=RepCNNConfig()):
    """The folded network with the weights of an exported model.onnx (initializers by parameter name)."""
    graph = onnx.load(str(path)).graph
    tensors = {init.name: torch.from_numpy(onnx.numpy_helper.to_array(init).copy()) for init in graph.initializer}
    for node in graph.node:  # the exporter shares identical initializers through Identity nodes
        if node.op_type == "Identity" and node.input[0] in tensors:
            tensors[node.output[0]] = tensors[node.input[0]]
    folded = FoldedRepCNN(RepCNN(config, "direct"))
    folded.load_state_dict({name: tensors[name] for name in folded.state_dict()})
    return folded.eval()


def synthesize_sample(parts, seed, workdir):
    """(int16 audio: the parts with pauses between them, in a room, with low background noise;
    [start, end) sample interval of each part)."""
    rng = random.Random(seed)
    generator = np.random.default_rng(seed)
    pieces, intervals, position = [np.zeros(int(0.6 * frontend.SAMPLE_RATE))], [], int(0.6 * frontend.SAMPLE_RATE)
    for voice, text in parts:
        clip = corpus.trim_silence(corpus.synthesize(voice, text, rng, workdir))
        pause = np.zeros(int(1.4 * frontend.SAMPLE_RATE))
        pieces += [clip / np.abs(clip).max() * 0.5, pause]
        intervals.append([position, position + clip.size])
        position += clip.size + pause.size
    dry = np.concatenate(pieces)
    wet = augment.reverberate(dry, augment.room_impulse_response(generator, (0.2, 0.4)))
    noisy = augment.mix_at_snr(wet, augment.coloured_noise(dry.size, 1.0, generator), 25.0)
    return np.clip(np.round(noisy * 32768), -32768, 32767).astype(np.int16), intervals


def write_samples(model_dir, config=RepCNNConfig(), seed=7):
    model_dir = pathlib.Path(model_dir)
    folded = load_onnx_as_torch(model_dir / "model.onnx", config)
    out = model_dir / "samples"
    out.mkdir(exist_ok=True)
    expected = {}
    with tempfile.TemporaryDirectory() as workdir:
        for name, parts in (("hey-jarvis", POSITIVE_PARTS), ("negatives", NEGATIVE_PARTS)):
            pcm, intervals = synthesize_sample(parts, seed, workdir)
            frontend.write_wav_int16(out / f"{name}.wav", pcm)
            features = frontend.log_mel(frontend.int16_to_float(pcm), config.n_mels)
            ends, scores = evaluate.model_scores(folded, features, config)
            expected[f"{name}.wav"] = {"texts": [text for _, text in parts], "intervals": intervals,
                                       "end_samples": ends.tolist(), "scores": [round(float(s), 6) for s in scores]}
    description = {"positive": "hey-jarvis.wav", "negative": "negatives.wav",
                   "voices": "test voices only (never in training or threshold selection)", "scores": expected}
    (out / "scores.json").write_text(json.dumps(description) + "\n")
    return description


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", required=True)
    torch.set_num_threads(2)
    description = write_samples(parser.parse_args().model_dir)
    for name, values in description["scores"].items():
        print(name, "max score", max(values["scores"]))


if __name__ == "__main__":
    main()
