"""A corpus's noise bank, per split: simulated rooms (image-source RIRs), babble speech from that
split's voices and (corpora built with music) excerpts of that split's music tracks; with the split's
real recordings it makes the split's NoiseSources."""
import functools
import json
import pathlib
import shutil

import numpy as np

from .. import audio
from ..augment import NoiseSources
from ..augment.music import music_excerpts
from ..augment.noise import real_recordings, recording_split
from ..augment.rir import Room
from ..tts import Prosody, Synthesizer
from .plan import SPLIT_SHARES


def bank_is_complete(folder, babble_count, music=False):
    complete = (folder / "rirs.npy").exists() and len(list(folder.glob("babble-*.wav"))) >= babble_count
    return complete and (not music or (folder / "music.json").exists())


def make_noise_bank(folder, split, voices, sentences, seed, room_count, babble_count, music=False):
    """Write rooms.json + rirs.npy and babble-NN.wav (three sentences each) into folder; with `music`,
    also music-NNN.wav excerpts of the split's music tracks and music.json (their names)."""
    rng = np.random.default_rng([seed, [name for name, _ in SPLIT_SHARES].index(split)])
    rooms = NoiseSources.generated_rooms(rng, room_count)
    width = max(r.size for _, r in rooms)
    stacked = np.zeros((len(rooms), width), dtype=np.float32)
    for k, (_, response) in enumerate(rooms):
        stacked[k, :response.size] = response
    synthesizer = Synthesizer()
    for k in range(babble_count):
        voice = voices[int(rng.integers(len(voices)))]
        text = " ".join(sentences[int(rng.integers(len(sentences)))] for _ in range(3))
        audio.write_wav(folder / f"babble-{k:02d}.wav", synthesizer.render(voice, text, Prosody()).samples)
    (folder / "rooms.json").write_text(json.dumps([room.to_json() for room, _ in rooms]))
    np.save(folder / "rirs.npy", stacked)
    if music:
        excerpts = music_excerpts(split, np.random.default_rng([seed, 7, [n for n, _ in SPLIT_SHARES].index(split)]))
        names = sorted(excerpts)
        for k, name in enumerate(names):
            audio.write_wav(folder / f"music-{k:03d}.wav", excerpts[name])
        (folder / "music.json").write_text(json.dumps(names, indent=1))



NOISE_BANK_OPTIONS = ("seed", "rooms", "babble_clips", "music", "voice_licences", "engines")


def copy_noise_bank(source, directory, config):
    """Copy the noise bank of corpus `source` into `directory` (splits whose bank `directory` lacks), so its clips
    are augmented with the same rooms, babble and music excerpts. Refused (SystemExit) unless `source` was built
    with the same noise options as `config`, since the bank must be the one `config` would make in kind."""
    source, directory = pathlib.Path(source), pathlib.Path(directory)
    saved = source / "config.json"
    if not saved.exists():
        raise SystemExit(f"--noise-from {source}: not a corpus (no config.json)")
    theirs = json.loads(saved.read_text())
    differing = [k for k in NOISE_BANK_OPTIONS if theirs.get(k) != config.get(k)]
    if differing:
        raise SystemExit(f"--noise-from {source}: built with other {', '.join(differing)} "
                         f"({ {k: theirs.get(k) for k in differing} }); pass the same options")
    for split, _ in SPLIT_SHARES:
        target = directory / "noise" / split
        if bank_is_complete(target, config["babble_clips"], config["music"]):
            continue
        if not bank_is_complete(source / "noise" / split, config["babble_clips"], config["music"]):
            raise SystemExit(f"--noise-from {source}: its {split} noise bank is incomplete")
        shutil.copytree(source / "noise" / split, target, dirs_exist_ok=True)


@functools.lru_cache(maxsize=None)
def load_noise_sources(directory, split):
    """One split's NoiseSources, loaded once per process."""
    folder = pathlib.Path(directory) / "noise" / split
    responses = np.load(folder / "rirs.npy")
    rooms = [Room(tuple(r["size"]), tuple(r["source"]), tuple(r["microphone"]), r["rt60"])
             for r in json.loads((folder / "rooms.json").read_text())]
    recordings = {n: x for n, x in real_recordings().items() if recording_split(n) == split}
    babble = [audio.read_wav(p) for p in sorted(folder.glob("babble-*.wav"))]
    music = {}
    if (folder / "music.json").exists():
        music = {name: audio.read_wav(folder / f"music-{k:03d}.wav")
                 for k, name in enumerate(json.loads((folder / "music.json").read_text()))}
    return NoiseSources(recordings, babble, [(r, np.trim_zeros(h, "b")) for r, h in zip(rooms, responses)], music)
