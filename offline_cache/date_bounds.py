"""Date limits of form fields: a calendar date, or a date relative to the day of filling.

Declared once here for both sides: the catalogue validator checks that a field's earliest
date is not after its latest, and the kiosk's field check resolves the limits on the day a
resident fills the form ("today-P120Y" for a birth date, "today+P1D" for a visit).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_RELATIVE = re.compile(r"^today(?:([+-])P([0-9]{1,3})([DWMY]))?$")


def resolve_bound(bound: str, today: dt.date) -> dt.date:
    """The date `bound` stands for on `today`; ValueError when it is not a date bound."""
    relative = _RELATIVE.match(bound)
    if relative is None:
        return dt.date.fromisoformat(bound) if len(bound) == 10 else _refuse(bound)
    sign, amount, unit = relative.groups()
    if sign is None:
        return today
    count = int(amount) * (1 if sign == "+" else -1)
    if unit == "D":
        return today + dt.timedelta(days=count)
    if unit == "W":
        return today + dt.timedelta(weeks=count)
    return _add_months(today, count * (12 if unit == "Y" else 1))


def is_relative(bound: str) -> bool:
    return bound.startswith("today")


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day (31 January + 1 month: 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _refuse(bound: str) -> dt.date:
    raise ValueError(f"{bound!r} is not a date (2026-01-01) or a relative date (today+P14D)")
