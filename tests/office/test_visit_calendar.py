"""The visit calendar: opening hours from the settings (checked), Polish public holidays,
days off, past and taken slots; and the settings' refusals naming file, key and reason."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from office.settings_checks import SettingsError
from office.settings_file import load_settings
from office.visit_calendar import (
    closed_because,
    day_bounds,
    day_slots,
    free_slots,
    hours_on,
    public_holiday,
)
from office.visit_settings import OpeningHours, hours_by_days
from tests.office.conftest import VISIT_OFFICES, VISIT_SERVICES

LANCUT = VISIT_OFFICES[0]
ID_CARD = VISIT_SERVICES[0]  # two desks, 15 minutes
MONDAY = dt.date(2026, 11, 23)
BEFORE_MONDAY = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    start, _ = day_bounds(day)
    return start + dt.timedelta(hours=hour, minutes=minute)


def test_a_day_is_cut_into_slots_per_desk_from_opening_to_closing() -> None:
    slots = list(day_slots(LANCUT, ID_CARD, MONDAY))
    assert len(slots) == 8 * 4 * 2  # 8 hours, 4 slots an hour, 2 desks
    assert [s.local.strftime("%H:%M") for s in slots[:3]] == ["08:00", "08:00", "08:15"]
    assert {s.desk for s in slots} == {"Stanowisko 1", "Stanowisko 2"}
    assert slots[-1].local.strftime("%H:%M") == "15:45"  # the last one ends at closing


def test_slots_are_in_polish_time_either_side_of_the_clock_change() -> None:
    before = next(iter(day_slots(LANCUT, ID_CARD, dt.date(2026, 10, 23))))
    after = next(iter(day_slots(LANCUT, ID_CARD, dt.date(2026, 10, 26))))
    assert before.starts_at == dt.datetime(2026, 10, 23, 6, 0, tzinfo=dt.UTC)  # CEST
    assert after.starts_at == dt.datetime(2026, 10, 26, 7, 0, tzinfo=dt.UTC)  # CET


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (dt.date(2026, 11, 11), "święto: Narodowe Święto Niepodległości"),
        (dt.date(2026, 12, 24), "święto: Wigilia Bożego Narodzenia"),  # from 2025 on
        (dt.date(2027, 3, 29), "święto: Poniedziałek Wielkanocny"),  # a moving feast
        (dt.date(2027, 5, 27), "święto: Dzień Bożego Ciała"),
        (dt.date(2026, 11, 21), "urząd nieczynny w ten dzień tygodnia"),  # a Saturday
    ],
)
def test_holidays_and_days_without_hours_are_closed(day: dt.date, reason: str) -> None:
    assert closed_because(LANCUT, day, set()) == reason


def test_an_administrators_day_off_closes_an_ordinary_day() -> None:
    assert closed_because(LANCUT, MONDAY, set()) is None
    assert closed_because(LANCUT, MONDAY, {MONDAY}) == "dzień wolny urzędu"


def test_free_slots_skip_closed_days_the_past_and_taken_slots() -> None:
    now = local(MONDAY, 15, 10)  # Monday 15:10: two slots per desk left today
    taken = {("Stanowisko 1", local(MONDAY, 15, 30))}
    found = free_slots(LANCUT, ID_CARD, MONDAY, 3, now, days_off={MONDAY + dt.timedelta(1)},
                       taken=taken)  # fmt: skip
    today = [(s.desk, s.local.strftime("%H:%M")) for s in found if s.local.date() == MONDAY]
    assert today == [("Stanowisko 1", "15:15"), ("Stanowisko 2", "15:15"),
                     ("Stanowisko 2", "15:30"), ("Stanowisko 1", "15:45"),
                     ("Stanowisko 2", "15:45")]  # fmt: skip
    assert {s.local.date() for s in found} == {MONDAY, MONDAY + dt.timedelta(2)}


def test_the_weeks_around_christmas_offer_no_slot_on_a_holiday() -> None:
    first = dt.date(2026, 12, 21)
    found = free_slots(LANCUT, ID_CARD, first, 14, BEFORE_MONDAY, days_off=set(), taken=set())
    days = sorted({s.local.date().isoformat() for s in found})
    assert days == ["2026-12-21", "2026-12-22", "2026-12-23", "2026-12-28", "2026-12-29",
                    "2026-12-30", "2026-12-31"]  # fmt: skip


CALENDAR = """
[[offices]]
tenant_id = "gmina-miasto-lancut"
name = "Urząd Miasta Łańcut"
prefix = "UM"
[[offices.visit_services]]
service_id = "gl-dowod-osobisty"
name = "Dowód osobisty"
desks = ["Stanowisko 1", "Stanowisko 2"]
slot_min = {slot_min}
queue = "{queue}"
[[offices.visit_services]]
service_id = "gl-zameldowanie"
name = "Zameldowanie"
desks = ["{desk}"]
slot_min = 20
[[offices.opening_hours]]
weekday = {weekday}
opens = "{opens}"
closes = "16:00"
"""
SOUND = {"slot_min": "15", "queue": "A", "desk": "Pokój 12", "weekday": "1", "opens": "08:00"}


def test_the_calendar_is_read_from_the_office_toml(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text(CALENDAR.format(**SOUND), encoding="utf-8")
    office = load_settings(path).offices[0]
    assert [s.desks for s in office.visit_services] == [["Stanowisko 1", "Stanowisko 2"],
                                                         ["Pokój 12"]]  # fmt: skip
    assert (office.opening_hours[0].weekday, office.opening_hours[0].opens) == (1, "08:00")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"opens": "8:00"}, "'offices[0].opening_hours[0].opens' must be a time HH:MM"),
        ({"opens": "16:30"}, "'offices[0].opening_hours[0].closes' must be later than"),
        ({"weekday": "8"}, "'offices[0].opening_hours[0].weekday' must be at most 7"),
        ({"weekday": "0"}, "'offices[0].opening_hours[0].weekday' must be at least 1"),
        ({"slot_min": "nan"}, "'offices[0].visit_services[0].slot_min' must be a whole number"),
        ({"slot_min": "2"}, "'offices[0].visit_services[0].slot_min' must be at least 5"),
        ({"slot_min": "600"}, "'offices[0].visit_services[0].slot_min' must be at most 240"),
        ({"queue": "a"}, "'offices[0].visit_services[0].queue' must be one capital letter"),
        ({"desk": "Stanowisko 2"}, "'offices[0].visit_services[1].slot_min' must be the same"),
    ],
)
def test_a_wrong_calendar_is_refused_naming_the_key(
    tmp_path: Path, change: dict[str, str], reason: str
) -> None:
    path = tmp_path / "office.toml"
    path.write_text(CALENDAR.format(**{**SOUND, **change}), encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        load_settings(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert reason in str(refused.value)


@settings(max_examples=200, deadline=None)
@given(
    first=st.dates(dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
    days=st.integers(1, 42),
    opens=st.integers(6 * 60, 10 * 60),
    length=st.integers(60, 10 * 60),
    slot_min=st.sampled_from([5, 10, 15, 20, 30, 45, 60]),
    now_offset_h=st.integers(-48, 24 * 10),
)
def test_every_free_slot_is_on_an_open_day_within_its_hours_and_after_now(
    *, first: dt.date, days: int, opens: int, length: int, slot_min: int, now_offset_h: int
) -> None:
    closes = min(opens + length, 23 * 60 + 59)
    hours = [OpeningHours(day, hhmm(opens), hhmm(closes)) for day in range(1, 7)]
    service = dataclasses.replace(ID_CARD, slot_min=slot_min)
    office = dataclasses.replace(LANCUT, visit_services=[service], opening_hours=hours)
    now = day_bounds(first)[0] + dt.timedelta(hours=now_offset_h)
    found = free_slots(office, service, first, days, now, days_off=set(), taken=set())
    for slot in found:
        local = slot.local
        day_hours = hours_on(office, local.date())
        assert day_hours is not None and public_holiday(local.date()) is None
        assert first <= local.date() < first + dt.timedelta(days=days)
        assert day_hours.opens <= local.strftime("%H:%M")
        end = local + dt.timedelta(minutes=slot_min)
        assert end.date() == local.date() and end.strftime("%H:%M") <= day_hours.closes
        assert slot.starts_at > now
    assert len(found) == len(set(found))


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def test_the_hours_are_told_as_the_catalogue_writes_them() -> None:
    hours = [OpeningHours(5, "08:00", "14:00"), OpeningHours(1, "08:00", "17:00"),
             *(OpeningHours(day, "07:30", "15:30") for day in (2, 3, 4))]  # fmt: skip
    assert hours_by_days(hours) == [
        {"days": ["Mo"], "opens": "08:00", "closes": "17:00"},
        {"days": ["Tu", "We", "Th"], "opens": "07:30", "closes": "15:30"},
        {"days": ["Fr"], "opens": "08:00", "closes": "14:00"},
    ]
    assert hours_by_days([]) == []
