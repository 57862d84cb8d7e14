"""The English voices Debian provides, and the speaker identity each one belongs to.

A voice is engine + voice + variant. Several voices can share one recorded speaker (flite's kal
and festival's kal_diphone are both Kal; RHVoice's alan and flite's awb are both Alan W Black),
so each voice also names the factors the split is decided on: the speaker for recorded voices,
the accent and the variant for espeak-ng's formant voices (see wakestream_training.splits).

Each voice also carries the licence of its voice data (`Voice.licence`) and whether that licence
allows commercial use (`Voice.commercial`): MBROLA's diphone databases do not, every other voice
listed here does. `select_voices(voices, "permissive")` keeps the commercially usable ones.
"""
import dataclasses
import functools
import pathlib
import re
import shutil
import subprocess

ESPEAK_DATA = pathlib.Path("/usr/lib/x86_64-linux-gnu/espeak-ng-data")
FESTIVAL_VOICES = pathlib.Path("/usr/share/festival/voices")
MBROLA_DATA = pathlib.Path("/usr/share/mbrola")
RHVOICE_DATA = pathlib.Path("/usr/share/RHVoice/voices")
PICO_DATA = pathlib.Path("/usr/share/pico/lang")

# espeak-ng's English accents (language files under gmw/). Its mb-* voices are the engine
# "mbrola" below.
ESPEAK_ACCENTS = ("en", "en-us", "en-gb-scotland", "en-gb-x-gbclan", "en-gb-x-rp", "en-gb-x-gbcwmd",
                  "en-029", "en-us-nyc")

# flite voice -> recorded speaker. awb_time is a limited-domain voice that only speaks clock times.
FLITE_SPEAKERS = {"kal": "kal", "kal16": "kal", "awb": "awb", "rms": "rms", "slt": "slt"}

# festival voice (its Scheme function is voice_<name>) -> recorded speaker
FESTIVAL_SPEAKERS = {"kal_diphone": "kal", "ked_diphone": "ked", "cmu_us_slt_arctic_hts": "slt"}

# MBROLA diphone voices through espeak-ng (Debian contrib `mbrola` + non-free `mbrola-XX`): espeak-ng
# voice -> MBROLA database, which is one recorded person. Exactly these: the other mb-* voices
# espeak-ng lists are reserved for an evaluation kept apart (issue 14). us1 F, us2 M, us3 M (OGI),
# en1 British M; the rest are German, French, Dutch, Swedish and Greek speakers reading English
# through espeak-ng's phoneme mapping (foreign-accented English).
MBROLA_VOICES = {"mb-us1": "us1", "mb-us2": "us2", "mb-us3": "us3", "mb-en1": "en1",
                 "mb-de1-en": "de1", "mb-de2-en": "de2", "mb-de3-en": "de3", "mb-de4-en": "de4",
                 "mb-de5-en": "de5", "mb-de6-en": "de6", "mb-fr1-en": "fr1", "mb-fr4-en": "fr4",
                 "mb-nl2-en": "nl2", "mb-sw1-en": "sw1", "mb-sw2-en": "sw2", "mb-gr2-en": "gr2"}

# RHVoice English voices (non-free `rhvoice-english`) -> recorded speaker. They are statistical voices
# trained on the CMU ARCTIC recordings: Alan is awb (Alan W Black, Scottish), the person behind
# flite's awb, so they share a factor. slt (the slt of flite and festival) is not used; evgeniy-eng
# and lyubov are CC BY-NC-ND and left out.
RHVOICE_SPEAKERS = {"alan": "awb", "bdl": "bdl", "clb": "clb"}

# SVOX Pico (non-free `libttspico-utils`, `libttspico-data`): two female voices, one person each.
PICO_SPEAKERS = {"en-US": "pico-en-us", "en-GB": "pico-en-gb"}

ENGINES = ("espeak-ng", "flite", "festival", "mbrola", "rhvoice", "pico")
# The engines of the 824 voices every corpus had before issue 14 (the wakeword-hey-jarvis 2.0.0 recipe).
LEGACY_ENGINES = ("espeak-ng", "flite", "festival")

