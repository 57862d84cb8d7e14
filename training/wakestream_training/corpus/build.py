"""Builds a planned corpus: noise bank first, then every clip in a process pool, resumably.

Layout of a corpus directory:
    corpus.json           arguments, seed, voice split, counts and hours (written at the end)
    splits.json           the voice split (wakestream_training.splits)
    noise/<split>/        babble-*.wav (that split's voices), rooms.json + rirs.npy
    audio/<split>/<kind>/<id>.wav
    parts/<worker>.jsonl  manifest lines as clips finish (what a resumed build skips)
    <split>.jsonl         the manifest of each split, sorted by id (written at the end)
"""
import collections
import json
import os
import pathlib
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

import numpy as np
from tqdm import tqdm

from .. import audio, splits
from ..augment import POLICIES, NoiseSources, augment
from ..augment.noise import real_recordings, recording_split
from ..tts import Prosody, Synthesizer, Timing, Voice, available_voices
from .plan import SPLIT_SHARES
from .keyword import keyword_span

JOB_SIZE = 12  # clips per task: festival starts once per task


class CorpusBuilder:
    def __init__(self, directory, items, config, jobs, babble_sentences):
        """babble_sentences: {split: [text]} that split's general sentences, spoken for babble noise."""
        self.directory = pathlib.Path(directory)
        self.items, self.config, self.jobs = items, config, jobs
        self.babble_sentences = babble_sentences

    def build(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        self._check_config()
        started = time.time()
        voices = available_voices()
        splits.write_splits(self.directory / "splits.json", voices)
        self._build_noise_bank(splits.split_voices(voices))
        done = self._finished_ids()
        todo = [item for item in self.items if item.id not in done]
        with tqdm(total=len(self.items), initial=len(self.items) - len(todo), unit="clip",
                  desc=self.directory.name, smoothing=0.05) as bar:
            if todo:
                self._run(todo, bar)
        stats = self._write_manifests()
        stats["build_seconds_last_run"] = round(time.time() - started, 1)
        (self.directory / "corpus.json").write_text(json.dumps({**self.config, "stats": stats}, indent=1))
        return stats

    def _check_config(self):
        """A resumed build must plan the same clips: refuse to mix two configurations."""
        saved = self.directory / "config.json"
        if saved.exists():
            previous = json.loads(saved.read_text())
            if previous != self.config:
                raise SystemExit(f"{self.directory} holds a corpus built with {previous}; "
                                 f"use another --out or delete it")
        else:
            saved.write_text(json.dumps(self.config, indent=1))

    def _build_noise_bank(self, voices_by_split):
        seed = self.config["seed"]
        with ProcessPoolExecutor(self.jobs) as pool:
            tasks = []
            for split, _ in SPLIT_SHARES:
                folder = self.directory / "noise" / split
                if (folder / "rirs.npy").exists() and len(list(folder.glob("babble-*.wav"))) >= self.config["babble_clips"]:
                    continue
                folder.mkdir(parents=True, exist_ok=True)
                tasks.append(pool.submit(_make_noise_bank, folder, split, voices_by_split[split],
                                         self.babble_sentences[split], seed, self.config["rooms"],
                                         self.config["babble_clips"]))
            for task in tqdm(as_completed(tasks), total=len(tasks), desc="noise bank", unit="split"):
                task.result()

    def _finished_ids(self):
        done = set()
        for part in (self.directory / "parts").glob("*.jsonl"):
            for line in part.read_text().splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short by an interrupted build
                if (self.directory / entry["audio"]).exists():
                    done.add(entry["id"])
        return done

    def _run(self, todo, bar):
        (self.directory / "parts").mkdir(exist_ok=True)
        jobs = _group_jobs(todo)
        sink = open(self.directory / "parts" / f"run-{os.getpid()}.jsonl", "a")
        try:
            with ProcessPoolExecutor(self.jobs) as pool:
                phrase = self.config.get("phrase", "")
                futures = [pool.submit(render_job, str(self.directory), [i.to_json() for i in job], phrase)
                           for job in jobs]
                for future in as_completed(futures):
                    for entry in future.result():
                        sink.write(json.dumps(entry) + "\n")
                        bar.update(1)
                    sink.flush()
        finally:
            sink.close()

    def _write_manifests(self):
        entries = {}
        # oldest run first, so a clip made again by a later run replaces the earlier line
        for part in sorted((self.directory / "parts").glob("*.jsonl"), key=lambda p: p.stat().st_mtime):
            for line in part.read_text().splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue
                entries[entry["id"]] = entry
        planned = {item.id for item in self.items}
        stats = {"clips": {}, "hours": {}, "voices": {}, "missing": len(planned - set(entries))}
        for split, _ in SPLIT_SHARES:
            rows = sorted((e for e in entries.values() if e["split"] == split and e["id"] in planned),
                          key=lambda e: e["id"])
            with open(self.directory / f"{split}.jsonl", "w") as out:
                out.writelines(json.dumps(e) + "\n" for e in rows)
            clips = collections.Counter(e["kind"] for e in rows)
            hours = collections.defaultdict(float)
            for e in rows:
                hours[e["kind"]] += e["duration"] / 3600.0
            stats["clips"][split] = dict(sorted(clips.items()))
            stats["hours"][split] = {k: round(v, 3) for k, v in sorted(hours.items())}
            stats["voices"][split] = len({v for e in rows for v in e["voices"]})
        return stats


def _group_jobs(items):
    """Clips of one voice together (festival renders a batch per process start), long files alone."""
    by_voice = collections.defaultdict(list)
    jobs = []
    for item in items:
        if item.kind == "long_negative":
            jobs.append([item])
        else:
            by_voice[_voices_of(item.to_json())[0]].append(item)
    for voice in sorted(by_voice):
        group = by_voice[voice]
        jobs += [group[k:k + JOB_SIZE] for k in range(0, len(group), JOB_SIZE)]
    # long files first: they are the slowest tasks
    return sorted(jobs, key=lambda job: job[0].kind != "long_negative")


def _voices_of(item):
    return list(dict.fromkeys(part[0] for part in item["speech"] if not isinstance(part, float)))


def _make_noise_bank(folder, split, voices, sentences, seed, room_count, babble_count):
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


_WORKER = {}


def _noise_sources(directory, split):
    """One split's NoiseSources, loaded once per worker process."""
    key = (directory, split)
    if key not in _WORKER:
        from ..augment.rir import Room
        folder = pathlib.Path(directory) / "noise" / split
        responses = np.load(folder / "rirs.npy")
        rooms = [Room(tuple(r["size"]), tuple(r["source"]), tuple(r["microphone"]), r["rt60"])
                 for r in json.loads((folder / "rooms.json").read_text())]
        recordings = {n: x for n, x in real_recordings().items() if recording_split(n) == split}
        babble = [audio.read_wav(p) for p in sorted(folder.glob("babble-*.wav"))]
        _WORKER[key] = NoiseSources(recordings, babble, [(r, np.trim_zeros(h, "b")) for r, h in zip(rooms, responses)])
    return _WORKER[key]


def _synthesizer():
    if "synthesizer" not in _WORKER:
        _WORKER["synthesizer"] = Synthesizer()
    return _WORKER["synthesizer"]


def render_job(directory, items, phrase):
    """Render, assemble, augment and write a batch of clips; returns their manifest entries.
    `phrase` is the wake phrase that positives (label 1) are searched for in their word timings."""
    synthesizer = _synthesizer()
    requests = collections.defaultdict(list)
    for i, item in enumerate(items):
        for j, part in enumerate(item["speech"]):
            if not isinstance(part, float):
                requests[part[0]].append(((i, j), part[2], Prosody(**_prosody_args(part[1]))))
    rendered = collections.defaultdict(dict)  # item index -> part index -> Rendering
    for voice_id, wanted in requests.items():
        outputs = synthesizer.render_many(Voice.parse(voice_id), [(text, p) for _, text, p in wanted])
        for ((i, j), _, _), out in zip(wanted, outputs):
            rendered[i][j] = out
    return [_finish(directory, item, rendered[i], phrase) for i, item in enumerate(items)]


def _prosody_args(saved):
    return {"rate": saved["rate"], "pitch": saved["pitch"] if saved["pitch"] is not None else 50,
            "pitch_shift": saved["pitch_shift_semitones"]}


def _finish(directory, item, renderings, phrase):
    pieces, active, words, phonemes, cursor = [], [], [], [], 0.0
    for j, part in enumerate(item["speech"]):
        if isinstance(part, float):
            n = int(part * 16000)
            pieces.append(np.zeros(n, np.float32))
            active.append(np.zeros(n, bool))
            cursor += n / 16000
            continue
        r = renderings[j]
        pieces.append(r.samples)
        active.append(np.ones(r.samples.size, bool))
        words += [t.shifted(cursor) for t in (r.words or [])]
        phonemes += [t.shifted(cursor) for t in (r.phonemes or [])]
        cursor += r.samples.size / 16000
    speech = np.concatenate(pieces)
    rng = np.random.default_rng(item["seed"])
    result = augment(speech, rng, POLICIES[item["policy"]], _noise_sources(directory, item["split"]),
                     active=np.concatenate(active))
    relative = pathlib.Path("audio") / item["split"] / item["kind"] / f"{item['id']}.wav"
    path = pathlib.Path(directory) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    audio.write_wav(temporary, result.samples)
    os.replace(temporary, path)
    word_times = [Timing(w.label, result.map_time(w.start), result.map_time(w.end)) for w in words]
    entry = {
        "id": item["id"], "audio": str(relative), "split": item["split"], "kind": item["kind"],
        "form": item["form"], "label": item["label"],
        "text": " ".join(p[2] for p in item["speech"] if not isinstance(p, float)),
        "voices": _voices_of(item), "prosody": item["speech"][0][1] if item["kind"] != "long_negative" else None,
        "duration": round(result.samples.size / 16000, 4),
        "speech_start": result.map_time(0.0), "speech_end": result.map_time(speech.size / 16000),
        "words": [t.to_json() for t in word_times],
        "phonemes": [[p.label, result.map_time(p.start), result.map_time(p.end)] for p in phonemes],
        "augment": {"policy": item["policy"], "seed": item["seed"], **result.params},
    }
    if item["label"] == 1:
        entry["keyword"] = keyword_span(word_times, phrase)
    return entry
