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
from typing import cast

import pytest
import requests
from PIL import Image

from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore
from tests.office.conftest import ID_CARD, KIOSK, LANCUT, RZESZOW, SetClock
from tests.office.desk import PASSWORD, Clerk, add_clerk, csrf_of
from tests.office.office_server import ROOT, OfficeServer
from tests.office.test_visit_queue import FRIDAY_1055, THURSDAY
from tests.office.visit_client import VisitKiosk
from tests.peers.browser import CHROMIUM, Page
from tests.peers.desk_browser import desk_browser, full_screenshot, submit_with, type_into

YELLOW = (0xFF, 0xD4, 0x00)  # .newest .label in display.css
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
        shown = "document.getElementById('current-label').textContent"
        assert tv.value(shown) == "A001"
        desk_page = sign_in_at_the_desk(desk, server.url)
        time.sleep(0.5)  # the TV's event stream is open
        called = time.monotonic()
        desk.tap("#call-next")
        while tv.value(shown) != "A002":
            assert time.monotonic() - called < 1.0, "the display did not show A002 within 1 s"
            time.sleep(0.02)
        assert tv.value("document.getElementById('current-desk').textContent") == DESK
        assert tv.value("document.body.dataset.spoken") == "Numer A 2, Stanowisko 2"
        desk.wait_for_load()
        assert desk.value("document.getElementById('open-call').innerText").startswith(
            "Wezwany: A002"
        )
        assert "Zofia Żółkiewska" in desk.value("document.getElementById('bookings').innerText")
        time.sleep(3.2)  # the "fresh" blink is over
        tv.screenshot(tmp_path / "display.png")
        full_screenshot(desk, tmp_path / "visits.png")
    assert_number_painted(tmp_path / "display.png")
    if os.environ.get("INFOMAT_DOCS_SCREENSHOTS") == "1":
        shutil.copyfile(tmp_path / "display.png", ROOT / "docs" / "img" / "office-display.png")
        shutil.copyfile(tmp_path / "visits.png", ROOT / "docs" / "img" / "office-visits.png")
    assert desk_page == f"/wizyty?urzad={LANCUT}&stanowisko=Stanowisko+2"


def sign_in_at_the_desk(desk: Page, url: str) -> str:
    """The clerk logs in by the form and opens desk 2's page; its address."""
    desk.open(url + "/logowanie")
    type_into(desk, "#login", "anna.nowak")
    type_into(desk, "#password", PASSWORD)
    submit_with(desk, "#sign-in")
    desk.open(f"{url}/wizyty?urzad={LANCUT}&stanowisko=Stanowisko+2")
    assert desk.value("document.getElementById('desk').value") == DESK
    return str(desk.value("location.pathname + location.search"))


def assert_number_painted(png: Path) -> None:
    """Not blank: mostly black, with the number's yellow in large glyphs."""
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        pixels = [cast(tuple[int, int, int], p) for p in rgb.get_flattened_data()]
    yellow = [
        n
        for n, p in enumerate(pixels)
        if all(abs(a - b) < 40 for a, b in zip(p, YELLOW, strict=True))
    ]
    black = sum(1 for p in pixels if max(p) < 30)
    assert black > len(pixels) // 2, "the screen is not the dark display"
    assert len(yellow) > 5000, (
        f"too little of the number's yellow is painted ({len(yellow)} pixels)"
    )
    rows = {n // width for n in yellow}
    assert max(rows) - min(rows) > height // 10, "the yellow is no large number"
