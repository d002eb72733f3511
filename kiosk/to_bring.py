"""What a resident brings to the office for a service: the card's "Co zabrać" list, and the
same list cut to what a visit slip can carry."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.catalogue_service import in_language

SLIP_ITEMS = 6  # more would push the code and the QR far down a 58 mm slip
SLIP_ITEM_CHARS = 64  # at most two lines of 58 mm paper (32 characters a line)


def to_bring(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The documents a resident needs; the paper application form is left out when the
    service can be filed here, since the kiosk's own form takes its place."""
    documents: list[Mapping[str, Any]] = record.get("documents", [])
    if not any(c["type"] == "kiosk" for c in record["channels"]):
        return documents
    return [d for d in documents if not d.get("application_form", False)]


def slip_list(record: Mapping[str, Any] | None, language: str) -> tuple[tuple[str, ...], int]:
    """The card's list in `language` (Polish where a name has no translation), at most
    SLIP_ITEMS names of at most SLIP_ITEM_CHARS each, and how many more the card has."""
    if record is None:
        return (), 0
    names = [in_language(d["name"], language) for d in to_bring(record)]
    return tuple(shortened(name) for name in names[:SLIP_ITEMS]), max(0, len(names) - SLIP_ITEMS)


def shortened(name: str, most: int = SLIP_ITEM_CHARS) -> str:
    """`name`, or its words up to `most` characters with "..." when it is longer (the card
    has the whole; a slip is a reminder)."""
    name = " ".join(name.split())
    if len(name) <= most:
        return name
    cut = name[: most - 3].rsplit(" ", 1)[0].rstrip(" ,;:-(")
    return f"{cut}..."
