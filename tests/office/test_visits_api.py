"""The kiosks' visit API over real HTTP, on SQLite and PostgreSQL: services, free slots,
bookings with their codes (resent, taken, cancelled) and each refusal naming its field."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

import pytest

from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore
from office.visit_store import VisitStore
from offline_cache.submission_code import is_valid, new_code
from tests.office.conftest import ID_CARD, KIOSK, LANCUT, REGISTRATION, RZESZOW, SetClock
from tests.office.office_server import OfficeServer
from tests.office.visit_client import TUESDAY_MORNING, VisitKiosk

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)  # Friday 11:00 in Łańcut
MONDAY_9 = "2026-11-23T09:00:00+01:00"


@pytest.fixture
def visit_store(visit_settings: OfficeSettings) -> Iterator[CaseStore]:
    opened = open_store(visit_settings)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> SetClock:
    return SetClock(NOW)


@pytest.fixture
def kiosk(
    visit_settings: OfficeSettings, visit_store: CaseStore, clock: SetClock
) -> Iterator[VisitKiosk]:
    token = new_token()
    visit_store.add_kiosk(KIOSK, [LANCUT], token_hash(token), NOW)
    server = OfficeServer(visit_settings, visit_store, clock)
    yield VisitKiosk(server.url, token)
    server.stop()


def test_the_kiosk_lists_the_bookable_services(kiosk: VisitKiosk) -> None:
    answer = kiosk.services()
    assert answer.status_code == 200
    assert answer.json()["office"] == {"tenant_id": LANCUT, "name": "Urząd Miasta Łańcut",
                                       "phone": "+48 17 225 22 13"}  # fmt: skip
    assert [(s["id"], s["slot_min"], s["queue"]) for s in answer.json()["services"]] == [
        (ID_CARD, 15, "A"), (REGISTRATION, 20, "B"),
    ]  # fmt: skip
    assert answer.json()["hours"] == [  # the config's, that the slots are cut from
        {"days": ["Mo", "Tu", "We", "Th", "Fr"], "opens": "08:00", "closes": "16:00"}
    ]


def test_only_a_registered_kiosk_of_the_office_is_answered(kiosk: VisitKiosk) -> None:
    stranger = VisitKiosk(kiosk.base.split("/api/")[0], "not-a-token")
    assert stranger.services().status_code == 401
    assert stranger.services().headers["WWW-Authenticate"] == "Bearer"
    other = VisitKiosk(kiosk.base.split("/api/")[0], "x", RZESZOW)
    other.http.headers["Authorization"] = kiosk.http.headers["Authorization"]
    refused = other.services()
    assert (refused.status_code, refused.json()["error"]) == (
        403, "office: this kiosk does not serve that office")  # fmt: skip


def test_free_slots_start_after_now_and_skip_the_weekend(kiosk: VisitKiosk) -> None:
    answer = kiosk.slots(REGISTRATION, days="4")
    assert answer.status_code == 200
    slots = answer.json()["slots"]
    assert {s["day"] for s in slots} == {"2026-11-20", "2026-11-23"}  # Friday, then Monday
    assert slots[0] == {"starts_at": "2026-11-20T11:20:00+01:00", "day": "2026-11-20",
                        "time": "11:20", "desk": "Pokój 12"}  # fmt: skip
    assert len(slots) == 14 + 24  # Friday 11:20-15:40, all Monday


@pytest.mark.parametrize(
    ("query", "status", "error"),
    [
        ({"days": "0"}, 400, "days: must be a whole number from 1 to 42"),
        ({"days": "43"}, 400, "days: must be a whole number from 1 to 42"),
        ({"from": "23.11.2026"}, 400, "from: must be a date such as 2026-12-07"),
    ],
)
def test_a_wrong_slot_query_is_refused_naming_it(
    kiosk: VisitKiosk, query: dict[str, str], status: int, error: str
) -> None:
    answer = kiosk.slots(ID_CARD, **query)
    assert (answer.status_code, answer.json()) == (status, {"error": error})


def test_an_unknown_service_is_404(kiosk: VisitKiosk) -> None:
    answer = kiosk.slots("gl-psy")
    assert answer.status_code == 404
    assert answer.json()["error"].startswith("service: ")


def test_a_booking_gets_a_code_and_its_slot_is_gone(
    kiosk: VisitKiosk, visit_store: CaseStore
) -> None:
    answer = kiosk.book("kiosk-1-0001", service_id=REGISTRATION, starts_at=MONDAY_9,
                        name="Zofia Żółkiewska", email="zofia@example.pl", language="uk")  # fmt: skip
    assert answer.status_code == 201
    booked = answer.json()
    assert is_valid(booked["code"])
    assert (booked["desk"], booked["starts_at"], booked["time"]) == (
        "Pokój 12", MONDAY_9, "09:00")  # fmt: skip
    times = [s["starts_at"] for s in kiosk.slots(REGISTRATION, days="4").json()["slots"]]
    assert MONDAY_9 not in times
    # The kiosk did not hear the answer and sends again: the same booking.
    again = kiosk.book("kiosk-1-0001", service_id=REGISTRATION, starts_at=MONDAY_9,
                       name="Zofia Żółkiewska", email="zofia@example.pl", language="uk")  # fmt: skip
    assert (again.status_code, again.json()["code"]) == (200, booked["code"])
    found = VisitStore(visit_store.sql()).find(LANCUT, booked["code"])
    assert found is not None
    assert (found.name, found.state) == ("Zofia Żółkiewska", "booked")


def test_a_taken_slot_is_409_choose_another(kiosk: VisitKiosk) -> None:
    first = kiosk.book(service_id=REGISTRATION, starts_at=MONDAY_9)
    assert first.status_code == 201
    second = kiosk.book(service_id=REGISTRATION, starts_at=MONDAY_9)
    assert (second.status_code, second.json()) == (
        409,
        {"error": "starts_at: taken, choose another"},
    )


def test_without_a_desk_the_next_free_desk_is_taken(kiosk: VisitKiosk) -> None:
    desks = [kiosk.book(service_id=ID_CARD, starts_at=MONDAY_9).json().get("desk") for _ in "abc"]
    assert desks == ["Stanowisko 1", "Stanowisko 2", None]


def test_the_same_key_with_another_booking_is_422(kiosk: VisitKiosk) -> None:
    assert kiosk.book("k-7", service_id=REGISTRATION, starts_at=MONDAY_9).status_code == 201
    other = kiosk.book("k-7", service_id=REGISTRATION, starts_at="2026-11-23T09:20:00+01:00")
    assert other.status_code == 422
    assert other.json()["error"].startswith("Idempotency-Key: ")


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"starts_at": "2026-11-23T09:05:00+01:00"}, "starts_at: not a start time of this"),
        ({"starts_at": "2026-11-23T09:00:00"}, "starts_at: must carry its UTC offset"),
        ({"starts_at": "poniedziałek"}, "starts_at: must be a time such as"),
        ({"starts_at": "2026-11-20T09:00:00+01:00"}, "starts_at: that time has passed"),
        ({"starts_at": "2026-11-21T09:00:00+01:00"}, "starts_at: the office takes no visitors"),
        ({"starts_at": "2027-01-29T09:00:00+01:00"}, "starts_at: visits are booked at most 42"),
        ({"email": "zofia.example.pl"}, "email: must be one e-mail address"),
        ({"phone": "dzwonić wieczorem"}, "phone: must be a phone number"),
        ({"consent_version": ""}, "consent_version: needed"),
        ({"language": "ru"}, "language: must be one of pl, en, uk, de"),
        ({"desk": "Stanowisko 1"}, "desk: not a desk of this service"),
        ({"name": "Ż" * 101}, "name: must be text of at most 100 characters"),
    ],
)
def test_a_wrong_booking_is_400_naming_the_field(
    kiosk: VisitKiosk, body: dict[str, str], error: str
) -> None:
    answer = kiosk.book(**{"service_id": REGISTRATION, "starts_at": MONDAY_9, **body})
    assert answer.status_code == 400
    assert answer.json()["error"].startswith(error)
    assert "zofia" not in answer.text and "wieczorem" not in answer.text


def test_a_missing_idempotency_key_is_400(kiosk: VisitKiosk) -> None:
    answer = kiosk.http.post(kiosk.base + "/bookings", json={}, timeout=10)
    assert (answer.status_code, answer.json()["error"][:16]) == (400, "Idempotency-Key:")


@pytest.mark.parametrize("delete", [False, True])
def test_cancelling_with_the_code_frees_the_slot(kiosk: VisitKiosk, delete: bool) -> None:
    code = kiosk.book(service_id=REGISTRATION, starts_at=MONDAY_9).json()["code"]
    cancelled = kiosk.cancel(code.lower()[:5] + "-" + code[5:], delete=delete)
    assert (cancelled.status_code, cancelled.json()) == (200, {"code": code, "state": "cancelled"})
    assert kiosk.cancel(code).status_code == 200  # again: still cancelled
    times = [s["starts_at"] for s in kiosk.slots(REGISTRATION, days="4").json()["slots"]]
    assert MONDAY_9 in times
    assert kiosk.book(service_id=REGISTRATION, starts_at=MONDAY_9).status_code == 201


def test_the_code_that_cancels_a_visit_is_never_logged(
    kiosk: VisitKiosk, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="office"):
        code = kiosk.book(service_id=REGISTRATION, starts_at=MONDAY_9).json()["code"]
        assert kiosk.cancel(code).status_code == 200
    # The office's own lines: uvicorn's access log is off in `office serve` (serve.py,
    # access_log=False), though another test in this process may have let it propagate here.
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("office"))
    assert "visits: booking created for" in logged and "a booking cancelled for" in logged
    assert code not in logged and code[:5] not in logged


def test_cancelling_refuses_a_bad_code_an_unknown_one_and_a_past_visit(
    kiosk: VisitKiosk, clock: SetClock
) -> None:
    code = kiosk.book(service_id=REGISTRATION, starts_at=MONDAY_9).json()["code"]
    wrong = code[:-1] + ("2" if code[-1] != "2" else "3")
    assert kiosk.cancel(wrong).status_code == 400
    unknown = kiosk.cancel(new_code())
    assert (unknown.status_code, unknown.json()["error"]) == (
        404, "code: no booking of this office has this code")  # fmt: skip
    clock.now = TUESDAY_MORNING
    late = kiosk.cancel(code)
    assert late.status_code == 409
    assert late.json()["error"].startswith("code: the visit has begun or passed")


def test_a_body_over_8_kib_is_413_unread(kiosk: VisitKiosk) -> None:
    answer = kiosk.book(service_id=REGISTRATION, starts_at=MONDAY_9, name="Ż" * 9000)
    assert (answer.status_code, answer.json()) == (413, {"error": "body: larger than 8 KiB"})
