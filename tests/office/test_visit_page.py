"""The resident's visit page behind the slip's QR (`/v/<office>/<CODE>`), on SQLite and
PostgreSQL: the visit in the phone's language, cancelling behind one confirmation, no
personal data, unknown codes throttled; and the whole of it in a real browser."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore
from tests.office.conftest import KIOSK, LANCUT, REGISTRATION, SetClock
from tests.office.office_server import OfficeServer
from tests.office.visit_client import VisitKiosk
from tests.peers.desk_browser import desk_browser

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)  # Friday 11:00 in Łańcut
MONDAY_9 = "2026-11-23T09:00:00+01:00"


@pytest.fixture
def office(visit_settings: OfficeSettings) -> Iterator[tuple[OfficeServer, VisitKiosk, SetClock]]:
    settings = dataclasses.replace(visit_settings, status_misses_per_minute=3)
    store: CaseStore = open_store(settings)
    token = new_token()
    store.add_kiosk(KIOSK, [LANCUT], token_hash(token), NOW)
    clock = SetClock(NOW)
    server = OfficeServer(settings, store, clock)
    yield server, VisitKiosk(server.url, token), clock
    server.stop()
    store.close()


def book(kiosk: VisitKiosk) -> str:
    answer = kiosk.book(service_id=REGISTRATION, starts_at=MONDAY_9, name="Zofia Żółkiewska",
                        phone="+48 600 100 200")  # fmt: skip
    assert answer.status_code == 201, answer.text
    code: str = answer.json()["code"]
    return code


def page(server: OfficeServer, path: str, **params: str) -> requests.Response:
    return requests.get(server.url + path, params=params, timeout=5)


def test_the_visit_shows_in_the_phones_language_without_personal_data(
    office: tuple[OfficeServer, VisitKiosk, SetClock],
) -> None:
    server, kiosk, _ = office
    code = book(kiosk)
    shown = f"{code[:5]}-{code[5:]}"
    polish = page(server, f"/v/{LANCUT}/{shown.lower()}")
    assert polish.status_code == 200
    for words in ("Wizyta umówiona", "Zameldowanie na pobyt stały", "23 listopada 2026, 09:00",
                  "Pokój 12", shown, "Odwołaj wizytę", "+48 17 225 22 13"):  # fmt: skip
        assert words in polish.text, words
    assert "Zofia" not in polish.text and "600 100 200" not in polish.text
    ukrainian = page(server, f"/v/{LANCUT}/{code}", lang="uk")
    assert "Візит заплановано" in ukrainian.text and 'lang="uk"' in ukrainian.text


def test_cancelling_asks_once_then_frees_the_slot(
    office: tuple[OfficeServer, VisitKiosk, SetClock],
) -> None:
    server, kiosk, _ = office
    code = book(kiosk)
    confirm = page(server, f"/v/{LANCUT}/{code}", odwolaj="1")
    assert "Na pewno odwołać tę wizytę?" in confirm.text
    done = requests.post(f"{server.url}/v/{LANCUT}/{code}/cancel", data={"lang": "pl"}, timeout=5)
    assert done.status_code == 200
    assert "Wizyta odwołana. Dziękujemy" in done.text and "Odwołaj wizytę" not in done.text
    slots = kiosk.slots(REGISTRATION, **{"from": "2026-11-23", "days": "1"}).json()["slots"]
    assert MONDAY_9 in [slot["starts_at"] for slot in slots], "the slot is free again"


def test_a_visit_that_has_begun_cannot_be_cancelled(
    office: tuple[OfficeServer, VisitKiosk, SetClock],
) -> None:
    server, kiosk, clock = office
    code = book(kiosk)
    clock.now = dt.datetime(2026, 11, 23, 8, 5, tzinfo=dt.UTC)  # 9:05 in Łańcut
    shown = page(server, f"/v/{LANCUT}/{code}")
    assert "Termin tej wizyty minął" in shown.text and "Odwołaj wizytę" not in shown.text
    late = requests.post(f"{server.url}/v/{LANCUT}/{code}/cancel", timeout=5)
    assert "nie można już odwołać" in late.text


def test_wrong_and_unknown_codes_are_explained_and_throttled(
    office: tuple[OfficeServer, VisitKiosk, SetClock],
) -> None:
    server, _, _ = office
    assert page(server, f"/v/{LANCUT}/NOT-A-CODE").status_code == 400
    answers = [page(server, f"/v/{LANCUT}/K7P4M-X9RCA").status_code for _ in range(4)]
    assert answers[:3] == [404, 404, 404] and answers[3] == 429
    assert page(server, f"/v/{LANCUT}/K7P4M-X9RCA").headers["Retry-After"]


def test_a_resident_cancels_on_the_page_in_a_real_browser(
    office: tuple[OfficeServer, VisitKiosk, SetClock], tmp_path: Path
) -> None:
    server, kiosk, _ = office
    code = book(kiosk)
    with desk_browser(tmp_path / "profile") as browser:
        browser.open(f"{server.url}/v/{LANCUT}/{code}?lang=en")
        assert "Visit booked" in browser.value("document.body.innerText")
        browser.tap("a.tel[href*='odwolaj']")
        browser.wait_for_load()
        browser.tap("button.tel")
        browser.wait_for_load()
        text = browser.value("document.body.innerText")
        browser.screenshot(tmp_path / "cancelled.png")
    assert "Visit cancelled. Thank you" in text
    assert (tmp_path / "cancelled.png").stat().st_size > 5000
