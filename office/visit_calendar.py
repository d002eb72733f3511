"""Which slots of a bookable service an office offers: its hours, desks and closed days.

A slot is a desk and a start time. Each desk's day is cut into `slot_min` pieces from its
opening to its closing time (Polish time); a day is closed on Polish public holidays (the
`holidays` library: a maintained list, with the moving feasts and the law's changes such
as Christmas Eve from 2025), on an administrator's days off, and on weekdays without hours.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import holidays

from office.settings import Office
from office.visit_settings import OpeningHours, VisitService, time_of_day

WARSAW = ZoneInfo("Europe/Warsaw")
MAX_DAYS = 42  # how far ahead residents may book: six weeks


@dataclass(frozen=True)
class Slot:
    desk: str
    starts_at: dt.datetime  # aware, UTC

    @property
    def local(self) -> dt.datetime:
        return self.starts_at.astimezone(WARSAW)


def polish_day(moment: dt.datetime) -> dt.date:
    """The office's calendar day at `moment`."""
    return moment.astimezone(WARSAW).date()


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC moments a Polish calendar day starts and ends (23 or 25 hours at DST)."""
    start = dt.datetime.combine(day, dt.time(), WARSAW).astimezone(dt.UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), WARSAW).astimezone(dt.UTC)
    return start, end


def public_holiday(day: dt.date) -> str | None:
    """The holiday's Polish name when `day` is a public holiday in Poland."""
    name = _polish_holidays(day.year).get(day)
    return str(name) if name else None


@functools.lru_cache(maxsize=8)
def _polish_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("PL", years=year, language="pl")


def hours_on(office: Office, day: dt.date) -> OpeningHours | None:
    return next((h for h in office.opening_hours if h.weekday == day.isoweekday()), None)


def closed_because(office: Office, day: dt.date, days_off: Collection[dt.date]) -> str | None:
    """Why the office takes no visitors on `day` (Polish words), or None when open."""
    holiday = public_holiday(day)
    if holiday:
        return f"święto: {holiday}"
    if day in days_off:
        return "dzień wolny urzędu"
    if hours_on(office, day) is None:
        return "urząd nieczynny w ten dzień tygodnia"
    return None


def day_slots(office: Office, service: VisitService, day: dt.date) -> Iterator[Slot]:
    """Every slot of the day by the hours alone, desk by desk, in time order."""
    hours = hours_on(office, day)
    opens = time_of_day(hours.opens) if hours else None
    closes = time_of_day(hours.closes) if hours else None
    if opens is None or closes is None:
        return
    step = dt.timedelta(minutes=service.slot_min)
    start = dt.datetime.combine(day, opens, WARSAW)
    end = dt.datetime.combine(day, closes, WARSAW)
    moment = start
    while moment + step <= end:
        for desk in service.desks:
            yield Slot(desk, moment.astimezone(dt.UTC))
        moment += step


def free_slots(
    office: Office, service: VisitService, first_day: dt.date, days: int, now: dt.datetime,
    *,
    days_off: Collection[dt.date], taken: Collection[tuple[str, dt.datetime]],
) -> list[Slot]:  # fmt: skip
    """The slots residents may still book from `first_day` on for `days` days: open days
    only, later than `now`, not `taken` ((desk, UTC start) of live bookings)."""
    found: list[Slot] = []
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        if closed_because(office, day, days_off) is not None:
            continue
        found += [
            slot
            for slot in day_slots(office, service, day)
            if slot.starts_at > now and (slot.desk, slot.starts_at) not in taken
        ]
    return found
