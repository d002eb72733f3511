"""The slips for a booked visit and a walk-in ticket, as the printer gets them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, get_args

from devices.escpos_render import render_escpos
from devices.paper import PAPER_58, PAPER_80
from devices.receipt import Size
from kiosk.catalogue_service import CatalogueService, demo_catalogue_path
from kiosk.config import Language
from kiosk.receipt_desk import ReceiptDesk
from kiosk.to_bring import SLIP_ITEM_CHARS, SLIP_ITEMS, slip_list
from kiosk.visit_slips import WORDS, booking_slip, ticket_slip
from kiosk.visits import Booking, Office, Ticket
from offline_cache.generations import GenerationFolder
from tests.devices.escpos_decoder import decode
from tests.kiosk.test_filing_receipt import PaperTray

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
    # The waiting-room screen calls a booking by its time: the slip says to watch for it.
    assert "obserwuj ekran: pokaże godzinę Twojej wizyty i stanowisko" in text
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


def demo_service(service_id: str) -> dict[str, Any]:
    catalogue = json.loads(demo_catalogue_path().read_text(encoding="utf-8"))
    record: dict[str, Any] = next(s for s in catalogue["services"] if s["id"] == service_id)
    return record


def test_the_slip_lists_what_to_bring_from_the_services_card_in_its_language() -> None:
    record = demo_service("gl-dowod-osobisty")
    cases: tuple[tuple[Language, str, str], ...] = (
        ("pl", "Co zabrać:", "- Jedno aktualne kolorowe zdjęcie 35 × 45 mm"),
        ("de", "Bitte mitbringen:", "- Ein aktuelles Farbfoto 35 × 45 mm"),
    )
    for language, heading, photo in cases:
        bring, more = slip_list(record, language)
        job = decode(render_escpos(booking_slip(BOOKING, language, bring, more), PAPER_80))
        text = " ".join(job.text.split())
        assert heading in text and photo in text, (language, text)
        assert more == 0 and len(bring) == 3
        listed = text.index(heading)
        assert text.index("Pokój 12") < listed < text.index(BOOKING.shown_code), "before the code"
        assert next(line for line in job.lines if line.text.strip() == heading).bold


def test_a_long_list_is_cut_to_what_a_58_mm_slip_carries() -> None:
    record = demo_service("pl-pozwolenie-na-budowe")
    record = {**record, "documents": record["documents"] * 2}  # ten documents
    bring, more = slip_list(record, "pl")
    job = decode(render_escpos(booking_slip(BOOKING, "pl", bring, more), PAPER_58))
    items = [line.text for line in job.lines if line.text.startswith("- ")]
    text = " ".join(job.text.split())
    assert len(items) == SLIP_ITEMS and more == 4
    assert "...i 4 więcej: zobacz kartę sprawy w infomacie." in text
    long_one = next(i for i in bring if i.startswith("Projekt zagospodarowania"))
    assert long_one.endswith("...") and len(long_one) <= SLIP_ITEM_CHARS
    assert "- Projekt zagospodarowania działki lub terenu oraz projekt..." in text
    assert "(w wersji papierowej lub elektronicznej)" not in text
    columns = {0: PAPER_58.columns(Size.NORMAL), 1: PAPER_58.columns(Size.SMALL)}
    assert all(len(line.text) <= columns[line.font] for line in job.lines if line.width == 1)


def test_no_list_no_heading_and_the_paper_form_is_left_out_when_filed_here() -> None:
    job = decode(render_escpos(booking_slip(BOOKING, "pl"), PAPER_58))
    assert "Co zabrać" not in job.text
    kiosk_channel = {"type": "kiosk", "form": "f"}
    documents = [{"name": {"pl": "Wniosek"}, "application_form": True},
                 {"name": {"pl": "Dowód osobisty"}}]  # fmt: skip
    record = {"channels": [kiosk_channel], "documents": documents}
    assert slip_list(record, "uk") == (("Dowód osobisty",), 0)  # Polish when untranslated
    assert slip_list(None, "pl") == ((), 0)


def test_the_receipt_desk_prints_what_the_catalogues_card_says_to_bring(tmp_path: Path) -> None:
    catalogue = CatalogueService(GenerationFolder(tmp_path / "generations"), demo_catalogue_path())
    booking = dataclasses.replace(BOOKING, service="Dowód osobisty", service_id="gl-dowod-osobisty")
    tray = PaperTray()
    desk = ReceiptDesk(lambda: tray, "kiosk-1", "https://e.pl/s/")  # type: ignore[arg-type,return-value]
    assert desk.print_visit(booking, "en", catalogue.service(booking.service_id))
    text = " ".join(decode(render_escpos(tray.printed[0], PAPER_58)).text.split())
    assert "What to bring: - ID card application form - One recent colour photo" in text, text
    assert desk.print_visit(TICKET, "en") and "What to bring" not in str(tray.printed[1])
