"""Phone numbers, e-mail addresses and dates as residents type them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.forms.contact import check_email, check_phone
from kiosk.forms.dates import check_date
from kiosk.forms.problems import Accepted, Problem

TODAY = dt.date(2026, 11, 20)


def code(result: Accepted | Problem) -> str:
    return result.code if isinstance(result, Problem) else "accepted"


@given(st.sampled_from("12345678"), st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_a_polish_number_comes_out_the_same_however_it_is_typed(first: str, rest: str) -> None:
    number = first + rest
    spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
    for typed in (number, spaced, f"+48 {spaced}", f"0048{number}", f"48{number}", f"+48-{number}"):
        assert check_phone(typed) == Accepted(f"+48{number}")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("(0-17) 225 20 00", "+48172252000"),  # the old trunk prefix
        ("+49 30 1234567", "+49301234567"),  # Berlin
        ("0038 044 123 4567", "+380441234567"),  # Kyiv, with 00 for abroad
        ("+380 67 123 45 67", "+380671234567"),
    ],
)
def test_phone_numbers_are_normalised_to_e164(typed: str, expected: str) -> None:
    assert check_phone(typed) == Accepted(expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12345678", "phone.length"),
        ("1234567890", "phone.length"),
        ("+48 12345678", "phone.length"),
        ("+48 012345678", "phone.length"),
        ("+0 123456789", "phone.length"),
        ("+1234567890123456", "phone.length"),
        ("600 l23 456", "phone.characters"),
        ("tel. 600123456", "phone.characters"),
        ("+", "phone.characters"),
    ],
)
def test_bad_phone_numbers(typed: str, expected: str) -> None:
    assert code(check_phone(typed)) == expected


@given(st.text(max_size=30))
def test_a_phone_number_accepted_once_is_accepted_again_unchanged(typed: str) -> None:
    result = check_phone(typed)
    if isinstance(result, Accepted):
        assert result.value.startswith("+")
        assert check_phone(result.value) == result


LOCAL = st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]", fullmatch=True).filter(
    lambda s: ".." not in s
)
LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)


@given(LOCAL, st.lists(LABEL, min_size=1, max_size=3), st.sampled_from(["pl", "com", "de", "ua"]))
def test_plain_e_mail_addresses_pass(local: str, labels: list[str], tld: str) -> None:
    address = f"{local}@{'.'.join([*labels, tld])}"
    assert check_email(f" {address} ") == Accepted(address)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Jan.Kowalski@Lancut.PL", "Jan.Kowalski@lancut.pl"),
        ("urzad@łańcut.pl", "urzad@łańcut.pl"),
        ("a+kiosk@poczta.onet.pl", "a+kiosk@poczta.onet.pl"),
    ],
)
def test_e_mail_domains_come_out_in_lower_case(typed: str, expected: str) -> None:
    assert check_email(typed) == Accepted(expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("jan.kowalski", "email.format"),
        ("jan@@lancut.pl", "email.format"),
        ("jan kowalski@lancut.pl", "email.format"),
        (".jan@lancut.pl", "email.format"),
        ("jan..k@lancut.pl", "email.format"),
        ("jan@lancut", "email.domain"),
        ("jan@lancut.p", "email.domain"),
        ("jan@-lancut.pl", "email.domain"),
        ("jan@lancut..pl", "email.domain"),
        ("jan@lan_cut.pl", "email.domain"),
        ("jan@lancut.pl.", "email.domain"),
        ("j" * 65 + "@lancut.pl", "email.too_long"),
    ],
)
def test_bad_e_mail_addresses(typed: str, expected: str) -> None:
    assert code(check_email(typed)) == expected


@given(st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31)))
def test_a_date_typed_the_polish_way_or_iso_comes_out_as_iso(day: dt.date) -> None:
    iso = day.isoformat()
    polish = day.strftime("%d.%m.") + f"{day.year:04d}"
    for typed in (
        iso,
        polish,
        f"{polish} r.",
        polish.replace(".", "/"),
        f"{day.day}.{day.month}.{day.year:04d}",
    ):
        assert check_date(typed, None, None, TODAY) == Accepted(iso), typed


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30.02.2026", "date.invalid"),
        ("2026-13-01", "date.invalid"),
        ("00.01.2026", "date.invalid"),
        ("20.11.26", "date.format"),
        ("20.11/2026", "date.format"),
        ("jutro", "date.format"),
        ("20 listopada 2026", "date.format"),
    ],
)
def test_bad_dates(typed: str, expected: str) -> None:
    assert code(check_date(typed, None, None, TODAY)) == expected


def test_relative_limits_are_resolved_on_the_day_of_filling() -> None:
    assert check_date("20.11.2026", "today+P1D", "today+P3M", TODAY) == Problem(
        "date.too_early", {"earliest": "2026-11-21"}
    )
    assert check_date("21.02.2027", "today+P1D", "today+P3M", TODAY) == Problem(
        "date.too_late", {"latest": "2027-02-20"}
    )
    assert check_date("20.02.2027", "today+P1D", "today+P3M", TODAY) == Accepted("2027-02-20")
    assert check_date("19.11.1906", "today-P120Y", "today", TODAY) == Problem(
        "date.too_early", {"earliest": "1906-11-20"}
    )


def test_month_arithmetic_keeps_to_the_end_of_a_short_month() -> None:
    end_of_january = dt.date(2028, 1, 31)
    assert check_date("2028-03-01", None, "today+P1M", end_of_january) == Problem(
        "date.too_late", {"latest": "2028-02-29"}
    )
