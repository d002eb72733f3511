"""The waiting-room display: without JavaScript (the page itself and its refresh), its
server-sent events, and in headless Chromium: a clerk presses "Wezwij następnego" in her
browser and the TV's browser shows the number within a second, says it (Polish speech
text), and its screenshot really shows it (read back pixel by pixel). Both stores.

With INFOMAT_DOCS_SCREENSHOTS=1 the display and the clerk's page are also written to
docs/img (docs/office.md shows the files).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore
from tests.office.conftest import ID_CARD, KIOSK, LANCUT, RZESZOW, SetClock
from tests.office.desk import Clerk, add_clerk, csrf_of
from tests.office.office_server import ROOT, OfficeServer
from tests.office.test_visit_queue import FRIDAY_1055, THURSDAY
from tests.office.visit_browsers import (
    assert_call_painted,
    assert_number_painted,
    box_of,
    shown_call,
    sign_in_at_the_desk,
    wait_for_the_call,
)
from tests.office.visit_client import VisitKiosk
from tests.peers.browser import CHROMIUM
from tests.peers.desk_browser import desk_browser, full_screenshot

DESK = "Stanowisko 2"


@pytest.fixture
def office(visit_settings: OfficeSettings) -> Iterator[tuple[OfficeServer, VisitKiosk, Clerk]]:
    store: CaseStore = open_store(visit_settings)
    add_clerk(store, "anna.nowak", [LANCUT])
    token = new_token()
    store.add_kiosk(KIOSK, [LANCUT], token_hash(token), THURSDAY)
    server = OfficeServer(visit_settings, store, SetClock(FRIDAY_1055))
    clerk = Clerk(server.url)
    assert clerk.login("anna.nowak").status_code == 303
    yield server, VisitKiosk(server.url, token), clerk
    server.stop()
    store.close()


def call_next(clerk: Clerk) -> None:
    page = clerk.get(f"/wizyty?urzad={LANCUT}&stanowisko={DESK}")
    answer = clerk.post("/wizyty/wezwij", csrf_of(page.text), urzad=LANCUT, stanowisko=DESK)
    assert answer.status_code == 303


def test_the_display_works_without_javascript(
    office: tuple[OfficeServer, VisitKiosk, Clerk],
) -> None:
    server, kiosk, clerk = office
    with requests.Session() as http:
        http.trust_env = False
        empty = http.get(f"{server.url}/display/{LANCUT}", timeout=10)
        assert empty.status_code == 200
        assert "Za chwilę wezwiemy pierwszą osobę." in empty.text
        assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in empty.text
        assert "script-src 'self'" in empty.headers["Content-Security-Policy"]
        for _ in range(3):
            kiosk.ticket(ID_CARD)
            call_next(clerk)
        page = http.get(f"{server.url}/display/{LANCUT}", timeout=10).text
        assert '<span class="label" id="current-label">A003</span>' in page
        assert page.index("A003") < page.index("A002") < page.index("A001")
        assert http.get(f"{server.url}/display/{RZESZOW}", timeout=10).status_code == 404


def test_the_events_stream_sends_each_new_call(
    office: tuple[OfficeServer, VisitKiosk, Clerk],
) -> None:
    server, kiosk, clerk = office
    kiosk.ticket(ID_CARD)
    with requests.Session() as http:
        http.trust_env = False
        with http.get(f"{server.url}/display/{LANCUT}/events", stream=True, timeout=10) as events:
            assert events.headers["content-type"].startswith("text/event-stream")
            lines = events.iter_lines(decode_unicode=True)
            first = next(line for line in lines if line.startswith("data: "))
            assert json.loads(first[6:]) == {"calls": [], "speech": ""}
            call_next(clerk)
            second = json.loads(next(line for line in lines if line.startswith("data: "))[6:])
    assert second["calls"][0]["label"] == "A001"
    assert second["speech"] == "Numer A 1, Stanowisko 2"


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")
def test_a_clerks_call_shows_on_the_tv_within_a_second(
    office: tuple[OfficeServer, VisitKiosk, Clerk], tmp_path: Path
) -> None:
    server, kiosk, clerk = office
    later = kiosk.book(service_id=ID_CARD, starts_at="2026-11-20T11:30:00+01:00", desk=DESK,
                       name="Zofia Żółkiewska")  # not due yet: the tickets go first  # fmt: skip
    assert later.status_code == 201
    for _ in range(4):
        kiosk.ticket(ID_CARD)
    call_next(clerk)  # A001: an earlier call on the screen
    with desk_browser(tmp_path / "tv") as tv, desk_browser(tmp_path / "desk") as desk:
        tv.open(f"{server.url}/display/{LANCUT}")
        assert shown_call(tv) == ("A001", DESK)
        desk_page = sign_in_at_the_desk(desk, server.url, LANCUT, DESK)
        time.sleep(0.5)  # the TV's event stream is open
        called = time.monotonic()
        desk.tap("#call-next")
        wait_for_the_call(tv, "A002", DESK, called, within_s=1.0)
        assert tv.value("document.body.dataset.spoken") == "Numer A 2, Stanowisko 2"
        desk.wait_for_load()
        assert desk.value("document.getElementById('open-call').innerText").startswith(
            "Wezwany: A002"
        )
        assert "Zofia Żółkiewska" in desk.value("document.getElementById('bookings').innerText")
        time.sleep(3.2)  # the "fresh" blink is over
        tv.screenshot(tmp_path / "display.png")
        boxes = box_of(tv, "current-label"), box_of(tv, "current-desk")
        full_screenshot(desk, tmp_path / "visits.png")
    assert_number_painted(tmp_path / "display.png")
    assert_call_painted(tmp_path / "display.png", *boxes)
    if os.environ.get("INFOMAT_DOCS_SCREENSHOTS") == "1":
        shutil.copyfile(tmp_path / "display.png", ROOT / "docs" / "img" / "office-display.png")
        shutil.copyfile(tmp_path / "visits.png", ROOT / "docs" / "img" / "office-visits.png")
    assert desk_page == f"/wizyty?urzad={LANCUT}&stanowisko=Stanowisko+2"
