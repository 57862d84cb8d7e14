"""Builds a planned corpus: noise bank first, then every clip in a process pool (worker.py), resumably.

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

from tqdm import tqdm

from .. import splits
from ..tts import Voice, available_voices, licences_of
from ..tts.voices import LEGACY_ENGINES
from .noise_bank import bank_is_complete, make_noise_bank
from .plan import SPLIT_SHARES
from .worker import render_job, voices_of

JOB_SIZE = 12  # clips per task: festival starts once per task


class CorpusBuilder:
    def __init__(self, directory, items, config, jobs, babble_sentences, voices=None):
        """babble_sentences: {split: [text]} that split's general sentences, spoken for babble noise;
        voices: the voices the plan draws from (default: every available voice)."""
        self.directory = pathlib.Path(directory)
        self.items, self.config, self.jobs = items, config, jobs
        self.babble_sentences = babble_sentences
        self.voices = voices

    def build(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        self._check_config()
        started = time.time()
        voices = self.voices if self.voices is not None else available_voices()
        splits.write_splits(self.directory / "splits.json", voices)
        self._build_noise_bank(splits.split_voices(voices))
        done = self._finished_ids()
        todo = [item for item in self.items if item.id not in done]
        with tqdm(total=len(self.items), initial=len(self.items) - len(todo), unit="clip",
                  desc=self.directory.name, smoothing=0.05) as bar:
            if todo:
                self._run(todo, bar)
        stats = self._write_manifests()
        stats["voice_licences"] = licences_of([Voice.parse(v) for v in self._voices_used()])
        # babble noise speaks with any voice of the split: the pool's licences (splits.json lists its voices)
        pool = licences_of(voices)
        stats["voice_pool_licences"] = {"licences": {k: len(v) for k, v in pool["licences"].items()},
                                        "commercial_use": pool["commercial_use"]}
        stats["build_seconds_last_run"] = round(time.time() - started, 1)
        (self.directory / "corpus.json").write_text(json.dumps({**self.config, "stats": stats}, indent=1))
        return stats

    def _check_config(self):
        """A resumed build must plan the same clips: refuse to mix two configurations."""
        saved = self.directory / "config.json"
        if saved.exists():
            previous = with_legacy_voices(json.loads(saved.read_text()))
            if previous != with_legacy_voices(self.config):
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
                music = self.config.get("music", False)
                if bank_is_complete(folder, self.config["babble_clips"], music):
                    continue
                folder.mkdir(parents=True, exist_ok=True)
                tasks.append(pool.submit(make_noise_bank, folder, split, voices_by_split[split],
                                         self.babble_sentences[split], seed, self.config["rooms"],
                                         self.config["babble_clips"], music))
            for task in tqdm(as_completed(tasks), total=len(tasks), desc="noise bank", unit="split"):
                task.result()

    def _voices_used(self):
        used = set()
        for split, _ in SPLIT_SHARES:
            path = self.directory / f"{split}.jsonl"
            if path.exists():
                used.update(v for line in path.read_text().splitlines() for v in json.loads(line)["voices"])
        return sorted(used)

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


def with_legacy_voices(config):
    """A config as the options now spell it: corpora built before the voice options existed used
    espeak-ng, flite and festival voices (all commercially usable) and no music."""
    if "voice_licences" in config:
        return config
    return {**config, "voice_licences": "permissive", "music": False, "engines": sorted(LEGACY_ENGINES)}


def _group_jobs(items):
    """Clips of one voice together (festival renders a batch per process start), long files alone."""
    by_voice = collections.defaultdict(list)
    jobs = []
    for item in items:
        if item.kind == "long_negative":
            jobs.append([item])
        elif item.kind == "music":
            by_voice.setdefault("~music", []).append(item)
        else:
            by_voice[voices_of(item.to_json())[0]].append(item)
    for voice in sorted(by_voice):
        group = by_voice[voice]
        jobs += [group[k:k + JOB_SIZE] for k in range(0, len(group), JOB_SIZE)]
    # long files first: they are the slowest tasks
    return sorted(jobs, key=lambda job: job[0].kind != "long_negative")
