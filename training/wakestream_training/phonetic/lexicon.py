"""The G2P's data: CMUdict words as the text normaliser spells them, the held-out word split, and
the lexicon file the Java Lexicon reads.

CMUdict (pocketsphinx-en-us's copy, stress removed by text.cmudict) is BSD-2-Clause; its notice
heads every lexicon file we write, as the licence asks.
"""
import hashlib
import pathlib

from ..text import cmudict
from . import normalize

SPLIT_SALT = "wakestream-g2p"
# The preferred pronunciation first where CMUdict lists another first: the project's wake word as
# ARCHITECTURE.md and the issues write it (espeak-ng says IH, flite AH; both stay in the lexicon).
PREFERRED = {"jarvis": ("JH", "AA", "R", "V", "IH", "S")}

TEST_PERCENT = 5
VAL_PERCENT = 2

LICENSE_HEADER = """\
;;; Lexicon of Wakestream's G2P model: CMUdict (Debian pocketsphinx-en-us, cmudict-en-us.dict)
;;; with stress removed, words as io.wakestream.common.phonetic.TextNormalizer spells them.
;;; Format: one pronunciation a line, "word PHONE PHONE ..."; a word's preferred pronunciation first,
;;; then CMUdict's order (wakestream_training.phonetic.lexicon.PREFERRED).
;;;
;;; Copyright (C) 1995-2014 Carnegie Mellon University. All rights reserved.
;;; Redistribution and use in source and binary forms, with or without modification, are permitted
;;; provided that the following conditions are met:
;;; 1. Redistributions of source code must retain the above copyright notice, this list of
;;;    conditions and the following disclaimer.
;;; 2. Redistributions in binary form must reproduce the above copyright notice, this list of
;;;    conditions and the following disclaimer in the documentation and/or other materials provided
;;;    with the distribution.
;;; THIS SOFTWARE IS PROVIDED BY CARNEGIE MELLON UNIVERSITY ``AS IS'' AND ANY EXPRESSED OR IMPLIED
;;; WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS
;;; FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL CARNEGIE MELLON UNIVERSITY NOR ITS
;;; EMPLOYEES BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
;;; DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
;;; DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER
;;; IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT
;;; OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""


def entries(path=cmudict.CMUDICT):
    """{word: [phones tuple, ...]} for the CMUdict words that normalise to themselves.

    Entries with digits, dots or hyphens ("a.m.", "able-bodied") or edge apostrophes ("'bout") are
    left out: the normaliser never produces such a word, so neither the lexicon nor the G2P sees one.
    """
    return {word: prons for word, prons in cmudict.load(path).items() if normalize.words(word) == [word]}


def split(word):
    """'test' (5 %), 'val' (2 %) or 'train', from a salted SHA-256 of the word."""
    bucket = int(hashlib.sha256(f"{SPLIT_SALT}:{word}".encode()).hexdigest(), 16) % 100
    if bucket < TEST_PERCENT:
        return "test"
    return "val" if bucket < TEST_PERCENT + VAL_PERCENT else "train"


def preferred_first(word, pronunciations):
    """The word's pronunciations with PREFERRED's first, the others in CMUdict's order."""
    preferred = PREFERRED.get(word)
    if preferred not in pronunciations:
        return pronunciations
    return [preferred] + [p for p in pronunciations if p != preferred]


def write(path, lexicon):
    """The lexicon file: the licence notice, then every pronunciation, the preferred one of a word first."""
    lines = [f"{word} {' '.join(phones)}" for word in sorted(lexicon) for phones in preferred_first(word, lexicon[word])]
    pathlib.Path(path).write_text(LICENSE_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
