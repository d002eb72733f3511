"""'Umów wizytę' and 'Pobierz numerek' in the real window, against the real office service and
a network receipt printer on loopback. The whole journey of a visit: a resident books a time,
the slip's ESC/POS bytes say its time, desk, code and QR; a clerk calls it in Chromium and the
waiting room's TV (Chromium too) shows that time and desk, on its page and in its pixels. A
resident takes a ticket; a card of a bookable service books its visit."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from office.visit_calendar import WARSAW
from tests.devices.escpos_decoder import Decoded, decode
from tests.kiosk.visit_office import OFFICE, REGISTRATION, VisitOffice, visit_office
from tests.office.desk import add_clerk
from tests.office.visit_browsers import (
    assert_call_painted,
    box_of,
    open_the_desk,
    shown_call,
    sign_in_at_the_desk,
    wait_for_the_call,
)
from tests.peers.browser import CHROMIUM, Page
from tests.peers.desk_browser import desk_browser
from tests.peers.escpos_printer import FakeNetworkPrinter, network_printer
from tests.window.harness import BUTTON, WindowKiosk, assert_in_view, assert_not_blank
from tests.window.test_journeys import SEARCH, label, service

KIOSK_SETTINGS: dict[str, Any] = {}
CARD_TITLE = "Wniosek o wydanie dowodu osobistego"  # the demo card of gl-dowod-osobisty
DAY = re.compile(r"^(pon|wt|śr|czw|pt)\. \d\d\.\d\d$")
CALL_SHOWN_WITHIN_S = 2.0  # from the clerk's click to the TV (measured 0.03-0.27 s alone)


@pytest.fixture(scope="module")
def printer() -> Iterator[FakeNetworkPrinter]:
    """The kiosk's receipt printer: a network one on loopback, to read the bytes it gets."""
    with network_printer() as running:
        yield running


@pytest.fixture(scope="module", autouse=True)
def office(printer: FakeNetworkPrinter) -> Iterator[VisitOffice]:
    """The office, started before the module's kiosk so its config can name it."""
    with visit_office(Path(tempfile.mkdtemp(prefix="infomat-visits-"))) as running:
        KIOSK_SETTINGS["printer"] = f'kind = "network"\nhost = "127.0.0.1"\nport = {printer.port}'
        KIOSK_SETTINGS["extra_toml"] = (
            f'[visits]\napi_url = "{running.url}"\noffice = "{OFFICE}"\n'
            f'[intake]\ntoken = "{running.token}"\n'
        )
        yield running


@dataclass
class WaitingRoom:
    """The TV on the wall showing the display page, and a clerk's browser, signed in."""

    tv: Page
    clerk: Page


@pytest.fixture(scope="module")
def waiting_room(
    office: VisitOffice, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WaitingRoom]:
    """Started once for both orientations: Chromium for the TV and one for the clerk."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    add_clerk(office.store, "anna.nowak", [OFFICE])
    folder = tmp_path_factory.mktemp("waiting-room")
    url = office.server.url
    with desk_browser(folder / "tv") as tv, desk_browser(folder / "clerk") as clerk:
        # A TV set to reduced motion: the new call does not blink, so it is shot at once.
        tv.call("Emulation.setEmulatedMedia",
                features=[{"name": "prefers-reduced-motion", "value": "reduce"}])  # fmt: skip
        tv.open(f"{url}/display/{OFFICE}")
        sign_in_at_the_desk(clerk, url, OFFICE, "Pokój 12")
        yield WaitingRoom(tv, clerk)


def free_times(office: VisitOffice) -> list[str]:
    answer = requests.get(
        f"{office.url}{OFFICE}/{REGISTRATION}/slots?days=1",
        headers={"Authorization": f"Bearer {office.token}"}, timeout=5,
    )  # fmt: skip
    return [slot["time"] for slot in answer.json()["slots"]]


def test_a_resident_books_a_visit_and_is_called_on_the_waiting_room_display(
    kiosk: WindowKiosk, office: VisitOffice, printer: FakeNetworkPrinter,
    waiting_room: WaitingRoom,
) -> None:  # fmt: skip
    printed = len(printer.jobs)
    kiosk.tap(label("Umów wizytę"))
    kiosk.find("Godziny przyjęć interesantów: pn.-pt. 08:00-16:00", timeout_s=10)  # the office's
    kiosk.tap(label("Zameldowanie na pobyt stały"))
    day = kiosk.find(DAY, timeout_s=10)
    assert_not_blank(kiosk.shot("days"), day.extents, "the first day")
    kiosk.tap(DAY)  # the first day with free times: today
    first = free_times(office)[0]  # each orientation's resident takes the next one
    kiosk.tap(label(first))
    kiosk.find(f"Zameldowanie na pobyt stały, 24.11.2026, godz. {first}, Pokój 12")
    kiosk.tap(label("Umów i wydrukuj"))
    taken = kiosk.find("Weź wydruk z drukarki.", "alert message", timeout_s=10)
    code = kiosk.find(re.compile(r"^Kod wizyty: [0-9A-Z]{5}-[0-9A-Z]{5}$"))
    image = kiosk.shot("booked")
    assert first not in free_times(office), "the office has the booking"
    assert_in_view(code, kiosk.visible_area())
    assert_not_blank(image, taken.extents, "the headline")
    assert_not_blank(image, code.extents, "the visit code")
    slip = decode(printer.wait_for_job(number=printed + 1))
    when, desk = slip_says(slip, code.name.removeprefix("Kod wizyty: "), office)
    assert (when, desk) == (first, "Pokój 12"), "the slip has the time and room chosen"
    called = call_the_visit(waiting_room, office, when, desk)
    assert called < CALL_SHOWN_WITHIN_S
    tv, tv_shot = waiting_room.tv, kiosk.shots / "waiting-room-display.png"  # beside the kiosk's
    tv.screenshot(tv_shot)
    assert_call_painted(tv_shot, box_of(tv, "current-label"), box_of(tv, "current-desk"))


def slip_says(slip: Decoded, shown_code: str, office: VisitOffice) -> tuple[str, str]:
    """The visit's time and desk as the slip prints them, once it carries the code the screen
    showed, large, and a QR of the visit's own page at the office."""
    text = " ".join(slip.text.split())
    big = next(line for line in slip.lines if line.text.strip() == shown_code)
    assert big.bold and big.width >= 2, "the code is printed large"
    (qr,) = slip.qr_codes
    page = qr.payload.decode()
    assert page == f"{office.server.url}/v/{OFFICE}/{shown_code.replace('-', '')}"
    assert requests.get(page, timeout=5).status_code == 200, "the QR leads to the visit's page"
    when = re.search(r"^Termin: 24\.11\.2026, (\d\d:\d\d)$", slip.text, re.MULTILINE)
    desk = re.search(r"^Stanowisko: (.+)$", slip.text, re.MULTILINE)
    assert when is not None and desk is not None, f"the slip has no time or desk: {text}"
    return when[1], desk[1]


