"""manifest.json for a trained RepCNN, in the schema of io.wakestream.common.model.ModelManifest (snake_case)."""
import dataclasses
import json
import pathlib

from wakestream_training import frontend
from wakestream_training.provenance import sha256

from .export import INPUT_NAME, OUTPUT_NAME

NAME = "wakeword-hey-jarvis"
KEYWORD = "hey jarvis"


def detector_parameters(config, smoothing_windows, refractory_seconds):
    """The streaming settings the detector needs besides the threshold (also used by the evaluation)."""
    return {"window_frames": config.window_frames, "hop_frames": config.hop_frames,
            "window_samples": frontend.FRAME_LENGTH + (config.window_frames - 1) * frontend.HOP_LENGTH,
            "hop_samples": config.hop_frames * frontend.HOP_LENGTH,
            "smoothing_windows": smoothing_windows, "refractory_seconds": refractory_seconds}


def build_manifest(version, model_path, config, detector, threshold, training, evaluation):
    """The manifest as a dict; model_path is the exported model.onnx beside it."""
    return {
        "name": NAME,
        "version": version,
        "task": "wakeword",
        "keyword": KEYWORD,
        "description": "RepCNN wake word: multi-branch training, folded to one convolution per block",
        "files": {"model": {
            "path": pathlib.Path(model_path).name,
            "sha256": sha256(model_path),
            "inputs": [{"name": INPUT_NAME, "dtype": "float32", "shape": [-1, config.window_frames, config.n_mels]}],
            "outputs": [{"name": OUTPUT_NAME, "dtype": "float32", "shape": [-1]}],
        }},
        # Streaming settings ride in the frontend parameters: they define which frames form a window.
        "frontend": {"type": "logmel", "sample_rate": frontend.SAMPLE_RATE,
                     "parameters": {"n_mels": config.n_mels, "frame_length": frontend.FRAME_LENGTH,
                                    "hop_length": frontend.HOP_LENGTH, "fft_size": frontend.FFT_SIZE,
                                    "f_min": frontend.F_MIN, "f_max": frontend.F_MAX,
                                    "log_floor": frontend.LOG_FLOOR, **detector}},
        "thresholds": {"detection": threshold},
        "architecture": dataclasses.asdict(config),
        "training": training,
        "evaluation": evaluation,
        "source": {"origin": "training run: " + training["recipe"], "upstream": "wakestream"},
    }


def write_manifest(path, manifest):
    pathlib.Path(path).write_text(json.dumps(manifest, indent=2) + "\n")
