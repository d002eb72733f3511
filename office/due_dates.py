"""When a case is due: its office's processing time in days from the day it arrived.

Days are counted in Polish calendar days: a case received on 20 November with 30 days is
due on 20 December and overdue from 21 December on, unless it is ready or closed.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from office.store import CaseState

SETTLED: frozenset[CaseState] = frozenset({"ready", "closed"})


def _zone() -> dt.tzinfo:
    try:
        return ZoneInfo("Europe/Warsaw")
    except ZoneInfoNotFoundError:
        return dt.UTC


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(_zone()).date()


def due_date(received_at: dt.datetime, days: int) -> dt.date:
    return local_date(received_at) + dt.timedelta(days=days)


def is_overdue(state: CaseState, received_at: dt.datetime, days: int, now: dt.datetime) -> bool:
    return state not in SETTLED and local_date(now) > due_date(received_at, days)


def overdue_before(now: dt.datetime, days: int) -> dt.datetime:
    """Unsettled cases received before this moment are overdue now."""
    day = local_date(now) - dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(), tzinfo=_zone()).astimezone(dt.UTC)


def expected_by(state: CaseState, received_at: dt.datetime, days: int) -> dt.date | None:
    """What a resident is told to expect: the due date, until the case is settled."""
    return None if state in SETTLED else due_date(received_at, days)
