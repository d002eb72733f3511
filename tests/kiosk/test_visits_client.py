"""The kiosk's visits client against the real office service on loopback: services, free
slots, a booking, a slot taken meanwhile, a walk-in ticket, and an office that is down."""

from __future__ import annotations

import pytest
import requests

from devices.escpos_render import render_escpos
from devices.paper import PAPER_58
from kiosk.receipts import OfficeHours
from kiosk.visit_slips import booking_slip
from kiosk.visits import OfficeClosed, SlotTaken, VisitsClient, VisitsUnavailable
from offline_cache.submission_code import is_valid
from tests.devices.escpos_decoder import decode
from tests.kiosk.visit_office import ID_CARD, OFFICE, REGISTRATION, VisitOffice


def client(url: str, token: str) -> VisitsClient:
    http = requests.Session()
    http.trust_env = False
    return VisitsClient(url, OFFICE, token, 5.0, lambda: http)


def test_services_slots_and_a_booking(visits_office: VisitOffice) -> None:
    visits = client(visits_office.url, visits_office.token)
    place, services = visits.services()
    assert place.name == "Urząd Miasta Łańcut" and place.phone == "+48 17 225 22 13"
    assert place.hours == (OfficeHours(("Mo", "Tu", "We", "Th", "Fr"), "08:00", "16:00"),)
    assert [s.id for s in services] == [ID_CARD, REGISTRATION]
    slots = visits.slots(REGISTRATION)
    assert slots[0].day == "2026-11-24" and slots[0].time == "08:20"  # 8:00 has begun
    assert {s.desk for s in slots} == {"Pokój 12"}
    booking = visits.book(REGISTRATION, slots[0], "uk", "1")
    assert is_valid(booking.code) and (booking.day, booking.time) == ("2026-11-24", "08:20")
    assert booking.service_id == REGISTRATION, "its card says what to bring"
    assert booking.service == "Zameldowanie na pobyt stały"
    assert slots[0] not in visits.slots(REGISTRATION)
    with pytest.raises(SlotTaken):  # another kiosk was quicker
        visits.book(REGISTRATION, slots[0], "pl", "1")


def test_a_walk_in_ticket_and_a_closed_office(visits_office: VisitOffice) -> None:
    visits = client(visits_office.url, visits_office.token)
    first, second = visits.ticket(ID_CARD), visits.ticket(ID_CARD)
    assert (first.number, second.number) == ("A001", "A002")
    assert (second.ahead, second.wait_min) == (1, 8)  # 15 min shared by two desks
    visits_office.clock.now = visits_office.clock.now.replace(hour=20)  # 21:00 in Łańcut
    with pytest.raises(OfficeClosed):
        visits.ticket(ID_CARD)


def test_an_office_that_cannot_be_asked_is_said_at_once(visits_office: VisitOffice) -> None:
    with pytest.raises(VisitsUnavailable):
        client(visits_office.url, "not-the-token").services()
    visits_office.server.stop()
    with pytest.raises(VisitsUnavailable):
        client(visits_office.url, visits_office.token).services()


def test_the_slips_qr_opens_the_office_page_of_the_visit(visits_office: VisitOffice) -> None:
    visits = client(visits_office.url, visits_office.token)
    booking = visits.book(REGISTRATION, visits.slots(REGISTRATION)[0], "pl", "1")
    job = decode(render_escpos(booking_slip(booking, "pl"), PAPER_58))
    [qr] = [q.payload.decode() for q in job.qr_codes]
    assert qr == f"{visits_office.server.url}/v/{OFFICE}/{booking.code}"
    page = requests.get(qr, timeout=5)
    assert page.status_code == 200 and "Wizyta umówiona" in page.text
    assert booking.shown_code in page.text
