"""Turning whatever a resident typed into a safe FTS5 MATCH expression.

Raw text in MATCH raises syntax errors on quotes, parentheses, `*`, NEAR or OR
(docs/platform-notes.md), so nothing of the input reaches SQLite but folded word characters
inside double quotes.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from offline_cache.folding import fold, words

MAX_TOKENS = 8
MAX_TOKEN_LENGTH = 40

# Short words that say nothing about the service; dropped when other words remain.
_POLISH = ("a", "i", "o", "u", "w", "z", "na", "do", "od", "po", "za", "ze", "we", "dla", "oraz")
_POLISH_MORE = ("lub", "czy", "sie", "jak")
_ENGLISH = ("the", "of", "to", "for", "and", "in", "on", "an", "my", "with", "how")
_GERMAN = ("der", "die", "das", "und", "für", "von", "zu", "im", "mit", "oder", "auf", "bei")
_GERMAN_MORE = ("den", "dem", "des", "ein", "eine", "einen", "mein", "meine", "meinen")
_UKRAINIAN = ("з", "в", "на", "до", "і", "та", "у", "й", "про", "для", "або", "чи", "як", "мій")
STOPWORDS = frozenset(
    fold(w) for w in _POLISH + _POLISH_MORE + _ENGLISH + _GERMAN + _GERMAN_MORE + _UKRAINIAN
)

# Folded vowels of Polish, German and Ukrainian (й and ї fold to и and і): a five-letter
# word ending in one loses it, so "osoba" finds "osoby" and "особа" finds "особи".
_VOWELS = "aeiouy" + "аеиіоуюяє"


@dataclass(frozen=True)
class ParsedQuery:
    """The words of a query, folded, ready to be matched as prefixes."""

    tokens: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.tokens


def parse(text: str) -> ParsedQuery:
    """Folded, de-duplicated search words: stopwords out, lengths and count capped."""
    found = [w[:MAX_TOKEN_LENGTH] for w in words(text[: MAX_TOKENS * (MAX_TOKEN_LENGTH + 1) * 4])]
    meaningful = [w for w in found if w not in STOPWORDS] or found[-1:]
    unique = list(dict.fromkeys(meaningful))
    return ParsedQuery(tuple(unique[:MAX_TOKENS]))


def stem(token: str) -> str:
    """A crude Polish stem: inflected endings differ in the last letters (podatek/podatku).

    Short words keep more of themselves: "smieci" must not become "smie", which would
    also match "smierci" (death).
    """
    if len(token) >= 7:
        return token[:-2]
    if len(token) == 6 or (len(token) == 5 and token[-1] in _VOWELS):
        return token[:-1]
    return token


def _quoted(term: str) -> str:
    # Tokens hold only \w characters after folding; quoting makes FTS5 keywords plain words.
    return '"' + term.replace('"', "") + '"'


def match_expression(
    alternatives: Sequence[Sequence[str]], facets: Sequence[str], columns: str = "text"
) -> str:
    """AND over the words (each an OR of its spellings, matched as prefixes in `columns`)
    and the facets."""
    groups = []
    for spellings in alternatives:
        ors = " OR ".join(f"{_quoted(s)}*" for s in dict.fromkeys(stem(s) for s in spellings))
        groups.append(f"{columns} : ({ors})")
    groups.extend(f"facets : {_quoted(f)}" for f in facets)
    return " AND ".join(groups)


def is_known(token: str, vocabulary: Sequence[str]) -> bool:
    """Whether `token` matches some word of `vocabulary` (sorted) as it is matched in search."""
    return _is_prefix_of_any(stem(token), vocabulary)


def one_typo_variants(token: str, vocabulary: Sequence[str], alphabet: str) -> list[str]:
    """Beginnings of words of `vocabulary` (sorted) that `token` becomes after one edit.

    An edit is one missing, extra or wrong letter, or two neighbours swapped. Too short a
    token has too many neighbours to be worth guessing ("lodz" is one letter from "rodz").
    Of two readings where one, as searched, begins the other ("dowdo": "dowo" and "dowod"),
    only the longer is kept: "dowo" would also find "dowolny".
    """
    if len(token) < 5:
        return []
    found = {c for c in _edits(token, alphabet) if _is_prefix_of_any(c, vocabulary)} - {token}
    searched = {stem(c) for c in found}
    return sorted(c for c in found if not _begins_another(stem(c), searched))[:12]


def _begins_another(prefix: str, others: set[str]) -> bool:
    return any(o != prefix and o.startswith(prefix) for o in others)


def _edits(token: str, alphabet: str) -> set[str]:
    splits = [(token[:i], token[i:]) for i in range(len(token) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in alphabet}
    inserts = {a + c + b for a, b in splits for c in alphabet}
    return {e for e in deletes | swaps | replaces | inserts if len(e) >= 3}


def _is_prefix_of_any(prefix: str, vocabulary: Sequence[str]) -> bool:
    i = bisect.bisect_left(vocabulary, prefix)
    return i < len(vocabulary) and vocabulary[i].startswith(prefix)
