"""An answer as the review screen and the receipt show it, in the resident's language."""

from __future__ import annotations

import datetime as dt

from offline_cache.records import NO, YES, FormField, Text, in_language

YES_NO_TEXT: dict[str, Text] = {
    YES: {"pl": "Tak", "en": "Yes", "uk": "Так", "de": "Ja"},
    NO: {"pl": "Nie", "en": "No", "uk": "Ні", "de": "Nein"},
}
NOT_GIVEN = "—"
"""Shown for an optional question left empty."""


def shown_answer(field: FormField, value: str, language: str) -> str:
    """`value` (normalised) as a resident reads it: choice labels, Tak/Nie, 20.11.2026."""
    if not value:
        return NOT_GIVEN
    if field.type == "choice":
        labels = {c.value: c.label for c in field.choices}
        return in_language(labels[value], language) if value in labels else value
    if field.type == "yes_no" and value in YES_NO_TEXT:
        return in_language(YES_NO_TEXT[value], language)
    if field.type == "date":
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
    return value
