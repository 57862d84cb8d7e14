"""The phone set of every phonetic model, read from the file the Java side reads too.

ARPAbet without stress (CMUdict's 39 phones); index 0 is the CTC blank. The file lives in the Java
resources (common/src/main/resources/io/wakestream/common/phonetic/arpabet.txt) so that one
definition serves both languages.
"""
import pathlib

REPO = pathlib.Path(__file__).resolve().parents[3]
ARPABET_FILE = REPO / "common/src/main/resources/io/wakestream/common/phonetic/arpabet.txt"


def read_phones(path=ARPABET_FILE):
    """The phones in output-index order: one a line, `#` lines and blank lines skipped."""
    lines = pathlib.Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


PHONES = read_phones()
BLANK = 0
INDEX = {phone: i for i, phone in enumerate(PHONES)}


def index(phone):
    """The output index of `phone` (upper case, no stress); KeyError names unknown phones."""
    try:
        return INDEX[phone]
    except KeyError:
        raise KeyError(f"unknown phone {phone!r}; the phone set is {' '.join(PHONES[1:])}") from None


def indices(phones):
    return [index(p) for p in phones]


def symbols(indices_):
    return [PHONES[i] for i in indices_]
