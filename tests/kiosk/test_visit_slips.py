"""The slips for a booked visit and a walk-in ticket, as the printer gets them."""

from __future__ import annotations

import dataclasses
from typing import get_args

from devices.escpos_render import render_escpos
from devices.paper import PAPER_58, PAPER_80
from kiosk.config import Language
from kiosk.visit_slips import WORDS, booking_slip, ticket_slip
from kiosk.visits import Booking, Office, Ticket
from tests.devices.escpos_decoder import decode

OFFICE = Office("Urząd Miasta Łańcut", "+48 17 225 22 13")
BOOKING = Booking("K7P4MX9RCA", OFFICE, "Zameldowanie na pobyt stały", "2026-11-24", "08:20",
                  "Pokój 12", "https://wnioski.lancut.pl/v/gmina-miasto-lancut/K7P4MX9RCA")  # fmt: skip
TICKET = Ticket("A017", OFFICE, "Dowód osobisty", 3, 23)


def test_every_language_has_every_word() -> None:
    assert set(WORDS) == set(get_args(Language))
    assert all(all(dataclasses.asdict(words).values()) for words in WORDS.values())


def test_the_booking_slip_says_when_where_and_the_code_large() -> None:
    job = decode(render_escpos(booking_slip(BOOKING, "pl"), PAPER_58))
    text = " ".join(job.text.split())
    assert "Termin: 24.11.2026, 08:20" in text and "Stanowisko: Pokój 12" in text
    assert "\n+48\u00a017\u00a0225\u00a022\u00a013\n" in job.text  # one piece, never broken
    code = next(line for line in job.lines if "X9RCA" in line.text)
    assert (code.text.strip(), code.bold) == ("K7P4M-X9RCA", True) and code.width >= 2


def test_the_ticket_says_the_number_the_people_ahead_and_the_wait() -> None:
    job = decode(render_escpos(ticket_slip(TICKET, "de"), PAPER_80))
    text = " ".join(job.text.split())
    assert "Vor Ihnen: 3" in text and "etwa 23 Min." in text
    number = next(line for line in job.lines if line.text.strip() == "A017")
    assert number.width == 3 and number.bold


def test_a_ukrainian_slip_prints_as_images() -> None:
    assert decode(render_escpos(ticket_slip(TICKET, "uk"), PAPER_80)).raster is not None
