"""Real human speech and music for evaluation only (never for training the shipped models):

- `uqm`: The Ur-Quan Masters' 3DO dialogue (non-free `uqm-voice` + `uqm-content`; CC BY-NC-SA 2.5):
  about 27 voice actors (a few with effects) playing the game's aliens, 11 kHz OGG clips. Which line
  a clip says comes from the voice pack's 3dovoice.rmp: each race's dialogue is
  `CONVERSATION:<script .txt>:<clip folder>:<timestamps .ts>`, and in the script a block
  `#(KEY) race-NNN.ogg` is followed by the text that clip speaks (six races' scripts ship in the
  voice pack, the rest in uqm-content's base/comm/<race>/<race>.txt). Script blocks without a clip
  (the player's lines) are not speech.
- `pocketsphinx`: pocketsphinx-testdata's read speech with transcripts (BSD): five LibriVox
  sentences, five "cards" commands, "go forward ten meters" and a TIDIGITS digit string; 16 kHz.
- `music`: the game soundtracks of augment.music (its test tracks by default).
- `tv`: broadcast-like audio: each music track of the split with UQM dialogue laid over it (a clip
  after another, 0.5-3 s apart, speech 0-10 dB above the music), like a drama with a score; seeded by
  the track's name. Its text is the dialogue's lines in order.

Each clip has its text as written and normalised (lower case, letters, digits and apostrophes),
audio as float32 mono at 16 kHz, and a duration read from its headers. `export_set` writes a set as
16 kHz WAVs with a manifest the evaluation harness reads (`evaluation run --negative-sets DIR`):
every clip is negative audio for false accepts per hour, and the speech sets' texts make them a
real-speech test set for the recognition issues.
"""
import dataclasses
import functools
import json
import pathlib
import re
import struct
import subprocess
import zipfile

import numpy as np

from .. import audio
from ..augment import music as music_source
from ..text.general import contains_phrase

UQM_VOICE = pathlib.Path("/usr/share/games/uqm/content/addons/uqm-0.8.0-voice.uqm")
UQM_CONTENT = pathlib.Path("/usr/share/games/uqm/content/packages/uqm-0.8.0-content.uqm")
POCKETSPHINX_TEST = pathlib.Path("/usr/share/pocketsphinx/test/data")
SETS = ("uqm", "pocketsphinx", "music", "tv")
LICENCES = {"uqm": "CC-BY-NC-SA-2.5", "pocketsphinx": "BSD-2-Clause"}
# pocketsphinx test recordings without a transcript file, whose words its own tests name
POCKETSPHINX_KNOWN = {"goforward.raw": "go forward ten meters", "tidigits/dhd.2934z.raw": "two nine three four zero"}


@dataclasses.dataclass(frozen=True)
class RealClip:
    id: str            # e.g. uqm/syreen/syreen-000
    set: str           # uqm | pocketsphinx | music
    speaker: str       # uqm: the race (one actor, or a few); pocketsphinx: the recording's folder
    text: str          # as written ("" for music)
    seconds: float     # from the file's headers
    licence: str
    location: tuple    # how to read it: ("zip", archive, member) | ("wav", path) | ("raw", path) | ("music", paths)
                       # | ("tv", music paths, ((uqm clip id, start s, speech-to-music dB), ...))

    @property
    def normalised_text(self):
        return normalise_text(self.text)

    def audio(self):
        """float32 mono at 16 kHz."""
        kind = self.location[0]
        if kind == "zip":
            with zipfile.ZipFile(self.location[1]) as archive:
                data = archive.read(self.location[2])
            return _decode(["-t", "ogg", "-"], data)
        if kind == "raw":
            return _decode(["-t", "s16", "-r", "16000", "-c", "1", str(self.location[1])])
        if kind == "music":
            return music_source.load_track(self.location[1])
        if kind == "tv":
            return _tv_mix(self.location[1], self.location[2], self.seconds)
        return audio.load_any(self.location[1])


def normalise_text(text):
    """Lower case; every run of characters other than letters, digits and apostrophes becomes one space."""
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text.lower().replace("’", "'")).split())


