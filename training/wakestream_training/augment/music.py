"""Music from Debian game packages: negatives for training (a background noise kind) and for false
accepts per hour (users' most common false triggers are TV and music).

| package | what | licence |
| --- | --- | --- |
| `fretsonfire-songs-muldjord`, `fretsonfire-songs-sectoid` (main) | 8 rock/metal songs (band recordings; the song and guitar stems are mixed back together) | CC BY-SA 3.0 |
| `drascula-music` (main) | 31 orchestral/ambient game score tracks (each shipped once per language folder; read once) | Drascula licence: free to redistribute, not to sell |
| `hyperrogue-music` (main) | game soundtrack (`music/`; its `sounds/` are not music and are left out) | CC BY-SA 3.0 (Shawn Parrotte, Lincoln Domina, Will Savino) |

Only these packages are read. Tracks are split by a hash of their name, 60 /
10 / 30 % (more to test than the speech noises get: there are few tracks, and false accepts per hour
on music are judged on the test tracks).
"""
import dataclasses
import functools
import hashlib
import pathlib
import subprocess

import numpy as np

from .. import audio

FRETSONFIRE_SONGS = pathlib.Path("/usr/share/games/fretsonfire/data/songs")
DRASCULA_AUDIO = pathlib.Path("/usr/share/scummvm/drascula")
HYPERROGUE_MUSIC = pathlib.Path("/usr/share/hyperrogue/music")
LICENCES = {"fretsonfire": "CC-BY-SA-3.0", "drascula": "Drascula licence (free redistribution, not for sale)",
            "hyperrogue": "CC-BY-SA-3.0"}
PACKAGES = {"fretsonfire": "fretsonfire-songs-muldjord, fretsonfire-songs-sectoid", "drascula": "drascula-music",
            "hyperrogue": "hyperrogue-music"}
MUSIC_SALT = "wakestream-music-split-v1"
MUSIC_SHARES = (("train", 60), ("val", 70), ("test", 100))  # cumulative percent


@dataclasses.dataclass(frozen=True)
class MusicTrack:
    name: str           # e.g. music/fretsonfire/muldjord/armygeddon
    paths: tuple        # files mixed together (stems of one song), or one file
    source: str         # fretsonfire | drascula | hyperrogue
    seconds: float      # from the file headers

    @property
    def licence(self):
        return LICENCES[self.source]

    @property
    def split(self):
        return music_split(self.name)

    def audio(self, start=0.0, seconds=None):
        """float32 mono at 16 kHz (stems mixed), the whole track or `seconds` from `start`."""
        return load_track(self.paths, start, seconds)


def music_split(name):
    bucket = int(hashlib.sha256(f"{MUSIC_SALT}:{name}".encode()).hexdigest(), 16) % 100
    return next(split for split, limit in MUSIC_SHARES if bucket < limit)


def load_track(paths, start=0.0, seconds=None):
    """Decode (and mix) files with sox: float32 mono 16 kHz, optionally only `seconds` from `start`."""
    trim = ["trim", f"{start:.3f}"] + ([f"{seconds:.3f}"] if seconds is not None else [])
    command = ["sox", "-V1"] + (["-m"] if len(paths) > 1 else []) + [str(p) for p in paths] + [
        "-t", "f32", "-c", "1", "-"] + trim + ["remix", "-", "rate", "-v", "16000"]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return np.frombuffer(result.stdout, dtype="<f4").copy()


def _seconds(path):
    result = subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True)
    try:
        return float(result.stdout.strip())
    except ValueError:
        return 0.0


@functools.lru_cache(maxsize=1)
def music_tracks():
    """Every music track found on this machine, sorted by name (empty when no package is installed)."""
    tracks = []
    for folder in sorted(p for p in FRETSONFIRE_SONGS.glob("*/*") if p.is_dir()):
        stems = tuple(sorted(p for p in folder.glob("*.ogg") if p.stem in ("song", "guitar", "rhythm", "drums")))
        if stems:
            name = "music/fretsonfire/" + "/".join(folder.relative_to(FRETSONFIRE_SONGS).parts).lower().replace(" ", "_")
            tracks.append(MusicTrack(name, stems, "fretsonfire", max(_seconds(p) for p in stems)))
    # drascula ships the same score in every language folder: keep the first copy of each file's content
    seen = set()
    for path in sorted(DRASCULA_AUDIO.glob("**/track*.ogg")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        tracks.append(MusicTrack(f"music/drascula/{path.stem}", (path,), "drascula", _seconds(path)))
    for path in sorted(HYPERROGUE_MUSIC.glob("*.ogg")):
        tracks.append(MusicTrack(f"music/hyperrogue/{path.stem}", (path,), "hyperrogue", _seconds(path)))
    return sorted((t for t in tracks if t.seconds > 0), key=lambda t: t.name)


def music_excerpts(split, rng, per_track=2, seconds=15.0):
    """{name: float32 16 kHz} excerpts of the split's tracks (`per_track` of `seconds` each, at random
    offsets): what a corpus's noise bank keeps for music backgrounds, so workers hold minutes, not hours."""
    excerpts = {}
    for track in music_tracks():
        if track.split != split:
            continue
        for k in range(per_track):
            start = float(rng.uniform(0.0, max(0.0, track.seconds - seconds)))
            piece = track.audio(start, seconds)
            if audio.rms(piece) > 1e-3:
                excerpts[f"{track.name}#{k}"] = piece
    return excerpts
