"""Polish-aware text folding shared by the index and the query side.

SQLite's unicode61 tokenizer removes most diacritics but leaves ł/Ł alone
(docs/platform-notes.md), so "lodz" would never find "Łódź". We fold every text ourselves
before it reaches FTS5, and fold the resident's query the same way, so both sides agree.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose into base + combining mark under NFKD.
_NO_DECOMPOSITION = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ı": "i"})
_WORD = re.compile(r"\w+")


class _CombiningMarks(dict[int, int | None]):
    """A `str.translate` table deleting combining marks, filled in as characters are met:
    building it for the whole plane at once cost ~50 ms of the kiosk's first frame."""

    def __missing__(self, code_point: int) -> int | None:
        kept = None if unicodedata.combining(chr(code_point)) else code_point
        self[code_point] = kept
        return kept


_COMBINING_MARKS = _CombiningMarks()


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics: "Łódź, Zaświadczenie" -> "lodz, zaswiadczenie"."""
    if text.isascii():
        return text.lower()
    # Case-fold first (Ł -> ł, ß -> ss), then replace letters that do not decompose, then
    # drop combining marks; every step leaves its own output unchanged, so fold is stable.
    lowered = unicodedata.normalize("NFKD", text.casefold()).translate(_NO_DECOMPOSITION)
    return lowered.translate(_COMBINING_MARKS).casefold()


def words(text: str) -> list[str]:
    """The folded words of `text`; punctuation, symbols and emoji are dropped."""
    return [w for w in _WORD.findall(fold(text)) if w.strip("_")]
