"""PESEL, NIP, REGON, ID card and postal code: generated valid numbers pass, typos are caught."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kiosk.forms.polish_ids import (
    check_id_card,
    check_nip,
    check_pesel,
    check_postal_code,
    check_regon,
    pesel_details,
)
from kiosk.forms.problems import Accepted, Problem
from tests.kiosk.forms.numbers import (
    birth_dates,
    id_cards,
    nips,
    pesel_of,
    pesels,
    regon9,
    regons9,
    regons14,
)

TODAY = dt.date(2026, 11, 20)


def mutate(number: str, position: int, new_digit: str) -> str:
    return number[:position] + new_digit + number[position + 1 :]


def swap(number: str, position: int) -> str:
    chars = list(number)
    chars[position], chars[position + 1] = chars[position + 1], chars[position]
    return "".join(chars)


def code(result: Accepted | Problem) -> str:
    return result.code if isinstance(result, Problem) else "accepted"


# -- PESEL -----------------------------------------------------------------------------------


@given(birth_dates, st.integers(0, 999), st.booleans())
def test_a_generated_pesel_passes_and_tells_its_birth_date_and_sex(
    birth: dt.date, serial: int, female: bool
) -> None:
    pesel = pesel_of(birth, serial, female)
    assert check_pesel(pesel, TODAY) == Accepted(pesel)
    details = pesel_details(pesel)
    assert details is not None
    assert (details.birth_date, details.sex) == (birth, "female" if female else "male")


@given(pesels, st.integers(0, 10), st.sampled_from("0123456789"))
def test_any_one_wrong_digit_of_a_pesel_is_caught(pesel: str, position: int, digit: str) -> None:
    assume(pesel[position] != digit)
    assert code(check_pesel(mutate(pesel, position, digit), TODAY)) == "pesel.checksum"


@given(pesels, st.integers(0, 9))
def test_two_swapped_neighbours_in_a_pesel_are_caught(pesel: str, position: int) -> None:
    a, b = int(pesel[position]), int(pesel[position + 1])
    # Weights 1-3-7-9 differ by an even number: only a swap of digits 5 apart goes unseen.
    assume(a != b and abs(a - b) != 5)
    assert isinstance(check_pesel(swap(pesel, position), TODAY), Problem)


@given(st.dates(dt.date(1800, 1, 1), dt.date(2299, 12, 31)), st.integers(0, 999))
def test_every_century_from_1800_to_2299_is_read(birth: dt.date, serial: int) -> None:
    details = pesel_details(pesel_of(birth, serial, female=True))
    assert details is not None
    assert details.birth_date == birth


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (pesel_of(dt.date(1985, 3, 7), 123, female=True), "accepted"),
        ("8503071234", "pesel.length"),
        ("850307123456", "pesel.length"),
        ("8503O712345", "pesel.characters"),  # letter O for a zero
        ("٨٥٠٣٠٧١٢٣٤٥", "pesel.characters"),  # Arabic-Indic digits are digits to Python
        (pesel_of(dt.date(2027, 1, 5), 1, female=False), "pesel.birth_date"),  # not born yet
    ],
)
def test_pesel_problems_have_their_own_codes(typed: str, expected: str) -> None:
    assert code(check_pesel(typed, TODAY)) == expected


def test_a_pesel_with_a_right_check_digit_but_no_such_day_is_refused() -> None:
    body = "8502300000"  # 30 February 1985
    total = sum(int(d) * w for d, w in zip(body, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3], strict=True))
    assert code(check_pesel(body + str((10 - total % 10) % 10), TODAY)) == "pesel.birth_date"


def test_spaces_typed_in_a_pesel_are_dropped() -> None:
    pesel = pesel_of(dt.date(1990, 12, 31), 42, female=False)
    assert check_pesel(f" {pesel[:6]} {pesel[6:]} ", TODAY) == Accepted(pesel)


# -- NIP ---------------------------------------------------------------------------------------


@given(nips)
def test_a_generated_nip_passes_however_it_is_typed(nip: str) -> None:
    dashed = f"{nip[:3]}-{nip[3:6]}-{nip[6:8]}-{nip[8:]}"
    for typed in (nip, dashed, f"PL{nip}", f"{nip[:3]} {nip[3:]}"):
        assert check_nip(typed) == Accepted(nip)


@given(nips, st.integers(0, 9), st.sampled_from("0123456789"))
def test_any_one_wrong_digit_of_a_nip_is_caught(nip: str, position: int, digit: str) -> None:
    assume(nip[position] != digit)
    assert code(check_nip(mutate(nip, position, digit))) == "nip.checksum"


@given(nips, st.integers(0, 8))
def test_any_two_swapped_neighbours_in_a_nip_are_caught(nip: str, position: int) -> None:
    assume(nip[position] != nip[position + 1])
    assert code(check_nip(swap(nip, position))) == "nip.checksum"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("5260250274", "accepted"),  # Ministerstwo Finansów, as published in its BIP
        ("526-025-02-74", "accepted"),
        ("5260250275", "nip.checksum"),
        ("5260250247", "nip.checksum"),
        ("526025027", "nip.length"),
        ("52602502744", "nip.length"),
        ("52602S0274", "nip.characters"),
    ],
)
def test_known_nips(typed: str, expected: str) -> None:
    assert code(check_nip(typed)) == expected


# -- REGON -------------------------------------------------------------------------------------


@given(regons9)
def test_a_generated_nine_digit_regon_passes(regon: str) -> None:
    assert check_regon(regon) == Accepted(regon)


@given(regons14)
def test_a_generated_fourteen_digit_regon_passes(regon: str) -> None:
    assert check_regon(f"{regon[:9]} {regon[9:]}") == Accepted(regon)


def weighted_mod11(digits: str, weights: list[int]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11


@given(regons9, st.integers(0, 8), st.sampled_from("0123456789"))
def test_a_wrong_digit_of_a_regon_is_caught_unless_the_sum_lands_on_ten(
    regon: str, position: int, digit: str
) -> None:
    changed = mutate(regon, position, digit)
    assume(changed != regon)
    # REGON writes a remainder of 10 as the check digit 0: only then can a typo pass.
    if weighted_mod11(changed, [8, 9, 2, 3, 4, 5, 6, 7]) in (0, 10) and changed[8] == "0":
        return
    assert code(check_regon(changed)) == "regon.checksum"


@given(regons14, st.integers(9, 13), st.sampled_from("0123456789"))
def test_a_wrong_digit_in_the_unit_part_of_a_long_regon_is_caught(
    regon: str, position: int, digit: str
) -> None:
    changed = mutate(regon, position, digit)
    assume(changed != regon)
    weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]
    if weighted_mod11(changed, weights) in (0, 10) and changed[13] == "0":
        return
    assert code(check_regon(changed)) == "regon.checksum"


def test_a_long_regon_needs_a_valid_nine_digit_head() -> None:
    head = regon9("12345678")
    broken_head = mutate(head, 8, str((int(head[8]) + 1) % 10))
    unit = broken_head + "0001"
    weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]
    long_one = unit + str(weighted_mod11(unit, weights) % 10)
    assert code(check_regon(long_one)) == "regon.checksum"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("000002217", "accepted"),  # Ministerstwo Finansów
        ("000331501", "accepted"),  # Główny Urząd Statystyczny
        ("12345678512347", "accepted"),  # the example in GUS's own description of REGON
        ("000331502", "regon.checksum"),
        ("00033150", "regon.length"),
        ("0003315010", "regon.length"),
        ("00O331501", "regon.characters"),
    ],
)
def test_known_regons(typed: str, expected: str) -> None:
    assert code(check_regon(typed)) == expected


# -- ID card -----------------------------------------------------------------------------------


@given(id_cards)
def test_a_generated_id_card_number_passes_in_any_case_and_spacing(number: str) -> None:
    assert check_id_card(number) == Accepted(number)
    assert check_id_card(f"{number[:3].lower()} {number[3:]}") == Accepted(number)


@given(id_cards, st.integers(3, 8), st.sampled_from("0123456789"))
def test_any_wrong_digit_of_an_id_card_number_is_caught(
    number: str, position: int, digit: str
) -> None:
    assume(number[position] != digit)
    assert code(check_id_card(mutate(number, position, digit))) == "id_card.checksum"


@given(id_cards, st.integers(0, 2), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
def test_a_wrong_letter_is_caught_unless_its_value_differs_by_ten(
    number: str, position: int, letter: str
) -> None:
    old, new = ord(number[position]) - 55, ord(letter) - 55
    assume(old != new and (old - new) % 10 != 0)
    assert code(check_id_card(mutate(number, position, letter))) == "id_card.checksum"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ABA300000", "accepted"),  # the specimen number of the ID card regulation
        ("ABA300001", "id_card.checksum"),
        ("AB3300000", "id_card.format"),
        ("ABA30000", "id_card.format"),
        ("ĄBA300000", "id_card.format"),
    ],
)
def test_known_id_card_numbers(typed: str, expected: str) -> None:
    assert code(check_id_card(typed)) == expected


# -- postal code -------------------------------------------------------------------------------


@given(st.text(alphabet="0123456789", min_size=5, max_size=5))
def test_a_postal_code_typed_with_or_without_a_dash_comes_out_the_same(code5: str) -> None:
    expected = Accepted(f"{code5[:2]}-{code5[2:]}")
    for typed in (code5, f"{code5[:2]}-{code5[2:]}", f" {code5[:2]} {code5[2:]} "):
        assert check_postal_code(typed) == expected


@given(st.text(max_size=8))
def test_anything_else_is_not_a_postal_code(typed: str) -> None:
    digits = "".join(ch for ch in typed if ch in "0123456789")
    result = check_postal_code(typed)
    if isinstance(result, Accepted):
        assert result.value == f"{digits[:2]}-{digits[2:]}"
    else:
        assert result.code == "postal_code.format"


@pytest.mark.parametrize("typed", ["37-1000", "371-00", "37_100", "3710", "ab-cde", "37--100"])
def test_known_bad_postal_codes(typed: str) -> None:
    assert code(check_postal_code(typed)) == "postal_code.format"
