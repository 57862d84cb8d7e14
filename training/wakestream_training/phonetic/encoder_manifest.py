"""manifest.json of a phonetic encoder, in the schema of io.wakestream.common.model.ModelManifest.

Streaming settings ride in the frontend parameters (as the RepCNN's window does): `subsampling`,
`left_context_frames` and `lookahead_frames` say which input frames an output reads (encoder.py).
"""
import dataclasses
import json
import pathlib

from .. import frontend
from ..provenance import sha256
from . import phones
from .encoder import SUBSAMPLING, macs_per_output
from .encoder_export import io_specs

NAME = "phonetic-encoder"


def streaming_parameters(config):
    return {"subsampling": SUBSAMPLING, "left_context_frames": config.left_context,
            "lookahead_frames": config.lookahead, "receptive_frames": config.receptive,
            "output_frame_ms": SUBSAMPLING * frontend.HOP_LENGTH * 1000 // frontend.SAMPLE_RATE}


def build_manifest(version, model_path, config, parameters, training, evaluation):
    inputs, outputs = io_specs(config)
    return {
        "name": NAME,
        "version": version,
        "task": "phonetic-encoder",
        "description": "Streaming phone-CTC encoder: per 20 ms, ARPAbet log-posteriors (blank first) and an embedding",
        "files": {"model": {"path": pathlib.Path(model_path).name, "sha256": sha256(model_path),
                            "inputs": inputs, "outputs": outputs}},
        "frontend": {"type": "logmel", "sample_rate": frontend.SAMPLE_RATE,
                     "parameters": {"n_mels": config.n_mels, "frame_length": frontend.FRAME_LENGTH,
                                    "hop_length": frontend.HOP_LENGTH, "fft_size": frontend.FFT_SIZE,
                                    "f_min": frontend.F_MIN, "f_max": frontend.F_MAX,
                                    "log_floor": frontend.LOG_FLOOR, **streaming_parameters(config)}},
        "phones": list(phones.PHONES),
        "architecture": {**dataclasses.asdict(config), "parameters": parameters,
                         "macs_per_second": macs_per_output(config) * frontend.SAMPLE_RATE
                         // (SUBSAMPLING * frontend.HOP_LENGTH)},
        "training": training,
        "evaluation": evaluation,
        "source": {"origin": "training run: " + training.get("recipe", ""), "upstream": "wakestream"},
    }


def write_manifest(path, manifest):
    pathlib.Path(path).write_text(json.dumps(manifest, indent=2) + "\n")
