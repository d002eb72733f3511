"""Language-tagged text: which languages are kept and how values become {lang: text}."""

from __future__ import annotations

from offline_cache.cpsv_ap.graph import _Literal

_LANGS = ("pl", "en", "uk", "de")

_Text = dict[str, str]


def _language(literal: _Literal) -> str | None:
    """Plain strings count as Polish; other languages than pl/en/uk/de are left out."""
    if literal.lang is None:
        return "pl"
    primary = literal.lang.split("-")[0].lower()
    return primary if primary in _LANGS else None


def _text_of(items: list[_Literal]) -> _Text:
    """The first non-blank string per kept language."""
    found: _Text = {}
    for item in items:
        lang = _language(item)
        if lang and isinstance(item.value, str) and item.value.strip():
            found.setdefault(lang, item.value.strip())
    return found


def _words(items: list[_Literal]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in items:
        lang = _language(item)
        if lang and isinstance(item.value, str) and item.value.strip():
            words = found.setdefault(lang, [])
            if item.value.strip() not in words:
                words.append(item.value.strip())
    return found


def _plain(items: list[_Literal]) -> str | None:
    """One string value, Polish or untagged preferred."""
    texts = _text_of(items)
    if "pl" in texts:
        return texts["pl"]
    strings = [str(item.value).strip() for item in items if isinstance(item.value, str | int)]
    return next((value for value in strings if value), None)


def _joined(texts: list[_Text], separator: str) -> _Text:
    joined: _Text = {}
    for lang in _LANGS:
        parts = [text[lang] for text in texts if lang in text]
        if parts:
            joined[lang] = separator.join(parts)
    return joined
