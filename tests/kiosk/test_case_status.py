"""'Sprawdź stan sprawy' behind the screen: the office's status API on a real loopback HTTP
server, and this kiosk's real outbox file when the office cannot say."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from kiosk.case_status import MAX_REPLY_BYTES, CaseStatusLookup, UnreadableReply, parse_reply
from kiosk.code_entry import read_entry
from offline_cache.outbox import Outbox
from offline_cache.submission_code import new_code
from tests.outbox_factories import new_submission
from tests.peers.catalogue_server import CatalogueServer

PREFIX = "/api/status/"


def document(code: str, **changes: Any) -> dict[str, Any]:
    found: dict[str, Any] = {
        "format": "infomat-status/1",
        "code": code,
        "case_number": "UM-2026/00017",
        "state": "in_progress",
        "filed_at": "2026-11-20T10:00:00+00:00",
        "updated_at": "2026-11-21T09:30:00+00:00",
        "expected_by": "2026-12-20",
        "service": "Wniosek o udostępnienie informacji publicznej",
        "office": {"name": "Urząd Miasta Łańcut", "phone": "+48 17 225 22 13"},
        "message": "Prosimy o odbiór w pokoju 12 — Żaneta Źrebiec",
    }
    found.update(changes)
    return found


@pytest.fixture
def office() -> Iterator[CatalogueServer]:
    server = CatalogueServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.sqlite")
    yield box
    box.close()


def lookup(office: CatalogueServer | None, outbox: Outbox, timeout_s: float = 2) -> Iterator[Any]:
    url = office.base_url + PREFIX if office else ""
    with requests.Session() as session:
        yield CaseStatusLookup(url, timeout_s, lambda: outbox, lambda: session)


@pytest.fixture
def ask(office: CatalogueServer, outbox: Outbox) -> Iterator[CaseStatusLookup]:
    yield from lookup(office, outbox)


def test_the_office_answer_is_read_field_by_field(
    office: CatalogueServer, ask: CaseStatusLookup
) -> None:
    code = new_code()
    office.publish(PREFIX + code, json.dumps(document(code)).encode())
    status = ask.look_up(code)
    assert (status.found, status.office, status.state) == ("office", "answered", "in_progress")
    assert status.case_number == "UM-2026/00017"
    assert status.expected_by == dt.date(2026, 12, 20)
    assert status.updated_at == dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)
    assert status.office_phone == "+48 17 225 22 13"
    assert status.message.endswith("Żaneta Źrebiec")
    [(path, headers)] = office.requests
    assert path == PREFIX + code and headers["Accept"] == "application/json"


def test_not_at_the_office_but_queued_here_says_so(
    office: CatalogueServer, outbox: Outbox, ask: CaseStatusLookup
) -> None:
    filed = outbox.enqueue(new_submission())
    status = ask.look_up(filed.code)  # the office answers 404: it has not got it yet
    assert (status.found, status.office, status.state) == ("kiosk", "not_found", "queued")
    assert status.service == "Wniosek o udostępnienie informacji publicznej"
    assert status.case_number == ""


def test_an_unreachable_office_falls_back_to_the_case_number_recorded_here(
    outbox: Outbox,
) -> None:
    filed = outbox.enqueue(new_submission())
    outbox.mark_delivered(filed.code, "UM-2026/00042")
    with requests.Session() as session:
        # A port nobody listens on: the connection is refused at once.
        ask = CaseStatusLookup("http://127.0.0.1:9/api/status/", 2, lambda: outbox, lambda: session)
        status = ask.look_up(filed.code)
    assert (status.found, status.office, status.state) == ("kiosk", "unreachable", "delivered")
    assert status.case_number == "UM-2026/00042"


def test_a_code_nobody_knows(ask: CaseStatusLookup) -> None:
    status = ask.look_up(new_code())
    assert (status.found, status.office) == ("nowhere", "not_found")


def test_without_a_status_api_only_the_outbox_is_asked(outbox: Outbox) -> None:
    filed = outbox.enqueue(new_submission())
    for ask in lookup(None, outbox):
        status = ask.look_up(filed.code)
        assert (status.found, status.office, status.state) == ("kiosk", "not_asked", "queued")


@pytest.mark.parametrize(
    ("served", "why"),
    [
        ({"status": 500}, "a server error"),
        ({"status": 429}, "throttled"),
        ({"delay_s": 3.0}, "slower than the timeout"),
        ({"body": b"<html>portal login</html>"}, "a captive portal's page, not JSON"),
        ({"body": b"{" + b" " * (MAX_REPLY_BYTES + 10) + b"}"}, "larger than the limit"),
    ],
)
def test_a_confused_office_is_unreachable_and_the_outbox_answers(
    office: CatalogueServer, outbox: Outbox, served: dict[str, Any], why: str
) -> None:
    filed = outbox.enqueue(new_submission())
    body = served.pop("body", json.dumps(document(filed.code)).encode())
    office.publish(PREFIX + filed.code, body, **served)
    for ask in lookup(office, outbox, timeout_s=1):
        status = ask.look_up(filed.code)
        assert (status.found, status.office, status.state) == ("kiosk", "unreachable", "queued"), (
            why
        )


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"format": "other/1"}, "format"),
        ({"state": "lost"}, "state"),
        ({"state": None}, "state"),
        ({"filed_at": "20 listopada"}, "filed_at"),
        ({"filed_at": "2026-11-20T10:00:00"}, "time zone"),
        ({"expected_by": "2026-13-40"}, "expected_by"),
        ({"message": ["a", "list"]}, "message"),
        ({"office": "Urząd"}, "office"),
    ],
)
def test_each_field_of_the_reply_is_checked(changes: dict[str, Any], reason: str) -> None:
    code = new_code()
    with pytest.raises(UnreadableReply, match=reason):
        parse_reply(json.dumps(document(code, **changes)).encode(), code)


def test_a_reply_about_another_code_is_refused() -> None:
    with pytest.raises(UnreadableReply, match="code"):
        parse_reply(json.dumps(document(new_code())).encode(), new_code())


def test_long_texts_are_cut_and_spaces_folded() -> None:
    code = new_code()
    status = parse_reply(json.dumps(document(code, message="Ż  \n" * 2000)).encode(), code)
    assert len(status.message) == 1000 and "  " not in status.message


# -- the code as entered -----------------------------------------------------------------------


def test_a_typed_code_is_judged_as_it_grows() -> None:
    code = new_code()
    assert read_entry(code[:4].lower()).problem == "incomplete"
    assert read_entry(f"{code[:5]}-{code[5:]}").complete
    assert read_entry(f" {code[:5].lower()} {code[5:]} ").complete
    wrong = code[:9] + ("2" if code[9] != "2" else "3")
    assert read_entry(wrong).problem == "mismatch"
    assert read_entry(code + "7").problem == "too_long"
    foreign = read_entry("K7P4O")
    assert (foreign.problem, foreign.foreign) == ("foreign_character", "O")
    assert read_entry(code).shown == f"{code[:5]}-{code[5:]}"


def test_a_scanned_receipt_qr_gives_its_code() -> None:
    code = new_code()
    assert read_entry(f"https://lancut.pl/s/{code}").code == code
    assert read_entry(f"https://lancut.pl/s/{code}/?utm=x#a").complete
