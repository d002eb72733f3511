"""Field values: fees, durations and their wording, opening hours, addresses, dates."""

from __future__ import annotations

import math
import re
from datetime import date

from offline_cache.cpsv_ap.bundle import _Record
from offline_cache.cpsv_ap.graph import _Literal
from offline_cache.cpsv_ap.texts import _Text

_POSTAL_CODE = re.compile(r"[0-9]{2}-[0-9]{3}")
_FULL_ADDRESS = re.compile(r"(?P<street>[^,]+),\s*(?P<code>[0-9]{2}-[0-9]{3})\s+(?P<city>.+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DURATION = re.compile(
    r"P(?!$)(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?"
    r"(?:T(?=[0-9])(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?"
)
# Duration parts in _DURATION group order: Polish genitive singular, genitive plural, English.
_UNITS = (
    ("roku", "lat", "year"),
    ("miesiąca", "miesięcy", "month"),
    ("tygodnia", "tygodni", "week"),
    ("dnia", "dni", "day"),
    ("godziny", "godzin", "hour"),
    ("minuty", "minut", "minute"),
    ("sekundy", "sekund", "second"),
)
_HOURS = re.compile(
    r"(?P<days>[^\s0-9]+)\s+(?P<opens>[0-9]{1,2}:[0-9]{2})\s*-\s*(?P<closes>[0-9]{1,2}:[0-9]{2})"
)
_WEEK = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_NAMES = {name.lower(): i for i, name in enumerate(_WEEK)} | {
    "pn": 0, "wt": 1, "śr": 2, "cz": 3, "pt": 4, "sb": 5, "nd": 6,
}  # fmt: skip
_TENANT_KINDS = (
    (("gmina", "urząd gminy", "urząd miasta", "urząd miejski"), "commune"),
    (("powiat", "starostwo"), "county"),
    (("województwo", "urząd marszałkowski"), "voivodeship"),
)
_MAX_AMOUNT = 100_000_000
_MAX_DURATION = 40  # characters; keeps int() within its digit limit


def _number(items: list[_Literal]) -> float | int | None:
    if not items or isinstance(items[0].value, bool):
        return None
    value = items[0].value
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else value


def _fee_text(amount: float) -> _Text:
    """Wording for a cost published without a description."""
    if amount == 0:
        return {"pl": "Bezpłatnie", "en": "Free of charge"}
    return {"pl": f"Opłata {amount:.2f} zł".replace(".", ","), "en": f"Fee PLN {amount:.2f}"}


def _duration_text(duration: str) -> _Text | None:
    """Polish and English wording of an ISO 8601 duration: P30D -> "do 30 dni"."""
    match = _DURATION.fullmatch(duration) if len(duration) <= _MAX_DURATION else None
    if match is None:
        return None
    numbers = [int(n or 0) for n in match.groups()]
    parts = [(n, unit) for n, unit in zip(numbers, _UNITS, strict=True) if n]
    if not parts:
        return {"pl": "od ręki", "en": "immediately"}
    polish = [f"{n} {singular if n == 1 else plural}" for n, (singular, plural, _) in parts]
    english = [f"{n} {word}{'' if n == 1 else 's'}" for n, (_, _, word) in parts]
    return {"pl": "do " + _and(polish, " i "), "en": "up to " + _and(english, " and ")}


def _and(parts: list[str], last: str) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + last + parts[-1]


def _opening_hours(spec: str) -> list[_Record] | None:
    """Parse "Mo-Fr 07:30-15:30; Sa 08:00-12:00" (English or Polish day codes)."""
    found: list[_Record] = []
    for part in filter(str.strip, spec.split(";")):
        match = _HOURS.fullmatch(part.strip())
        days = _days(match["days"]) if match else None
        opens, closes = (_clock(match["opens"]), _clock(match["closes"])) if match else (None, None)
        if not (days and opens and closes):
            return None
        found.append({"days": days, "opens": opens, "closes": closes})
    return found or None


def _days(spec: str) -> list[str] | None:
    chosen: set[int] = set()
    for item in spec.lower().split(","):
        first, dash, last = item.strip().partition("-")
        start, end = _DAY_NAMES.get(first), _DAY_NAMES.get(last if dash else first)
        if start is None or end is None or end < start:
            return None
        chosen.update(range(start, end + 1))
    return [_WEEK[day] for day in sorted(chosen)]


def _clock(value: str) -> str | None:
    hours, minutes = (int(part) for part in value.split(":"))
    return f"{hours:02d}:{minutes:02d}" if hours < 24 and minutes < 60 else None


def _tenant_kind(name: str) -> str:
    """Guess the tenant kind from the start of its Polish name."""
    lowered = name.strip().lower()
    for prefixes, kind in _TENANT_KINDS:
        if lowered.startswith(prefixes):
            return kind
    return "body"


def _date(value: object) -> str | None:
    match = _DATE.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date.fromisoformat(match[0]).isoformat()
    except ValueError:
        return None