def _decode(source, data=None):
    command = ["sox", "-V1"] + source + ["-t", "f32", "-c", "1", "-", "remix", "-", "rate", "-v", "16000"]
    result = subprocess.run(command, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return np.frombuffer(result.stdout, dtype="<f4").copy()


def ogg_seconds(data):
    """Duration of an Ogg Vorbis stream from its headers: last page's granule position / sample rate."""
    rate = struct.unpack("<I", data[40:44])[0] if data[29:35] == b"vorbis" else 0
    last = data.rfind(b"OggS")
    if rate <= 0 or last < 0:
        return 0.0
    granule = struct.unpack("<q", data[last + 6:last + 14])[0]
    return max(granule, 0) / rate


def _uqm_script(text):
    """[(clip file, text)] of a UQM dialogue script: `#(KEY) clip.ogg` then the clip's lines."""
    blocks, clip, lines = [], None, []
    for line in text.splitlines() + ["#(END)"]:
        if line.startswith("#("):
            if clip is not None:
                blocks.append((clip, " ".join(part.strip() for part in lines if part.strip())))
            match = re.match(r"#\([^)]*\)\s*(\S+\.ogg)?", line)  # a tab or spaces before the clip
            clip = match.group(1) if match else None
            lines = []
        else:
            lines.append(line)
    return blocks


@functools.lru_cache(maxsize=1)
def uqm_clips():
    """Every UQM voice clip that has a script line, sorted by id (empty without uqm-voice and uqm-content)."""
    if not (UQM_VOICE.exists() and UQM_CONTENT.exists()):
        return []
    clips = {}
    with zipfile.ZipFile(UQM_VOICE) as voice, zipfile.ZipFile(UQM_CONTENT) as content:
        members = set(voice.namelist())
        for line in voice.read("3dovoice/3dovoice.rmp").decode("utf-8").splitlines():
            match = re.match(r"\s*comm\.[\w.]+\.dialogue\s*=\s*CONVERSATION:([^:]+):([^:]+):", line)
            if not match:
                continue
            script, folder = match.groups()
            if script.startswith("addons/"):
                text = voice.read(script[len("addons/"):])
            else:
                text = content.read(script)
            folder = folder[len("addons/"):]
            race = folder.rstrip("/").rsplit("/", 1)[-1]
            for name, words in _uqm_script(text.decode("utf-8", "replace")):
                member = folder + name
                if member not in members or not normalise_text(words):
                    continue
                clip_id = f"uqm/{race}/{name[:-4]}"
                if clip_id not in clips:
                    clips[clip_id] = RealClip(clip_id, "uqm", race, words, ogg_seconds(voice.read(member)),
                                              LICENCES["uqm"], ("zip", str(UQM_VOICE), member))
    return [clips[k] for k in sorted(clips)]


def _sphinx_transcripts(path):
    """{file id: text} from a sphinx transcription file (`<s> words </s> (id)`)."""
    table = {}
    for line in path.read_text().splitlines():
        match = re.match(r"\s*(?:<s>)?(.*?)(?:</s>)?\s*\(([^)]+)\)\s*$", line)
        if match:
            table[match.group(2)] = match.group(1).strip()
    return table


@functools.lru_cache(maxsize=1)
def pocketsphinx_clips():
    """pocketsphinx-testdata's recordings that have a transcript, sorted by id."""
    if not POCKETSPHINX_TEST.exists():
        return []
    clips = []
    for folder, transcripts in (("cards", "cards/cards.transcription"), ("librivox", "librivox/transcription")):
        if not (POCKETSPHINX_TEST / transcripts).exists():
            continue
        for file_id, text in sorted(_sphinx_transcripts(POCKETSPHINX_TEST / transcripts).items()):
            path = POCKETSPHINX_TEST / folder / f"{file_id}.wav"
            if path.exists():
                seconds = float(subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True).stdout)
                clips.append(RealClip(f"pocketsphinx/{folder}/{file_id}", "pocketsphinx", folder, text, seconds,
                                      LICENCES["pocketsphinx"], ("wav", str(path))))
    for name, text in sorted(POCKETSPHINX_KNOWN.items()):
        path = POCKETSPHINX_TEST / name
        if path.exists():
            clips.append(RealClip(f"pocketsphinx/{name.rsplit('.', 1)[0]}", "pocketsphinx", name.split("/")[0],
                                  text, path.stat().st_size / 2 / 16000, LICENCES["pocketsphinx"], ("raw", str(path))))
    return sorted(clips, key=lambda c: c.id)


def music_clips(split="test"):
    """The music tracks of a split (None: all) as clips."""
    return [RealClip(t.name, "music", t.source, "", t.seconds, t.licence, ("music", t.paths))
            for t in music_source.music_tracks() if split is None or t.split == split]


