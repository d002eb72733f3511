"""Submission codes: readable alphabet, check character catching typos (Hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offline_cache.submission_code import (
    ALPHABET,
    LENGTH,
    RANDOM_LENGTH,
    check_character,
    display,
    is_valid,
    new_code,
    normalise,
)

symbols = st.sampled_from(ALPHABET)
bodies = st.text(alphabet=ALPHABET, min_size=RANDOM_LENGTH, max_size=RANDOM_LENGTH)
codes = bodies.map(lambda body: body + check_character(body))


def test_the_alphabet_avoids_confusable_characters_and_has_a_prime_size() -> None:
    assert len(set(ALPHABET)) == len(ALPHABET) == 23
    assert all(len(ALPHABET) % d for d in range(2, len(ALPHABET)))
    assert set(ALPHABET).isdisjoint("0O1IL" + "QV" + "BGS" + "DNU")
    assert ALPHABET.upper() == ALPHABET


def test_new_codes_are_valid_random_and_fit_the_receipt_url_budget() -> None:
    drawn = {new_code() for _ in range(2000)}
    assert len(drawn) == 2000
    assert all(is_valid(code) and len(code) == LENGTH for code in drawn)
    # docs/platform-notes.md: a QR of ECC M holds 42 bytes; a status URL is base + compact code.
    assert len(("https://bip.lancut.pl/s/" + next(iter(drawn))).encode()) <= 42


@given(codes, st.integers(0, LENGTH - 1), symbols)
def test_any_single_wrong_character_is_caught(code: str, position: int, wrong: str) -> None:
    typo = code[:position] + wrong + code[position + 1 :]
    assert is_valid(typo) == (typo == code)


@given(codes, st.integers(0, LENGTH - 2))
def test_any_swap_of_two_neighbours_is_caught(code: str, position: int) -> None:
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert is_valid(swapped) == (swapped == code)


@given(codes, st.integers(0, LENGTH - 1), st.integers(0, LENGTH - 1))
def test_any_swap_of_two_characters_is_caught(code: str, first: int, second: int) -> None:
    chars = list(code)
    chars[first], chars[second] = chars[second], chars[first]
    swapped = "".join(chars)
    assert is_valid(swapped) == (swapped == code)


@given(codes, st.lists(st.sampled_from([" ", "-", "–", "\t"]), max_size=3), st.booleans())
def test_typed_forms_normalise_to_the_code(code: str, noise: list[str], lower: bool) -> None:
    typed = display(code)
    typed = "".join(noise) + (typed.lower() if lower else typed) + "".join(noise)
    assert normalise(typed) == code
    assert is_valid(typed)


@given(st.text(max_size=30))
def test_any_text_is_answered_without_an_exception(text: str) -> None:
    assert isinstance(is_valid(text), bool)


@given(codes)
def test_display_is_two_groups_of_five(code: str) -> None:
    shown = display(code)
    assert shown == f"{code[:5]}-{code[5:]}"
    assert normalise(shown) == code


def test_letters_outside_the_alphabet_are_not_guessed() -> None:
    code = "23456789A" + check_character("23456789A")
    assert is_valid(code)
    assert not is_valid(code.replace("2", "Z", 1))
    assert not is_valid("O" + code[1:])  # letter O is never read as anything


def test_a_malformed_body_gets_no_check_character() -> None:
    with pytest.raises(ValueError, match="9 symbols"):
        check_character("ABC")
    with pytest.raises(ValueError, match="9 symbols"):
        check_character("0" * RANDOM_LENGTH)
