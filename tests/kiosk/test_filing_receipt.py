"""What the receipt of a filed application takes from the catalogue: deadline, phone, hours."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from devices.escpos_render import render_escpos
from devices.paper import PAPER_80, Paper
from devices.printers import PrinterStatus
from devices.receipt import Receipt
from kiosk.catalogue_service import CatalogueService, demo_catalogue_path
from kiosk.filing import FilingService
from kiosk.receipt_desk import ReceiptDesk
from kiosk.receipts import NO_BREAK
from offline_cache.generations import GenerationFolder
from tests.devices.escpos_decoder import decode

INFO_REQUEST = "gl-informacja-publiczna"
OFFICE_PHONE = "+48 17 000 00 00"  # not a real number: subscriber numbers never start with 0


@dataclass
class PaperTray:
    """A printer that keeps what it was asked to print."""

    name: str = "tray"
    paper: Paper = PAPER_80
    printed: list[Receipt] = field(default_factory=list)

    def print(self, receipt: Receipt) -> None:
        self.printed.append(receipt)

    def status(self) -> PrinterStatus:
        return PrinterStatus.READY


@pytest.fixture
def filing(tmp_path: Path) -> FilingService:
    demo = json.loads(demo_catalogue_path().read_text(encoding="utf-8"))
    for tenant in demo["tenants"]:
        if tenant["id"] == "gmina-lancut":
            tenant["phone"] = OFFICE_PHONE
    bundled = tmp_path / "catalogue.json"
    bundled.write_text(json.dumps(demo, ensure_ascii=False), encoding="utf-8")
    catalogue = CatalogueService(GenerationFolder(tmp_path / "generations"), bundled)
    return FilingService(catalogue, lambda: None, lambda: None, "kiosk-1", "https://e.pl/s/")  # type: ignore[arg-type,return-value]


def printed_text(filing: FilingService, language: str) -> str:
    tray = PaperTray()
    desk = ReceiptDesk(lambda: tray, "kiosk-1", "https://e.pl/s/")  # type: ignore[arg-type,return-value]
    assert desk.print_application(filing.example(INFO_REQUEST, language))
    text = decode(render_escpos(tray.printed[0], PAPER_80)).text
    return " ".join(text.splitlines()).replace(NO_BREAK, " ")


def test_the_receipt_carries_the_services_deadline_and_the_offices_phone_and_hours(
    filing: FilingService,
) -> None:
    text = printed_text(filing, "pl")
    assert "Czas załatwienia: Bez zbędnej zwłoki, nie później niż w ciągu 14 dni." in text
    assert f"Telefon do urzędu: {OFFICE_PHONE}" in text
    assert "Godziny pracy urzędu: pn.-pt. 07:30-15:30" in text


def test_the_deadline_is_in_the_residents_language(filing: FilingService) -> None:
    text = printed_text(filing, "en")
    assert "Time to handle it: Without undue delay, no later than 14 days." in text
    assert "Office opening hours: Mon-Fri 07:30-15:30" in text
