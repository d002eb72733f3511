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
    NO_BREAK,
    POLISH_LETTERS,
    WORDS,
    OfficeHours,
    application_receipt,
    group_code,
    hours_text,
    printer_test_receipt,
)
from kiosk.status_url import status_url, status_url_problem
from tests.devices.escpos_decoder import decode

BASE = "https://infomat.example.pl/s/"
SUMMER_NOON_UTC = datetime(2025, 6, 12, 12, 5, tzinfo=UTC)


WEEKDAYS = (OfficeHours(("Mo", "Tu", "We", "Th", "Fr"), "07:30", "15:30"),)


def receipt(
    language: Language = "pl",
    *,
    filed_at: datetime = SUMMER_NOON_UTC,
    details: tuple[str, ...] = (),
    deadline: str = "nie później niż w ciągu 14 dni",
    phone: str = "+48 17 000 00 00",
    hours: tuple[OfficeHours, ...] = WEEKDAYS,
) -> Receipt:
    return application_receipt(
        language=language,
        office="Urząd Miasta Łańcuta",
        service="Wniosek o udostępnienie informacji publicznej",
        code="K7Q4-MX9R3",
        filed_at=filed_at,
        status_url_base=BASE,
        details=details,
        deadline=deadline,
        phone=phone,
        hours=hours,
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


def test_the_printed_receipt_names_the_deadline_the_phone_and_the_hours() -> None:
    job = decode(render_escpos(receipt("pl"), PAPER_80))
    printed = " ".join(job.text.splitlines()).replace(NO_BREAK, " ")  # CP852 text, unwrapped
    assert "Kod wniosku" in printed
    assert "Czas załatwienia: nie później niż w ciągu 14 dni" in printed
    assert "Telefon do urzędu: +48 17 000 00 00" in printed
    assert "Godziny pracy urzędu: pn.-pt. 07:30-15:30" in printed
    assert not job.rasters  # still text: nothing outside CP852 crept in


def test_german_office_lines_print_as_cp852_text_too() -> None:
    job = decode(render_escpos(receipt("de"), PAPER_58))
    printed = " ".join(job.text.splitlines()).replace(NO_BREAK, " ")
    assert "Öffnungszeiten der Behörde: Mo-Fr 07:30-15:30" in printed
    assert not job.rasters


def test_what_the_catalogue_does_not_say_is_left_out() -> None:
    texts = receipt(deadline="", phone="", hours=()).texts()
    words = WORDS["pl"]
    assert not any(t.startswith((words.deadline, words.phone, words.hours)) for t in texts)


@pytest.mark.parametrize(
    ("hours", "shown"),
    [
        (WEEKDAYS, "pn.-pt. 07:30-15:30"),
        (
            (
                OfficeHours(("Mo", "We", "Fr"), "08:00", "16:00"),
                OfficeHours(("Sa",), "09:00", "12:00"),
            ),
            "pn., śr., pt. 08:00-16:00; sob. 09:00-12:00",
        ),
        ((OfficeHours(("Tu", "Mo"), "08:00", "17:00"),), "pn., wt. 08:00-17:00"),
    ],
)
def test_opening_hours_read_as_a_resident_says_them(
    hours: tuple[OfficeHours, ...], shown: str
) -> None:
    assert hours_text(hours, "pl").replace(NO_BREAK, " ") == shown


def test_the_phone_number_is_never_broken_across_lines() -> None:
    job = decode(render_escpos(receipt("pl"), PAPER_58))
    assert any(
        line.endswith(f"+48{NO_BREAK}17{NO_BREAK}000{NO_BREAK}00{NO_BREAK}00")
        for line in job.text.splitlines()
    )
