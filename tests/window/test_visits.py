"""'Umów wizytę' and 'Pobierz numerek' in the real window, against the real office service on
loopback: a resident books a time and gets a ticket; both are in the office's register."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.kiosk.visit_office import OFFICE, REGISTRATION, VisitOffice, visit_office
from tests.window.harness import BUTTON, WindowKiosk, assert_in_view, assert_not_blank
from tests.window.test_journeys import SEARCH, label, service

KIOSK_SETTINGS: dict[str, Any] = {}
CARD_TITLE = "Wniosek o wydanie dowodu osobistego"  # the demo card of gl-dowod-osobisty
DAY = re.compile(r"^(pon|wt|śr|czw|pt)\. \d\d\.\d\d$")


@pytest.fixture(scope="module", autouse=True)
def office() -> Iterator[VisitOffice]:
    """The office, started before the module's kiosk so its config can name it."""
    with visit_office(Path(tempfile.mkdtemp(prefix="infomat-visits-"))) as running:
        KIOSK_SETTINGS["extra_toml"] = (
            f'[visits]\napi_url = "{running.url}"\noffice = "{OFFICE}"\n'
            f'[intake]\ntoken = "{running.token}"\n'
        )
        yield running


def free_times(office: VisitOffice) -> list[str]:
    answer = requests.get(
        f"{office.url}{OFFICE}/{REGISTRATION}/slots?days=1",
        headers={"Authorization": f"Bearer {office.token}"}, timeout=5,
    )  # fmt: skip
    return [slot["time"] for slot in answer.json()["slots"]]


def test_a_resident_books_a_visit_and_takes_the_slip(
    kiosk: WindowKiosk, office: VisitOffice
) -> None:
    receipts = kiosk.folder / "data" / "receipts"
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
    assert len(list(receipts.glob("*.png"))) == 1, "the slip was printed"
    assert_in_view(code, kiosk.visible_area())
    assert_not_blank(image, taken.extents, "the headline")
    assert_not_blank(image, code.extents, "the visit code")


def test_a_resident_takes_a_queue_number(kiosk: WindowKiosk) -> None:
    kiosk.tap(label("Pobierz numerek"))
    kiosk.tap(label("Dowód osobisty"))
    number = kiosk.find(re.compile(r"^Twój numer: A\d{3}$"), timeout_s=10)
    ahead = kiosk.find(re.compile(r"^Przed Tobą: \d+\. Przewidywany czas"))
    image = kiosk.shot("ticket")
    assert_in_view(number, kiosk.visible_area())
    assert_not_blank(image, number.extents, "the number")
    assert_not_blank(image, ahead.extents, "the wait")


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
