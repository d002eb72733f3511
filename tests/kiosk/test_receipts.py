"""The kiosk's receipts: every language complete, Warsaw time, the code, the QR budget."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from typing import get_args

import pytest

from devices.escpos_render import fits_code_page, render_escpos
from devices.paper import PAPER_58, PAPER_80
from devices.receipt import Line, QrCode, Receipt, Size
from devices.receipt_text import render_text
from kiosk.config import Language
from kiosk.receipts import (
    POLISH_LETTERS,
    WORDS,
    application_receipt,
    group_code,
    printer_test_receipt,
    status_url,
    status_url_problem,
)
from tests.devices.escpos_decoder import decode

BASE = "https://infomat.example.pl/s/"
SUMMER_NOON_UTC = datetime(2025, 6, 12, 12, 5, tzinfo=UTC)


def receipt(
    language: Language = "pl",
    *,
    filed_at: datetime = SUMMER_NOON_UTC,
    details: tuple[str, ...] = (),
) -> Receipt:
    return application_receipt(
        language=language,
        office="Urząd Miasta Łańcuta",
        service="Wniosek o udostępnienie informacji publicznej",
        code="K7Q4-MX9R3",
        filed_at=filed_at,
        status_url_base=BASE,
        details=details,
    )


def test_every_language_has_every_word() -> None:
    assert set(WORDS) == set(get_args(Language))
    polish = WORDS["pl"]
    for language, words in WORDS.items():
        for field in dataclasses.fields(words):
            value = getattr(words, field.name)
            assert value.strip(), f"{language}.{field.name} is empty"
            if language != "pl" and field.name not in ("date_format",):
                assert value != getattr(polish, field.name), f"{language}.{field.name} untranslated"


@pytest.mark.parametrize("language", get_args(Language))
def test_the_receipt_says_what_where_when_and_the_code(language: Language) -> None:
    words = WORDS[language]
    texts = receipt(language).texts()
    assert words.title in texts
    assert f"{words.service}: Wniosek o udostępnienie informacji publicznej" in texts
    assert f"{words.office}: Urząd Miasta Łańcuta" in texts
    assert words.next_steps in texts and words.check_status in texts
    assert any("14:05" in text and "12" in text and "2025" in text for text in texts)
    (qr,) = [e for e in receipt(language).elements if isinstance(e, QrCode)]
    assert qr.payload == BASE + "K7Q4MX9R3"


def test_the_code_is_huge_and_centred() -> None:
    (code,) = [e for e in receipt().elements if isinstance(e, Line) and e.text == "K7Q4-MX9R3"]
    assert (code.size, code.bold) == (Size.HUGE, True)
    job = decode(render_escpos(receipt(), PAPER_58))
    printed = next(line for line in job.lines if line.text == "K7Q4-MX9R3")
    assert (printed.width, printed.align) == (3, 1)  # whole on one line even on 58 mm


@pytest.mark.parametrize(
    ("moment", "clock"),
    [
        (SUMMER_NOON_UTC, "12.06.2025, godz. 14:05"),  # CEST, UTC+2
        (datetime(2025, 1, 31, 23, 30, tzinfo=UTC), "01.02.2025, godz. 00:30"),  # CET, +1
        (datetime(2025, 6, 12, 8, 5, tzinfo=timezone(timedelta(hours=-4))), "14:05"),
    ],
)
def test_the_time_is_the_town_halls(moment: datetime, clock: str) -> None:
    assert any(clock in text for text in receipt(filed_at=moment).texts())


def test_a_time_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        receipt(filed_at=datetime(2025, 6, 12, 14, 5))


def test_polish_german_and_english_print_as_text_ukrainian_as_images() -> None:
    assert fits_code_page(receipt("pl")) and fits_code_page(receipt("de"))
    assert fits_code_page(receipt("en"))
    assert not fits_code_page(receipt("uk"))
    job = decode(render_escpos(receipt("uk"), PAPER_80))
    assert job.rasters and job.qr_codes[0].payload == (BASE + "K7Q4MX9R3").encode()


def test_details_are_printed_but_never_logged() -> None:
    filed = receipt(details=("Wizyta: 13.06.2025, 10:30, Jan Kowalski",))
    assert "Wizyta: 13.06.2025, 10:30, Jan Kowalski" in filed.texts()
    assert "Kowalski" not in render_text(filed)


@pytest.mark.parametrize(
    ("code", "grouped"),
    [
        ("K7Q4-MX9R3", "K7Q4-MX9R3"),
        ("K7Q4MX9R3", "K7Q4 MX9R3"),
        ("K7Q4MX9R3Z", "K7Q4 MX9R 3Z"),
        ("K7Q4M", "K7Q4M"),
    ],
)
def test_codes_are_grouped_for_reading(code: str, grouped: str) -> None:
    assert group_code(code) == grouped


def test_the_status_url_is_base_plus_code_within_42_bytes() -> None:
    assert status_url(BASE, "K7Q4-MX9R3") == "https://infomat.example.pl/s/K7Q4-MX9R3"
    assert status_url_problem("https://" + "x" * 24) is None  # 32 bytes + 10 = 42
    assert "at most 32 bytes" in (status_url_problem("https://" + "x" * 25) or "")
    assert "https://" in (status_url_problem("ftp://x/") or "")
    for bad in ("", "K7Q4 MX9R3", "K7Q4-MX9R3-X", "K7Q4/../", "-K7Q4", "ŁÓDŹ"):
        with pytest.raises(ValueError, match="submission code"):
            status_url(BASE, bad)


def test_the_test_print_shows_the_kiosk_the_printer_and_every_polish_letter() -> None:
    test_print = printer_test_receipt(
        kiosk_id="lancut-ratusz-1",
        printer="network printer 192.0.2.7:9100",
        printed_at=SUMMER_NOON_UTC,
        status_url_base=BASE,
        columns=PAPER_58.columns(),
    )
    job = decode(render_escpos(test_print, PAPER_58))
    assert "Kiosk: lancut-ratusz-1" in job.text
    assert "Drukarka: network printer 192.0.2.7:9100" in " ".join(job.text.splitlines())
    assert "12.06.2025 14:05:00" in job.text
    assert POLISH_LETTERS in job.text and len(set(POLISH_LETTERS) - {" "}) == 18
    assert "12345678901234567890123456789012" in job.text.splitlines()  # the ruler, unwrapped
    assert job.qr_codes[0].payload == (BASE + "TEST").encode()
    assert job.events[-1] == "cut"
