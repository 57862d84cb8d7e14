"""What a model manifest records about where it came from: file digests and the commit it was trained at."""
import hashlib
import pathlib
import subprocess

TRAINING = pathlib.Path(__file__).resolve().parents[1]


def sha256(path):
    """Hex sha256 of a file's bytes (what the Java ModelRepository checks)."""
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def git_commit():
    """The short commit of the checkout, or "unknown" outside git."""
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True, cwd=TRAINING).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
