"""Running the Java `wakestream detect` (or `verify`) over many files: one JVM per batch, the files passed in an @file (ONNX
Runtime crashes the JVM when its command line is a few thousand characters long), every output line kept in a
cache of JSON lines, so a run that stopped resumes with the files it had not scored."""
import hashlib
import json
import pathlib
import shlex
import subprocess
import tempfile
import time

from tqdm import tqdm

from .detector import DetectorError


class DetectRuns:
    """java_command: the command up to and including the jar (e.g. ["java", "-jar", "ws.jar"]); cache_dir: where
    each distinct argument list keeps its lines (`<name>-<hash of the arguments>.jsonl`)."""

    def __init__(self, java_command, models_dir, cache_dir, batch_size=200, batch_seconds=1800.0, timeout_s=3600):
        """A batch ends at batch_size files or once it holds batch_seconds of audio (JVM start-up is paid per batch;
        output with --scores grows with the audio)."""
        self.java_command = list(java_command)
        self.models_dir = str(models_dir)
        self.cache_dir = pathlib.Path(cache_dir)
        self.batch_size, self.batch_seconds, self.timeout_s = batch_size, batch_seconds, timeout_s
        self.seconds = {}  # name -> seconds spent running the command in this process

    def run(self, name, arguments, files, lines_per_file=1, command="detect", reduce=None, seconds=None):
        """{file: [result line]} for every file (paths as given), `COMMAND ARGUMENTS FILE...` (detect, verify) run
        over the files the cache lacks. A file is complete with `lines_per_file` lines (one per --phrase);
        `reduce` (line -> line) is applied to each line before it is kept, the key `name` must say how; `seconds`
        ({file: duration}) sizes the batches. Raises DetectorError when the command fails or leaves a file without
        its lines."""
        files = [str(f) for f in files]
        seconds = {str(f): s for f, s in (seconds or {}).items()}
        cache = self.cache_dir / f"{name}-{_digest([command] + list(arguments))}.jsonl"
        lines = _read_cache(cache)
        todo = [f for f in files if len(lines.get(f, [])) < lines_per_file]
        started = time.time()
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        with tqdm(total=len(files), initial=len(files) - len(todo), unit="file", desc=name) as bar:
            for batch in self._batches(todo, seconds):
                produced = self._run_batch(command, arguments, batch)
                if reduce is not None:
                    produced = {f: [reduce(line) for line in got] for f, got in produced.items()}
                missing = [f for f in batch if len(produced.get(f, [])) < lines_per_file]
                if missing:
                    raise DetectorError(f"{command} {shlex.join(arguments)} gave no result for {missing[0]} "
                                        f"({len(missing)} file(s))")
                with open(cache, "a") as sink:
                    for f in batch:
                        sink.writelines(json.dumps(line) + "\n" for line in produced[f])
                        lines[f] = produced[f]
                bar.update(len(batch))
        self.seconds[name] = self.seconds.get(name, 0.0) + time.time() - started
        return {f: lines[f] for f in files}

    def _batches(self, files, seconds):
        batch, held = [], 0.0
        for f in files:
            batch.append(f)
            held += seconds.get(f, 0.0)
            if len(batch) >= self.batch_size or held >= self.batch_seconds:
                yield batch
                batch, held = [], 0.0
        if batch:
            yield batch

    def _run_batch(self, command_name, arguments, batch):
        with tempfile.NamedTemporaryFile("w", suffix=".args", delete=False) as listing:
            listing.write("".join(f + "\n" for f in batch))
        command = self.java_command + [command_name, "--models-dir", self.models_dir, *arguments, "@" + listing.name]
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=self.timeout_s)
        finally:
            pathlib.Path(listing.name).unlink()
        if completed.returncode != 0:
            raise DetectorError(f"{shlex.join(command)} exited {completed.returncode}: {completed.stderr.strip()[-2000:]}")
        produced = {}
        wanted = set(batch)
        for text in completed.stdout.splitlines():
            if not text.startswith("{"):
                continue
            line = json.loads(text)
            if line.get("file") not in wanted:
                raise DetectorError(f"result for a file not asked for: {line.get('file')}")
            produced.setdefault(line["file"], []).append(line)
        return produced


def _digest(arguments):
    return hashlib.sha1(json.dumps(list(arguments)).encode()).hexdigest()[:10]


def _read_cache(path):
    """{file: [line]}, one line per (file, phrase): a later line replaces an earlier one."""
    lines = {}
    if path.exists():
        for text in path.read_text().splitlines():
            try:
                line = json.loads(text)
            except json.JSONDecodeError:
                continue  # a line cut short by a stopped run
            lines.setdefault(line["file"], {})[line.get("phrase")] = line
    return {f: list(by_phrase.values()) for f, by_phrase in lines.items()}
