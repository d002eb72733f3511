"""Dates as residents type them: 20.11.2026 (also with / or -, and a trailing "r."), or ISO.

Comes out as ISO 8601 (2026-11-20) within the field's limits, which the form declares as
fixed dates or relative to the day of filling (offline_cache.date_bounds).
"""

from __future__ import annotations

import datetime as dt
import re

from kiosk.forms.problems import Accepted, Checked, Problem
from offline_cache.date_bounds import resolve_bound

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4})")
_YEAR_MARK = re.compile(r"\s*r\.?$")  # "20.11.2026 r." as Polish letters write it


def check_date(raw: str, earliest: str | None, latest: str | None, today: dt.date) -> Checked:
    text = _YEAR_MARK.sub("", raw.strip())
    if iso := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in iso.groups())
    elif polish := _DAY_FIRST.fullmatch(text):
        day, month, year = int(polish.group(1)), int(polish.group(3)), int(polish.group(4))
    else:
        return Problem("date.format")
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return Problem("date.invalid")
    if earliest is not None and date < (low := resolve_bound(earliest, today)):
        return Problem("date.too_early", {"earliest": low.isoformat()})
    if latest is not None and date > (high := resolve_bound(latest, today)):
        return Problem("date.too_late", {"latest": high.isoformat()})
    return Accepted(date.isoformat())
