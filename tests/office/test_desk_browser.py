"""A clerk in a real browser (headless Chromium): the kiosk's real outbox sender files an
application with a real `office serve`; the clerk logs in, finds it, moves it to "in
progress" with a message for the resident, and logs out; the resident's status page then
shows the new state and the message. An administrator opens the fleet page and the stale
kiosks' marks are really painted (the screenshot is read back, pixel by pixel).

With INFOMAT_DOCS_SCREENSHOTS=1 the inbox, the case page and the fleet are also written to
docs/img (`make docs-images` sets it; docs/office.md shows these files).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PIL import Image

from kiosk.outbox_sender import OutboxSender
from office.desk_store import DeskStore
from office.open_store import open_store
from office.settings import OfficeSettings
from office.settings_file import load_settings
from office.store import CaseStore
from offline_cache.intake.http_intake import HttpIntake, HttpIntakeSettings
from offline_cache.outbox import Outbox
from tests.office.conftest import KIOSK, LANCUT
from tests.office.desk import PASSWORD as CLERK_PASSWORD
from tests.office.desk import add_clerk as add_account
from tests.office.office_server import (
    RECEIVED,
    ROOT,
    OfficeProcess,
    OfficeServer,
    add_kiosk,
    office_command,
)
from tests.office.test_fleet_page import NEVER, QUIET, beats_of_three_kiosks
from tests.outbox_factories import FakeClock, new_submission
from tests.peers.browser import CHROMIUM, Page
from tests.peers.desk_browser import desk_browser, full_screenshot, submit_with, type_into

PASSWORD = "Łańcut-ratusz-2026"
MESSAGE = "Zajmujemy się wnioskiem; odpowiedź wyślemy do 4 grudnia."
DOCS_IMG = ROOT / "docs" / "img"
STALE_RED = (0xB3, 0x26, 0x1E)  # .stale-mark's background in office.css

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")


@pytest.fixture
def config(config_file: Path) -> Path:
    """The office's config file over a fresh store of each kind (tests/office/conftest.py)."""
    return config_file


