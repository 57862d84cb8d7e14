"""The licences of a model's training data, for its manifest (ARCHITECTURE.md, "Training data and licences").

    from wakestream_training.licences import training_data_licences
    manifest["training"]["data_licences"] = training_data_licences([corpus_dir, ...])

Voices: from each corpus's corpus.json (`stats.voice_licences`, written since issue 14) or, for a corpus
built before, from the voices its manifests name. Noise: the recorded noises every corpus mixes in
(OpenSFX, freedesktop sounds) and, in corpora built with music, the game soundtracks.
"""
import json
import pathlib

from .augment.music import LICENCES as MUSIC_LICENCES
from .tts import Voice, licences_of

NOISE_LICENCES = {"openttd-opensfx": "CC-BY-SA-3.0 / CC0-1.0", "sound-theme-freedesktop": "CC-BY-SA-3.0 / GPL-2+ / CC-BY-3.0"}
# music the corpus may hold (augment.music), with the licences of its tracks
MUSIC_NOTE = "game soundtracks (augment.music): " + ", ".join(f"{k} {v}" for k, v in sorted(MUSIC_LICENCES.items()))


def corpus_voices(directory):
    """The voice ids a corpus's manifests use."""
    used = set()
    for split in ("train", "val", "test"):
        path = pathlib.Path(directory) / f"{split}.jsonl"
        if path.exists():
            for line in path.read_text().splitlines():
                used.update(json.loads(line)["voices"])
    return sorted(used)


def training_data_licences(directories):
    """{"voice_licences": policy of the corpora (permissive | all | mixed), "commercial_use": whether every
    voice allows it, "licences": {licence: number of voices}, "voices": {licence: [voice id]}, "noise": {...},
    "corpora": {directory name: policy}}."""
    policies, voices, music = {}, set(), False
    for directory in directories:
        info = json.loads((pathlib.Path(directory) / "corpus.json").read_text())
        policies[pathlib.Path(directory).name] = info.get("voice_licences", "permissive")
        recorded = info.get("stats", {}).get("voice_licences")
        voices.update(v for ids in recorded["licences"].values() for v in ids) if recorded else \
            voices.update(corpus_voices(directory))
        music = music or bool(info.get("music", False))
    table = licences_of([Voice.parse(v) for v in voices])
    distinct = set(policies.values())
    noise = dict(NOISE_LICENCES)
    if music:
        noise["music"] = MUSIC_NOTE
    return {"voice_licences": distinct.pop() if len(distinct) == 1 else "mixed",
            "commercial_use": table["commercial_use"],
            "licences": {licence: len(ids) for licence, ids in sorted(table["licences"].items())},
            "voices": table["licences"], "noise": noise, "corpora": policies}


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(prog="python3 -m wakestream_training.licences",
                                     description="The licences of the training data in corpora; optionally written "
                                                 "into a model manifest as training.data_licences.")
    parser.add_argument("corpora", nargs="+", type=pathlib.Path, help="corpus directories the model trained on")
    parser.add_argument("--manifest", type=pathlib.Path, help="manifest.json to add training.data_licences to")
    args = parser.parse_args(argv)
    stated = training_data_licences(args.corpora)
    if args.manifest:
        manifest = json.loads(args.manifest.read_text())
        manifest.setdefault("training", {})["data_licences"] = stated
        args.manifest.write_text(json.dumps(manifest, indent=2) + "\n")
    print(json.dumps(stated, indent=1))


if __name__ == "__main__":
    main()
