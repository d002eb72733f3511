"""Render the sample receipts (four languages, 58 and 80 mm) to PNG files.

Run: .venv/bin/python -m tests.devices.make_receipt_images --out DIR
`make receipt-images` uses it for the pictures in docs/receipts.md, so they are made by a
command, never by hand. The Ukrainian one is what the printer prints as raster images.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import get_args

from devices.paper import PAPERS
from devices.receipt import Receipt
from devices.receipt_image import ReceiptImageRenderer
from kiosk.config import Language
from kiosk.receipts import OfficeHours, application_receipt

SERVICES: dict[Language, str] = {
    "pl": "Wniosek o udostępnienie informacji publicznej",
    "en": "Request for access to public information",
    "uk": "Запит на доступ до публічної інформації",
    "de": "Antrag auf Zugang zu öffentlichen Informationen",
}


DEADLINES: dict[Language, str] = {
    "pl": "bez zbędnej zwłoki, nie później niż w ciągu 14 dni",
    "en": "without undue delay, no later than 14 days",
    "uk": "без зайвої затримки, не пізніше ніж за 14 днів",
    "de": "unverzüglich, spätestens innerhalb von 14 Tagen",
}
WEEKDAYS = (OfficeHours(("Mo", "Tu", "We", "Th", "Fr"), "07:30", "15:30"),)


def sample_receipt(language: Language) -> Receipt:
    return application_receipt(
        language=language,
        office="Urząd Miasta Łańcuta",
        service=SERVICES[language],
        code="K7P4M-X9RCA",  # as the outbox shows codes; the QR holds K7P4MX9RCA
        filed_at=datetime(2025, 6, 12, 12, 5, tzinfo=UTC),
        status_url_base="https://infomat.example.pl/s/",
        deadline=DEADLINES[language],
        phone="+48 17 000 00 00",  # a sample: Polish subscriber numbers never start with 0
        hours=WEEKDAYS,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    images = ReceiptImageRenderer()
    for language in get_args(Language):
        for width, paper in PAPERS.items():
            path = args.out / f"receipt-{language}-{width}mm.png"
            path.write_bytes(images.png(sample_receipt(language), paper))
            print(path)


if __name__ == "__main__":
    main()