def add_clerk(config: Path, login: str) -> None:
    subprocess.run(
        office_command("user", "add", login, "--office", LANCUT, "--config", str(config)),
        input=PASSWORD + "\n", cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip


def deliver_one(office: OfficeProcess, token: str, folder: Path) -> str:
    """One application through the kiosk's real outbox and sender; its code."""
    outbox = Outbox(folder / "outbox.sqlite")
    try:
        code = outbox.enqueue(new_submission()).code
        with requests.Session() as http:
            http.trust_env = False
            intake = HttpIntake(HttpIntakeSettings(office.url + "/intake", token), http)
            OutboxSender(outbox, intake).deliver_due_now()
        assert [s.state for s in outbox.list()] == ["delivered"]
    finally:
        outbox.close()
    return code


@pytest.mark.slow
def test_a_clerk_finds_the_kiosks_application_and_moves_it(config: Path, tmp_path: Path) -> None:
    token = add_kiosk(config, KIOSK, LANCUT)
    add_clerk(config, "anna.nowak")
    office = OfficeProcess(config)
    office.start()
    try:
        for n in range(3):  # earlier cases, so the inbox is not a list of one
            deliver_one(office, token, tmp_path / f"kiosk-{n}")
        code = deliver_one(office, token, tmp_path / "kiosk")
        with desk_browser(tmp_path / "chromium") as page:
            clerk_journey(page, office.url, code, tmp_path)
    finally:
        office.stop()
    store = open_store(load_settings(config))
    try:
        case = DeskStore(store.sql()).case_file(code)
        actions = [(e.actor, e.action) for e in reversed(DeskStore(store.sql()).audit_log())]
    finally:
        store.close()
    assert case is not None
    assert case.state == "in_progress"
    assert case.history[-1].message == MESSAGE
    assert actions == [
        ("anna.nowak", a) for a in ("login", "view", "move", "view", "print", "view", "logout")
    ]


def clerk_journey(page: Page, url: str, code: str, shots: Path) -> None:
    page.open(url + f"/s/{code}?lang=pl")  # what the resident's phone shows before
    assert "Urząd otrzymał Twój wniosek." in page.value("document.body.innerText")
    page.open(url + "/sprawy")
    assert page.value("location.pathname") == "/logowanie"
    type_into(page, "#login", "anna.nowak")
    type_into(page, "#password", PASSWORD)
    submit_with(page, "#sign-in")
    assert page.value("location.pathname") == "/sprawy"
    assert page.value("document.querySelectorAll('a.case-link').length") == 4
    type_into(page, "#search", code.lower())
    submit_with(page, "#filter")
    assert page.value("document.querySelectorAll('a.case-link').length") == 1
    page.open(url + "/sprawy")
    screenshot(page, shots / "office-inbox.png")
    page.open(url + "/sprawy?szukaj=" + code)
    submit_with(page, "a.case-link")
    assert page.value("location.pathname") == f"/sprawy/{code}"
    assert "Łucja Żółkiewska-Wójcik" in page.value("document.body.innerText")
    type_into(page, "#message", MESSAGE)
    submit_with(page, "#move-in_progress")
    assert page.value("document.querySelector('#state').innerText") == "W toku"
    assert MESSAGE in page.value("document.querySelector('table.history').innerText")
    screenshot(page, shots / "office-case.png")
    page.open(url + f"/sprawy/{code}/druk")
    page.call("Emulation.setEmulatedMedia", media="print")
    assert page.value("getComputedStyle(document.querySelector('.screen-only')).display") == "none"
    screenshot(page, shots / "office-print.png", docs=False)
    pdf = base64.b64decode(page.call("Page.printToPDF", preferCSSPageSize=True)["data"])
    assert re.findall(rb"/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]", pdf)  # A4 in points
    assert re.findall(rb"/Count \d+", pdf) == [b"/Count 1"]  # one sheet
    page.call("Emulation.setEmulatedMedia", media="")
    page.open(url + f"/sprawy/{code}")
    submit_with(page, "#logout")
    assert page.value("location.pathname") == "/logowanie"
    page.open(url + "/sprawy")
    assert page.value("location.pathname") == "/logowanie"
    page.open(url + f"/s/{code}?lang=pl")  # and after: the new state and the clerk's message
    resident_sees = page.value("document.body.innerText")
    assert "Twój wniosek jest rozpatrywany." in resident_sees
    assert MESSAGE in resident_sees
    assert "Żółkiewska" not in resident_sees


def screenshot(page: Page, out: Path, *, docs: bool = True) -> None:
    full_screenshot(page, out)
    assert out.stat().st_size > 10_000
    if docs and os.environ.get("INFOMAT_DOCS_SCREENSHOTS") == "1":
        shutil.copy(out, DOCS_IMG / out.name)


@pytest.fixture
def fleet_office(settings: OfficeSettings, store: CaseStore) -> Iterator[OfficeServer]:
    add_account(store, "admin", [], admin=True)
    clock = FakeClock(RECEIVED)
    server = OfficeServer(settings, store, clock)
    beats_of_three_kiosks(server, store, clock)
    yield server
    server.stop()


@pytest.mark.slow
def test_an_administrator_sees_the_stale_kiosks_marked(
    fleet_office: OfficeServer, tmp_path: Path
) -> None:
    with desk_browser(tmp_path / "chromium") as page:
        page.open(fleet_office.url + "/logowanie")
        type_into(page, "#login", "admin")
        type_into(page, "#password", CLERK_PASSWORD)
        submit_with(page, "#sign-in")
        submit_with(page, "#nav-fleet")
        assert page.value("location.pathname") == "/flota"
        rows = page.value("[...document.querySelectorAll('table.fleet tbody tr')].map(r => r.id)")
        assert rows == [f"kiosk-{k}" for k in (NEVER, QUIET, KIOSK)]
        marks = page.value(
            "[...document.querySelectorAll('.stale-mark')].map(m => m.innerText.trim())"
        )
        assert marks == ["⚠ bez kontaktu", "⚠ bez kontaktu"]
        box = mark_box(page, f"#kiosk-{QUIET} .stale-mark")
        shot = tmp_path / "office-fleet.png"
        screenshot(page, shot)
    with Image.open(shot) as image:
        picture = image.convert("RGB")
    assert_not_blank(picture)
    marker = picture.crop(box)
    red = sum(1 for pixel in marker.get_flattened_data() if near(pixel, STALE_RED))
    assert red > marker.width * marker.height // 3, "the stale marker is not painted red"


def mark_box(page: Page, selector: str) -> tuple[int, int, int, int]:
    """The element's box on the page (the full-page screenshot's coordinates)."""
    found = page.value(
        f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
        ".getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.right + scrollX,"
        " r.bottom + scrollY]; })()"
    )
    left, top, right, bottom = (round(float(v)) for v in found)
    assert right - left > 20 and bottom - top > 8, "the stale marker has no size"
    return left, top, right, bottom


def assert_not_blank(picture: Image.Image) -> None:
    colours = picture.getcolors(maxcolors=1 << 16) or []
    assert len(colours) > 50, "the page is one or two flat colours"
    commonest = max(count for count, _ in colours)
    assert commonest < 0.9 * picture.width * picture.height, "the page is nearly empty"


def near(pixel: object, colour: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(int(a) - b) <= 12 for a, b in zip(pixel, colour, strict=True))
