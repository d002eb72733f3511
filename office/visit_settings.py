"""An office's visit calendar in its settings: bookable services and opening hours.

The hours of visits live in the office's TOML (`[[offices.opening_hours]]`) and nowhere
else: the catalogue has no hours of an office (only each service's in-person channel has
hours, written by the catalogue's publisher), the office service does not read the
catalogue, and the hours residents may book are the office's own decision (its staff,
its desks). The kiosks show the hours the visits API gives (`hours_by_days`), so a
resident reads the same hours the slots are cut from. Types and ranges are checked by
settings_file.py; `check_visits` checks what types cannot say (times of day, desks, a
desk's one slot length).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from office.settings_meta import about

WEEKDAYS_PL = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")
_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_SERVICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_QUEUE = re.compile(r"[A-Z]")
MAX_DESK = 40


@dataclass(frozen=True)
class VisitService:
    """A service residents may book a visit for, or take a walk-in ticket for."""

    service_id: str = field(
        default="", metadata=about("The service's id, as the catalogue and applications name it.")
    )
    name: str = field(default="", metadata=about("The service's name for residents (Polish)."))
    desks: list[str] = field(
        default_factory=list, metadata=about("Desks or rooms that handle it, e.g. 'Pokój 12'.")
    )
    slot_min: int = field(
        default=15, metadata=about("Minutes of one visit.", minimum=5, maximum=240)
    )
    queue: str = field(
        default="A",
        metadata=about("Letter of its walk-in queue (services may share one): A017, B004..."),
    )


@dataclass(frozen=True)
class OpeningHours:
    """When the office receives visitors on one weekday (1 Monday ... 7 Sunday)."""

    weekday: int = field(
        default=1, metadata=about("Day of the week: 1 Monday ... 7 Sunday.", minimum=1, maximum=7)
    )
    opens: str = field(default="08:00", metadata=about("Opening time, HH:MM (Polish time)."))
    closes: str = field(default="16:00", metadata=about("Closing time, HH:MM (Polish time)."))


CATALOGUE_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")  # as the catalogue names days


def hours_by_days(hours: list[OpeningHours]) -> list[dict[str, object]]:
    """The hours as the catalogue writes opening hours: days with the same times together,
    e.g. [{"days": ["Mo", "Tu"], "opens": "08:00", "closes": "16:00"}], Monday first."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for day in sorted(hours, key=lambda h: h.weekday):
        grouped.setdefault((day.opens, day.closes), []).append(CATALOGUE_DAYS[day.weekday - 1])
    return [{"days": days, "opens": opens, "closes": closes}
            for (opens, closes), days in grouped.items()]  # fmt: skip


def time_of_day(text: str) -> dt.time | None:
    match = _TIME.fullmatch(text)
    return dt.time(int(match[1]), int(match[2])) if match else None


def check_visits(services: list[VisitService], hours: list[OpeningHours], where: str) -> str | None:
    """What is wrong with an office's calendar settings, naming the key; None when sound.

    `where` is the office's key prefix, e.g. "offices[0]"."""
    return _check_hours(hours, where) or _check_services(services, where)


def _check_hours(hours: list[OpeningHours], where: str) -> str | None:
    seen: set[int] = set()
    for number, day in enumerate(hours):
        key = f"'{where}.opening_hours[{number}]"
        opens, closes = time_of_day(day.opens), time_of_day(day.closes)
        if opens is None:
            return f"{key}.opens' must be a time HH:MM, e.g. 07:30 (got {day.opens!r})"
        if closes is None:
            return f"{key}.closes' must be a time HH:MM, e.g. 15:30 (got {day.closes!r})"
        if closes <= opens:
            return f"{key}.closes' must be later than its opens ({day.opens})"
        if day.weekday in seen:
            return f"{key}.weekday' repeats {day.weekday}: one entry per day of the week"
        seen.add(day.weekday)
    return None


def _check_services(services: list[VisitService], where: str) -> str | None:
    seen: set[str] = set()
    slot_of_desk: dict[str, int] = {}
    for number, service in enumerate(services):
        key = f"'{where}.visit_services[{number}]"
        if not _SERVICE_ID.fullmatch(service.service_id) or service.service_id in seen:
            return (
                f"{key}.service_id' must be a catalogue service id, once per office "
                f"(got {service.service_id!r})"
            )
        seen.add(service.service_id)
        if not service.name.strip():
            return f"{key}.name' must not be empty"
        if not _QUEUE.fullmatch(service.queue):
            return f"{key}.queue' must be one capital letter A-Z (got {service.queue!r})"
        problem = _check_desks(service, key, slot_of_desk)
        if problem:
            return problem
    return None


def _check_desks(service: VisitService, key: str, slot_of_desk: dict[str, int]) -> str | None:
    if not service.desks:
        return f"{key}.desks' must name at least one desk or room"
    for desk in service.desks:
        if not desk.strip() or len(desk) > MAX_DESK:
            return f"{key}.desks' must be names of 1 to {MAX_DESK} characters (got {desk!r})"
        if slot_of_desk.setdefault(desk, service.slot_min) != service.slot_min:
            # A slot is a desk's start time; two lengths at one desk would overlap.
            return (
                f"{key}.slot_min' must be the same for every service of desk {desk!r} "
                f"({slot_of_desk[desk]} there)"
            )
    return None