def call_the_visit(room: WaitingRoom, office: VisitOffice, when: str, desk: str) -> float:
    """The clerk of `desk` presses "Wezwij następnego" once the visit at `when` is due; the
    seconds until the TV shows it."""
    hour, minute = (int(part) for part in when.split(":"))
    starts = dt.datetime(2026, 11, 24, hour, minute, tzinfo=WARSAW)
    office.clock.now = max(office.clock.now, starts - dt.timedelta(minutes=5))
    open_the_desk(room.clerk, office.server.url, OFFICE, desk)
    assert shown_call(room.tv) != (when, desk), "not on the display before the call"
    clicked = time.monotonic()
    room.clerk.tap("#call-next")
    seconds = wait_for_the_call(room.tv, when, desk, clicked, CALL_SHOWN_WITHIN_S)
    room.clerk.wait_for_load()
    called = room.clerk.value("document.getElementById('open-call').innerText")
    assert called.startswith(f"Wezwany: {when} (wizyta umówiona"), called
    assert room.tv.value("document.body.dataset.spoken") == f"Wizyta na godzinę {when}, {desk}"
    heading = room.tv.value("document.querySelector('.heads').innerText")
    assert "Numer / godzina" in heading, f"a time under a heading of numbers: {heading}"
    return seconds


def test_a_resident_takes_a_queue_number(kiosk: WindowKiosk, printer: FakeNetworkPrinter) -> None:
    printed = len(printer.jobs)
    kiosk.tap(label("Pobierz numerek"))
    kiosk.tap(label("Dowód osobisty"))
    number = kiosk.find(re.compile(r"^Twój numer: A\d{3}$"), timeout_s=10)
    ahead = kiosk.find(re.compile(r"^Przed Tobą: \d+\. Przewidywany czas"))
    image = kiosk.shot("ticket")
    assert_in_view(number, kiosk.visible_area())
    assert_not_blank(image, number.extents, "the number")
    assert_not_blank(image, ahead.extents, "the wait")
    slip = decode(printer.wait_for_job(number=printed + 1))
    printed_large = [line.text.strip() for line in slip.lines if line.width >= 2]
    assert number.name.removeprefix("Twój numer: ") in printed_large, "the slip's number"


def test_the_card_of_a_bookable_service_books_its_visit(
    kiosk: WindowKiosk, office: VisitOffice
) -> None:
    kiosk.tap(SEARCH, "text")
    kiosk.type("dowód osobisty")
    kiosk.tap(kiosk.find(service(CARD_TITLE), BUTTON))
    offer = kiosk.find(label("Umów wizytę"), BUTTON, timeout_s=10)  # once the office said
    assert_in_view(offer, kiosk.visible_area())
    kiosk.tap(offer)
    day = kiosk.find(DAY, timeout_s=10)  # the service is chosen already: its days
    assert kiosk.has(re.compile("^Dowód osobisty: wybierz dzień"))
    assert_not_blank(kiosk.shot("days"), day.extents, "the first day")
