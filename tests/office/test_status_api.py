"""GET /api/status/<CODE> as docs/status-api.md describes it, read by the kiosk's own parser."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
import requests

from kiosk.case_status import parse_reply
from office.settings import OfficeSettings
from office.store import CaseStore
from offline_cache.submission_code import ALPHABET, check_character, new_code
from tests.office.case_moves import move_case
from tests.office.office_server import RECEIVED, OfficeServer
from tests.office.status_helpers import (
    OFFICES_WITH_PHONES,
    PHONE,
    SERVICE,
    file_case,
    status_server,
)
from tests.outbox_factories import ANSWERS


@pytest.fixture
def office(settings: OfficeSettings, store: CaseStore) -> Iterator[OfficeServer]:
    server = status_server(settings, store, status_misses_per_minute=5)
    yield server
    server.stop()


def wrong_check(code: str) -> str:
    other = next(s for s in ALPHABET if s != check_character(code[:9]))
    return code[:9] + other


def test_a_filed_case_is_answered_with_the_status_document(
    office: OfficeServer, http: requests.Session, kiosk_token: str, settings: OfficeSettings
) -> None:
    code = file_case(office, http, kiosk_token)
    reply = http.get(f"{office.url}/api/status/{code}", timeout=10)
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "application/json"
    assert reply.headers["cache-control"] == "no-store"
    document = reply.json()
    assert document == {
        "format": "infomat-status/1",
        "code": code,
        "case_number": "UM-2026/00001",
        "state": "received",
        "filed_at": "2026-11-20T09:58:00+00:00",
        "updated_at": RECEIVED.isoformat(),
        "expected_by": "2026-12-20",  # 30 days (the office's processing_days) from receipt
        "service": SERVICE,
        "office": {"name": "Urząd Miasta Łańcut", "phone": PHONE},
        "message": "",
    }
    seen = parse_reply(reply.content, code)  # the kiosk reads it as it is
    assert (seen.state, seen.case_number, seen.office_phone) == ("received", "UM-2026/00001", PHONE)
    assert seen.expected_by == dt.date(2026, 12, 20)
    assert not any(answer in reply.text for answer in ANSWERS.values())


def test_the_latest_message_that_says_something_is_the_message(
    office: OfficeServer, http: requests.Session, kiosk_token: str, settings: OfficeSettings
) -> None:
    code = file_case(office, http, kiosk_token)
    later = RECEIVED + dt.timedelta(days=1)
    move_case(settings, code, "in_progress", later, "Odpowiedź wyślemy e-mailem do 20 grudnia.")
    move_case(settings, code, "needs_more", later + dt.timedelta(hours=2), "")
    document = http.get(f"{office.url}/api/status/{code}", timeout=10).json()
    assert document["state"] == "needs_more"
    assert document["message"] == "Odpowiedź wyślemy e-mailem do 20 grudnia."
    assert document["updated_at"] == (later + dt.timedelta(hours=2)).isoformat()


def test_unknown_and_mistyped_codes(office: OfficeServer, http: requests.Session) -> None:
    code = new_code()
    unknown = http.get(f"{office.url}/api/status/{code}", timeout=10)
    assert unknown.status_code == 404
    assert unknown.json()["error"].startswith("code:")
    mistyped = http.get(f"{office.url}/api/status/{wrong_check(code)}", timeout=10)
    assert mistyped.status_code == 400
    assert mistyped.json() == {"error": "code: the check character does not match"}
    short = http.get(f"{office.url}/api/status/K7P4M", timeout=10)
    assert (short.status_code, "10 characters" in short.json()["error"]) == (400, True)


def test_a_client_that_keeps_missing_waits_and_is_told_how_long(
    office: OfficeServer, http: requests.Session, kiosk_token: str
) -> None:
    code = file_case(office, http, kiosk_token)
    for _ in range(5):  # status_misses_per_minute = 5
        assert http.get(f"{office.url}/api/status/{new_code()}", timeout=10).status_code == 404
    throttled = http.get(f"{office.url}/api/status/{new_code()}", timeout=10)
    assert throttled.status_code == 429
    assert 1 <= int(throttled.headers["retry-after"]) <= 60
    # While it waits, even a good code is not looked up (guessing must stop, not slow down).
    assert http.get(f"{office.url}/api/status/{code}", timeout=10).status_code == 429
    assert http.get(f"{office.url}/s/{code}", timeout=10).status_code == 429


def test_found_codes_do_not_count_against_the_client(
    office: OfficeServer, http: requests.Session, kiosk_token: str
) -> None:
    code = file_case(office, http, kiosk_token)
    for _ in range(12):  # a resident refreshing the page
        assert http.get(f"{office.url}/api/status/{code}", timeout=10).status_code == 200


def test_expected_by_follows_the_offices_processing_days_until_the_case_is_settled(
    settings: OfficeSettings, store: CaseStore, http: requests.Session, kiosk_token: str
) -> None:
    offices = [dataclasses.replace(o, processing_days=14) for o in OFFICES_WITH_PHONES]
    office = OfficeServer(dataclasses.replace(settings, offices=offices), store)
    try:
        code = file_case(office, http, kiosk_token)
        url = f"{office.url}/api/status/{code}"
        assert http.get(url, timeout=10).json()["expected_by"] == "2026-12-04"
        move_case(settings, code, "ready", RECEIVED + dt.timedelta(days=3))
        settled = http.get(url, timeout=10)
    finally:
        office.stop()
    assert settled.json()["expected_by"] is None  # nothing more to expect
    assert parse_reply(settled.content, code).expected_by is None
