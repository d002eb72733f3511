"""A service record turned into the sections of its card, in the resident's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from kiosk.catalogue_service import Service, Text, in_language, text_language
from kiosk.to_bring import to_bring

_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def tr(text: str) -> str:
    # pyside6-lupdate files module-level tr() calls under the empty context; match it.
    return QCoreApplication.translate("", text)


def _day_names() -> dict[str, str]:
    names = (tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun"))
    return dict(zip(_DAYS, names, strict=True))


def money(amount: float, language: str) -> str:
    if amount == 0:
        return tr("free of charge")
    text = f"{amount:,.2f}".replace(",", "\u00a0")
    return f"{text.replace('.', ',') if language != 'en' else text}\u00a0zł"


def opening_hours(hours: list[Mapping[str, Any]]) -> list[str]:
    names = _day_names()
    lines = []
    for entry in hours:
        days = [d for d in _DAYS if d in entry["days"]]
        span = names[days[0]] if len(days) == 1 else f"{names[days[0]]}–{names[days[-1]]}"
        if len(days) > 1 and _DAYS.index(days[-1]) - _DAYS.index(days[0]) + 1 != len(days):
            span = ", ".join(names[d] for d in days)
        lines.append(f"{span} {entry['opens']}–{entry['closes']}")
    return lines


def address_line(address: Mapping[str, Any]) -> str:
    return f"{address['street']}, {address['postal_code']} {address['city']}"


class RecordTexts:
    """The record's texts in the resident's language, noting those shown in Polish instead."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.shown = 0
        self.polish: list[str] = []  # as shown, so that speech can match what is on screen

    def __call__(self, text: Text, prefix: str = "") -> str:
        shown = prefix + in_language(text, self.language)
        self.shown += 1
        if text_language(text, self.language) != self.language:
            self.polish.append(shown)
        return shown

    def text_language(self) -> str:
        """The card's text language: the resident's, or Polish when any of it falls back."""
        return "pl" if self.polish else self.language

    def notice(self) -> str:
        """What the card says when its texts are not (all) in the resident's language."""
        if not self.polish:
            return ""
        if len(self.polish) == self.shown:
            return tr("This information is available only in Polish.")
        return tr("Part of this information is available only in Polish.")


def polish_name(name: Text, language: str) -> dict[str, str]:
    """{name as shown: "pl"} when the resident's language has no translation of it."""
    return {} if text_language(name, language) == language else {in_language(name, language): "pl"}


def card(service: Service, authority: Text, language: str) -> dict[str, Any]:
    """Every section of the record; empty strings and lists where the record has nothing."""
    record: Mapping[str, Any] = service
    texts = RecordTexts(language)

    def text(key: str) -> str:
        value = record.get(key)
        return texts(value) if value else ""

    channels = record["channels"]
    online = next((c["url"] for c in channels if c["type"] == "online"), "")
    places = [
        {
            "address": address_line(c["address"]),
            "hours": opening_hours(c.get("opening_hours", [])),
        }
        for c in channels
        if c["type"] == "in_person"
    ]
    time = record.get("processing_time")
    sections = {
        "id": service["id"],
        "name": texts(service["name"]),
        "authority": in_language(authority, language),
        "description": text("description"),
        "whoCanApply": text("who_can_apply"),
        "documents": [texts(d["name"]) for d in to_bring(record)],
        "costs": [
            texts(c["description"], f"{money(c['amount'], language)} — ")
            for c in record.get("costs", [])
        ],
        "time": texts(time["text"]) if time else "",
        "places": places,
        "onlineUrl": online,
        "kioskForm": next((c["form"] for c in channels if c["type"] == "kiosk"), ""),
        "legalBasis": [texts(b["title"]) for b in record.get("legal_basis", [])],
        "appeal": text("appeal"),
        "output": text("output"),
        "updated": service["updated"],
    }
    return sections | {
        "textLanguage": texts.text_language(),
        # The authority's name is not counted in the notice (a name, often Polish only), but
        # one shown in Polish is still read with the Polish voice.
        "textLanguages": dict.fromkeys(texts.polish, "pl") | polish_name(authority, language),
        "languageNotice": texts.notice(),
    }
