"""Polish-aware text folding shared by the index and the query side.

SQLite's unicode61 tokenizer removes most diacritics but leaves ł/Ł alone (FACTS.md), so
"lodz" would never find "Łódź". We fold every text ourselves before it reaches FTS5, and
fold the resident's query the same way, so both sides always agree.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose into base + combining mark under NFKD.
_NO_DECOMPOSITION = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "ø": "o", "Ø": "o", "đ": "d"})
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics: "Łódź, Zaświadczenie" -> "lodz, zaswiadczenie"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def words(text: str) -> list[str]:
    """The folded words of `text`; punctuation, symbols and emoji are dropped."""
    return [w for w in _WORD.findall(fold(text)) if w.strip("_")]