def tv_clips(split="test"):
    """Each music track of the split with UQM dialogue over it (see the module's documentation)."""
    speech = uqm_clips()
    if not speech:
        return []
    result = []
    for track in music_clips(split):
        rng = np.random.default_rng(int.from_bytes(track.id.encode()[-8:], "little"))
        cursor, placed = float(rng.uniform(0.5, 3.0)), []
        while True:
            clip = speech[int(rng.integers(len(speech)))]
            if cursor + clip.seconds > track.seconds:
                break
            placed.append((clip.id, round(cursor, 3), round(float(rng.uniform(0.0, 10.0)), 2)))
            cursor += clip.seconds + float(rng.uniform(0.5, 3.0))
        by_id = {c.id: c for c in speech}
        text = " ".join(by_id[clip_id].text for clip_id, _, _ in placed)
        result.append(RealClip("tv/" + track.id.split("/", 1)[1], "tv", track.speaker, text, track.seconds,
                               f"{LICENCES['uqm']} + {track.licence}", ("tv", track.location[1], tuple(placed))))
    return result


def _tv_mix(music_paths, placed, seconds):
    mixture = music_source.load_track(music_paths).astype(np.float64)
    by_id = {c.id: c for c in uqm_clips()}
    music_power = float(np.mean(mixture ** 2)) or 1e-8
    for clip_id, start, ratio_db in placed:
        speech = by_id[clip_id].audio().astype(np.float64)
        begin = int(start * 16000)
        speech = speech[:max(0, mixture.size - begin)]
        power = float(np.mean(speech ** 2)) or 1e-8
        mixture[begin:begin + speech.size] += speech * np.sqrt(music_power * 10 ** (ratio_db / 10.0) / power)
    peak = float(np.max(np.abs(mixture))) if mixture.size else 0.0
    return (mixture / peak * 0.9 if peak > 0.9 else mixture).astype(np.float32)


def clips(name, split="test"):
    """The clips of a set: uqm and pocketsphinx are evaluation-only (every clip); music and tv by split."""
    if name == "tv":
        return tv_clips(split)
    if name == "uqm":
        return uqm_clips()
    if name == "pocketsphinx":
        return pocketsphinx_clips()
    if name == "music":
        return music_clips(split)
    raise ValueError(f"unknown set {name!r}: {SETS}")


def containing(clip_list, phrase):
    """The clips whose text contains the phrase (as words): none may, for real negatives."""
    return [c for c in clip_list if contains_phrase(c.text, phrase)]


def summary(split="test"):
    """{set: {"clips", "hours", "licence"}} from the headers, without decoding audio."""
    result = {}
    for name in SETS:
        found = clips(name, split)
        result[name] = {"clips": len(found), "hours": round(sum(c.seconds for c in found) / 3600.0, 3),
                        "licences": sorted({c.licence for c in found})}
        if name in ("uqm", "pocketsphinx"):
            result[name]["speakers"] = len({c.speaker for c in found})
    return result


def export_set(name, out, split="test", phrase="hey jarvis", limit=None):
    """Write a set as 16 kHz WAVs plus clips.jsonl (one entry per clip, in the corpus manifest's form:
    id, audio, split, kind = real_speech | music | tv, label 0, text, normalised_text, speaker, duration,
    licence) and set.json. Refuses a speech set whose text contains the wake phrase."""
    out = pathlib.Path(out)
    chosen = clips(name, split)[:limit]
    bad = containing(chosen, phrase)
    if bad:
        raise ValueError(f"{len(bad)} clips of {name} say {phrase!r} (e.g. {bad[0].id}): not negatives")
    entries = []
    for clip in chosen:
        relative = pathlib.Path("audio") / f"{clip.id.replace('/', '__')}.wav"
        path = out / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            audio.write_wav(path.with_suffix(".tmp"), clip.audio())
            path.with_suffix(".tmp").replace(path)
        duration = round(audio.read_wav(path).size / 16000.0, 4)
        entries.append({"id": clip.id, "audio": str(relative), "split": split, "label": 0,
                        "kind": name if name in ("music", "tv") else "real_speech", "text": clip.text,
                        "normalised_text": clip.normalised_text, "speaker": clip.speaker, "duration": duration,
                        "licence": clip.licence})
    (out / "clips.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries))
    info = {"set": name, "split": split, "phrase_checked": phrase, "clips": len(entries),
            "hours": round(sum(e["duration"] for e in entries) / 3600.0, 4),
            "licences": sorted({e["licence"] for e in entries})}
    (out / "set.json").write_text(json.dumps(info, indent=1))
    return info


class NegativeSet:
    """An exported set, read by the evaluation harness: its entries and the path of each one's audio."""

    def __init__(self, directory):
        self.directory = pathlib.Path(directory)
        self.info = json.loads((self.directory / "set.json").read_text())
        self.name = self.info["set"]

    def entries(self):
        return [json.loads(line) for line in (self.directory / "clips.jsonl").read_text().splitlines()]

    def path(self, entry):
        return self.directory / entry["audio"]
