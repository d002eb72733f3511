"""The kiosk's words in a resident's language, as its translation files give them.

The screens are written in English (qsTr) and shown in Polish by default; a journey in
Ukrainian finds its controls by the same words, translated.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[2] / "ui" / "i18n"


@functools.cache
def _catalogue(language: str) -> dict[str, str]:
    root = ET.parse(TRANSLATIONS / f"infomat_{language}.ts").getroot()
    found: dict[str, str] = {}
    for message in root.iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation:
            found.setdefault(source, translation)
    return found


def translated(source: str, language: str) -> str:
    """`source` (the English of a qsTr) as the kiosk shows it in `language`."""
    words = _catalogue(language).get(source)
    if words is None:
        raise KeyError(f"no {language} translation of {source!r} in {TRANSLATIONS}")
    return words
