"""The phone set (common/src/main/resources/io/wakestream/common/phonetic/arpabet.txt): index 0 is the
CTC blank, then the 39 ARPAbet phones without stress."""
import pathlib

PHONE_FILE = (pathlib.Path(__file__).resolve().parents[3]
              / "common/src/main/resources/io/wakestream/common/phonetic/arpabet.txt")
PHONES = tuple(line.strip() for line in PHONE_FILE.read_text().splitlines()
               if line.strip() and not line.startswith("#"))
BLANK = 0
_INDEX = {p: i for i, p in enumerate(PHONES)}


def index(phone):
    """The output index of an ARPAbet phone (stress digits ignored); KeyError for anything else."""
    return _INDEX[phone.rstrip("012").upper()]
