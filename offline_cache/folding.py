"""Polish-aware text folding shared by the index and the query side.

SQLite's unicode61 tokenizer removes most diacritics but leaves ł/Ł alone
(docs/platform-notes.md), so "lodz" would never find "Łódź". We fold every text ourselves
before it reaches FTS5, and fold the resident's query the same way, so both sides agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Letters that do not decompose into base + combining mark under NFKD.
_NO_DECOMPOSITION = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ı": "i"})
_WORD = re.compile(r"\w+")


@cache
def _combining_marks() -> dict[int, None]:
    """A translate table deleting every combining mark of the Basic Multilingual Plane."""
    return {cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))}


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics: "Łódź, Zaświadczenie" -> "lodz, zaswiadczenie"."""
    if text.isascii():
        return text.lower()
    # Case-fold first (Ł -> ł, ß -> ss), then replace letters that do not decompose, then
    # drop combining marks; every step leaves its own output unchanged, so fold is stable.
    lowered = unicodedata.normalize("NFKD", text.casefold()).translate(_NO_DECOMPOSITION)
    stripped = lowered.translate(_combining_marks())
    if not stripped.isascii():  # rare marks outside the BMP table
        stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    return stripped.casefold()


def words(text: str) -> list[str]:
    """The folded words of `text`; punctuation, symbols and emoji are dropped."""
    return [w for w in _WORD.findall(fold(text)) if w.strip("_")]
