"""The English voices Debian provides, and the speaker identity each one belongs to.

A voice is engine + voice + variant. Several voices can share one recorded speaker (flite's kal
and festival's kal_diphone are both Kal), so each voice also names the factors the split is
decided on: the speaker for recorded voices, the accent and the variant for espeak-ng's formant
voices (see wakestream_training.splits).
"""
import dataclasses
import functools
import pathlib
import re
import subprocess

ESPEAK_DATA = pathlib.Path("/usr/lib/x86_64-linux-gnu/espeak-ng-data")
FESTIVAL_VOICES = pathlib.Path("/usr/share/festival/voices")

# espeak-ng's English accents (language files under gmw/). The mb-* voices need the mbrola
# binary and voice data, which bookworm's main archive does not ship, so they are not listed.
ESPEAK_ACCENTS = ("en", "en-us", "en-gb-scotland", "en-gb-x-gbclan", "en-gb-x-rp", "en-gb-x-gbcwmd",
                  "en-029", "en-us-nyc")

# flite voice -> recorded speaker. awb_time is a limited-domain voice that only speaks clock times.
FLITE_SPEAKERS = {"kal": "kal", "kal16": "kal", "awb": "awb", "rms": "rms", "slt": "slt"}

# festival voice (its Scheme function is voice_<name>) -> recorded speaker
FESTIVAL_SPEAKERS = {"kal_diphone": "kal", "ked_diphone": "ked", "cmu_us_slt_arctic_hts": "slt"}


@dataclasses.dataclass(frozen=True, order=True)
class Voice:
    engine: str
    name: str
    variant: str = ""

    @property
    def id(self):
        """Stable text form, e.g. `espeak-ng:en-us+f3`, `flite:slt`, `festival:kal_diphone`."""
        return f"{self.engine}:{self.name}" + (f"+{self.variant}" if self.variant else "")

    @property
    def split_factors(self):
        """What must not be shared across splits: the recorded speaker, or espeak-ng's accent and variant."""
        if self.engine == "espeak-ng":
            return (f"espeak-accent:{self.name}", f"espeak-variant:{self.variant or 'default'}")
        speakers = FLITE_SPEAKERS if self.engine == "flite" else FESTIVAL_SPEAKERS
        return (f"speaker:{speakers[self.name]}",)

    @staticmethod
    def parse(voice_id):
        engine, rest = voice_id.split(":", 1)
        name, _, variant = rest.partition("+")
        return Voice(engine, name, variant)


def espeak_variants():
    """Variant file names under espeak-ng-data/voices/!v, sorted."""
    directory = ESPEAK_DATA / "voices" / "!v"
    return sorted(p.name for p in directory.iterdir() if p.is_file())


@functools.lru_cache(maxsize=1)
def flite_voices():
    """Voices compiled into the flite binary (`flite -lv`) that map to a known speaker."""
    listing = subprocess.run(["flite", "-lv"], capture_output=True, text=True, check=True).stdout
    names = re.sub(r"^.*?:", "", listing).split()
    return [name for name in names if name in FLITE_SPEAKERS]


def festival_voices():
    installed = {p.name for p in FESTIVAL_VOICES.glob("*/*") if p.is_dir()}
    return [name for name in FESTIVAL_SPEAKERS if name in installed]


def available_voices():
    """Every English voice this machine can render, sorted by id."""
    voices = [Voice("espeak-ng", accent, variant) for accent in ESPEAK_ACCENTS
              for variant in [""] + espeak_variants()]
    voices += [Voice("flite", name) for name in flite_voices()]
    voices += [Voice("festival", name) for name in festival_voices()]
    return sorted(voices)
