"""scripts/enable-debian-nonfree.sh: a deb822 sources file for contrib and non-free on the machine's mirror."""
import pathlib
import subprocess

import pytest

SCRIPT = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "enable-debian-nonfree.sh"


@pytest.mark.skipif(not pathlib.Path("/etc/apt").exists(), reason="not a Debian machine (no /etc/apt)")
def test_writes_a_deb822_file_for_contrib_and_non_free_once(tmp_path):
    target = tmp_path / "wakestream-contrib-non-free.sources"
    env = {"WAKESTREAM_NONFREE_SOURCES": str(target), "PATH": "/usr/bin:/bin"}
    first = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, check=True)
    assert "enabled contrib non-free" in first.stdout
    text = target.read_text()
    stanzas = [s for s in text.split("\n\n") if "Types:" in s]
    assert len(stanzas) == 2
    fields = [dict(line.split(": ", 1) for line in s.splitlines() if ": " in line and not line.startswith("#"))
              for s in stanzas]
    assert fields[0]["Suites"] == "bookworm bookworm-updates" and fields[1]["Suites"] == "bookworm-security"
    assert all(f["Components"] == "contrib non-free" and f["Types"] == "deb" for f in fields)
    assert fields[0]["URIs"].rstrip("/").endswith("/debian") and "debian-security" in fields[1]["URIs"]
    # the same mirror as the machine's own Debian sources, when it has deb822 ones
    own = [line.split()[1] for p in pathlib.Path("/etc/apt/sources.list.d").glob("*.sources") if p != target
           for line in p.read_text().splitlines() if line.startswith("URIs:")]
    if own:
        assert fields[0]["URIs"] in own
    again = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, check=True)
    assert "already enabled" in again.stdout and target.read_text() == text
