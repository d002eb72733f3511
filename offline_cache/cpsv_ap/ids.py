"""Native ids and slugs, labels, web addresses and how nodes and values are named in problems."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from offline_cache.cpsv_ap.graph import _literals, _Node
from offline_cache.cpsv_ap.terms import _DCT, _SKOS
from offline_cache.cpsv_ap.texts import _plain, _Text, _text_of

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_URL = re.compile(r"https?://[^\s/$.?#]\S*")
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"})


def _slugify(text: str) -> str:
    """Fold Polish letters to ASCII, lower-case, hyphenate, cut to 80 characters."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].rstrip("-")


def _last_segment(iri: str) -> str:
    return unquote(re.split(r"[/#:]", iri.rstrip("/#"))[-1])


def _native_id(node: _Node, name: _Text) -> str | None:
    """dct:identifier, else the last @id segment, else the Polish name, slugified."""
    candidates = [_plain(_literals(node, _DCT + "identifier")) or ""]
    if node.iri and not node.iri.startswith("_:"):
        candidates.append(_last_segment(node.iri))
    candidates.append(name.get("pl", ""))
    for candidate in candidates:
        slug = _slugify(candidate)
        if _ID.fullmatch(slug):
            return slug
    return None


def _label(node: _Node) -> _Text:
    """skos:prefLabel (concepts, organisations), else dct:title (events, agents)."""
    return _text_of(_literals(node, _SKOS + "prefLabel")) or _text_of(
        _literals(node, _DCT + "title")
    )


def _describe(node: _Node) -> str:
    return node.iri or "a node without @id"


def _url(node: _Node, *props: str) -> str | None:
    for prop in props:
        for value in node.props.get(prop, []):
            candidate = value.iri if isinstance(value, _Node) else value.value
            if isinstance(candidate, str) and _URL.fullmatch(candidate.strip()):
                return candidate.strip()
    return None


def _shown(value: object) -> str:
    """A value quoted for a problem message, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _short(prop: str) -> str:
    return re.split(r"[/#]", prop)[-1]