# Licence of each engine's voice data (and whether it allows commercial use); festival's voices per voice.
# Checked in /usr/share/doc/<package>/copyright.
ENGINE_LICENCES = {
    "espeak-ng": ("GPL-3.0-or-later", True),       # espeak-ng; the speech it makes is not covered by the GPL
    "flite": ("Flite (BSD-style, CMU)", True),     # flite's voices kal, kal16, awb, rms, slt
    "mbrola": ("MBROLA (non-commercial, non-military)", False),  # mbrola-XX: may not be sold or used in a sold product
    "rhvoice": ("LGPL-2.1-or-later", True),        # rhvoice-english data/voices/{alan,bdl,clb}
    "pico": ("Apache-2.0", True),                  # libttspico-data (SVOX; Debian notes its sources are not included)
}
FESTIVAL_LICENCES = {
    "kal_diphone": ("festvox (MIT-style, CMU/CSTR)", True),   # festvox-kallpc16k
    "ked_diphone": ("festvox (MIT-style, CMU/CSTR)", True),   # festvox-kdlpc16k
    "cmu_us_slt_arctic_hts": ("EST-2003 / BSD-3-Clause (CMU ARCTIC, HTS)", True),  # festvox-us-slt-hts
}
LICENCE_POLICIES = ("permissive", "all")


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
        return (f"speaker:{self.speaker}",)

    @property
    def speaker(self):
        """The recorded person (None for espeak-ng's formant voices)."""
        if self.engine == "espeak-ng":
            return None
        if self.engine == "mbrola":
            return f"mbrola-{MBROLA_VOICES[self.name]}"
        tables = {"flite": FLITE_SPEAKERS, "festival": FESTIVAL_SPEAKERS, "rhvoice": RHVOICE_SPEAKERS,
                  "pico": PICO_SPEAKERS}
        return tables[self.engine][self.name]

    @property
    def licence(self):
        """The licence of the voice's data, e.g. `LGPL-2.1-or-later`."""
        return _licence(self)[0]

    @property
    def commercial(self):
        """True when the voice's licence allows commercial use (the `permissive` policy)."""
        return _licence(self)[1]

    @staticmethod
    def parse(voice_id):
        engine, rest = voice_id.split(":", 1)
        name, _, variant = rest.partition("+")
        return Voice(engine, name, variant)


def _licence(voice):
    if voice.engine == "festival":
        return FESTIVAL_LICENCES[voice.name]
    return ENGINE_LICENCES[voice.engine]


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


def mbrola_voices():
    """The listed MBROLA voices whose database is installed and that espeak-ng knows, when the
    mbrola program is installed."""
    if shutil.which("mbrola") is None:
        return []
    return [name for name, database in MBROLA_VOICES.items()
            if (MBROLA_DATA / database / database).exists() and (ESPEAK_DATA / "voices" / "mb" / name).exists()]


def rhvoice_voices():
    if shutil.which("RHVoice-test") is None:
        return []
    return [name for name in RHVOICE_SPEAKERS if (RHVOICE_DATA / name).is_dir()]


def pico_voices():
    if shutil.which("pico2wave") is None:
        return []
    return [name for name in PICO_SPEAKERS if (PICO_DATA / f"{name}_ta.bin").exists()]


def available_voices(engines=ENGINES):
    """Every English voice this machine can render (of the engines asked for), sorted by id."""
    voices = []
    if "espeak-ng" in engines:
        voices += [Voice("espeak-ng", accent, variant) for accent in ESPEAK_ACCENTS
                   for variant in [""] + espeak_variants()]
    if "flite" in engines:
        voices += [Voice("flite", name) for name in flite_voices()]
    if "festival" in engines:
        voices += [Voice("festival", name) for name in festival_voices()]
    if "mbrola" in engines:
        voices += [Voice("mbrola", name) for name in mbrola_voices()]
    if "rhvoice" in engines:
        voices += [Voice("rhvoice", name) for name in rhvoice_voices()]
    if "pico" in engines:
        voices += [Voice("pico", name) for name in pico_voices()]
    return sorted(voices)


def select_voices(voices, licences="permissive"):
    """The voices a licence policy allows: `permissive` (commercially usable) or `all`."""
    if licences not in LICENCE_POLICIES:
        raise ValueError(f"unknown voice licence policy {licences!r}: {LICENCE_POLICIES}")
    return [v for v in voices if licences == "all" or v.commercial]


def licences_of(voices):
    """{licence: [voice id]} of the voices, and whether all of them allow commercial use."""
    table = {}
    for voice in sorted(voices):
        table.setdefault(voice.licence, []).append(voice.id)
    return {"licences": table, "commercial_use": all(v.commercial for v in voices)}
