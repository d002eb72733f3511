"""check_answer: every field type, and every problem code has a message that says what to do."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.forms.field_check import check_answer
from kiosk.forms.filling import FormFilling
from kiosk.forms.problems import PROBLEM_MESSAGES, Accepted, Problem
from offline_cache.records import FIELD_TYPES, FieldType, FormField
from tests.kiosk.forms.fields import field, reply_form
from tests.kiosk.forms.numbers import pesel_of

TODAY = dt.date(2026, 11, 20)
PESEL = pesel_of(dt.date(1985, 3, 7), 12, female=True)

# One way to reach each code through check_answer (field, typed answer).
REACHED_BY = {
    "required": (field("text"), "   "),
    "pesel.characters": (field("pesel"), "8503O7123456"),
    "pesel.length": (field("pesel"), "850307"),
    "pesel.checksum": (field("pesel"), PESEL[:10] + str((int(PESEL[10]) + 1) % 10)),
    "pesel.birth_date": (field("pesel"), pesel_of(dt.date(2030, 1, 1), 1, female=False)),
    "nip.characters": (field("nip"), "526-O25-02-74"),
    "nip.length": (field("nip"), "526025027"),
    "nip.checksum": (field("nip"), "5260250275"),
    "regon.characters": (field("regon"), "00033I501"),
    "regon.length": (field("regon"), "0003315"),
    "regon.checksum": (field("regon"), "000331502"),
    "id_card.format": (field("id_card"), "AB1234567"),
    "id_card.checksum": (field("id_card"), "ABA300001"),
    "postal_code.format": (field("postal_code"), "371-00"),
    "phone.characters": (field("phone"), "600-l23-456"),
    "phone.length": (field("phone"), "60012345"),
    "email.format": (field("email"), "jan.kowalski.lancut.pl"),
    "email.domain": (field("email"), "jan@lancut"),
    "email.too_long": (field("email"), "j" * 70 + "@lancut.pl"),
    "date.format": (field("date"), "jutro"),
    "date.invalid": (field("date"), "31.04.2026"),
    "date.too_early": (field("date", earliest="today"), "19.11.2026"),
    "date.too_late": (field("date", latest="2026-12-31"), "01.01.2027"),
    "number.format": (field("number"), "3,5"),
    "number.too_small": (field("number", minimum=1), "0"),
    "number.too_large": (field("number", maximum=99), "100"),
    "choice.unknown": (field("choice", choices=("a", "b")), "c"),
    "yes_no.unknown": (field("yes_no"), "tak"),
    "text.too_long": (field("text", max_length=5), "Łańcut"),
}
# Codes only the whole form can give (answers that contradict each other).
REACHED_BY_FILLING = {"pesel.not_birth_date", "pesel.not_sex", "choice.not_offered"}


@pytest.mark.parametrize(("expected", "example"), REACHED_BY.items())
def test_each_way_of_being_wrong_has_its_code(
    expected: str, example: tuple[FormField, str]
) -> None:
    result = check_answer(*example, today=TODAY)
    assert isinstance(result, Problem)
    assert result.code == expected


def test_every_code_in_the_list_is_reachable_and_every_reachable_code_is_listed() -> None:
    assert set(REACHED_BY) | REACHED_BY_FILLING == set(PROBLEM_MESSAGES)
    form = FormFilling(reply_form(), today=lambda: TODAY)
    form.set_answer("pesel", PESEL)
    form.set_answer("data-urodzenia", "08.03.1985")
    assert form.check_step(0)["data-urodzenia"].code == "pesel.not_birth_date"


def codes_in_source() -> set[str]:
    """Every Problem("code") literal written in kiosk/forms."""
    found: set[str] = set()
    for path in Path("kiosk/forms").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem":
                first = node.args[0]
                assert isinstance(first, ast.Constant), f"{path}: a code must be a literal"
                found.add(str(first.value))
    return found


def test_every_code_written_in_the_checks_has_a_message() -> None:
    assert codes_in_source() == set(PROBLEM_MESSAGES)


@pytest.mark.parametrize("code", sorted(PROBLEM_MESSAGES))
def test_messages_say_what_is_wrong_and_how_to_fix_it(code: str) -> None:
    what, _, how = PROBLEM_MESSAGES[code].partition(": ")
    assert what and how, f"{code}: 'what is wrong: how to fix it'"
    assert PROBLEM_MESSAGES[code].endswith(".")


@given(st.sampled_from(FIELD_TYPES), st.text(max_size=40), st.booleans())
@settings(max_examples=400)
def test_any_typed_text_gives_an_answer_or_a_listed_problem(
    field_type: str, typed: str, required: bool
) -> None:
    checked_field = field(
        cast(FieldType, field_type),
        required=required,
        choices=("a", "b"),
        earliest="today-P150Y",
        minimum=-5,
        maximum=5000,
    )
    result = check_answer(checked_field, typed, today=TODAY)
    if isinstance(result, Problem):
        assert result.message()  # formats with its own params, no KeyError
    else:
        # The normalised answer is stable: checking it again gives it back unchanged.
        assert check_answer(checked_field, result.value, today=TODAY) == result
        if required:
            assert result.value


def test_an_optional_field_left_empty_is_accepted_empty() -> None:
    assert check_answer(field("pesel", required=False), "  ", today=TODAY) == Accepted("")


def test_one_line_text_is_one_line_and_long_text_keeps_its_lines() -> None:
    assert check_answer(field("text"), " Plac\r\n Sobieskiego\t18 ", TODAY) == Accepted(
        "Plac Sobieskiego 18"
    )
    assert check_answer(field("long_text"), "Dzień dobry,\r\n\r\nproszę o…\x07 ", TODAY) == (
        Accepted("Dzień dobry,\n\nproszę o…")
    )


def test_text_length_counts_characters_not_bytes() -> None:
    assert check_answer(field("text", max_length=6), "Łańcut", TODAY) == Accepted("Łańcut")
    assert check_answer(field("text", max_length=5), "Łańcut", TODAY) == Problem(
        "text.too_long", {"max": "5", "length": "6"}
    )
