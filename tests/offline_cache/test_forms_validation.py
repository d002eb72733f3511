"""Forms in the catalogue are validated like every other record, each problem named."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offline_cache.validation import _validator, passes_schema_quickly, validate_bundle
from tests.factories import bundle, service
from tests.kiosk.forms.fields import raw_field, raw_form, text4
from tests.offline_cache.test_validation import JSON

CHOICES = [
    {"value": "email", "label": text4("E-mailem")},
    {"value": "poczta", "label": text4("Pocztą")},
]


def a_form() -> dict[str, Any]:
    return raw_form(
        [
            raw_field("imie-nazwisko", "text", role="full_name", max_length=120),
            raw_field("pesel", "pesel", required=False, role="pesel"),
            raw_field("liczba-osob", "number", min=1, max=99),
        ],
        [
            raw_field("odpowiedz", "choice", choices=CHOICES),
            raw_field(
                "email", "email", role="email", show_if={"field": "odpowiedz", "equals": "email"}
            ),
            raw_field("termin", "date", earliest="today+P1D", latest="today+P3M"),
        ],
    )


def with_form(form: dict[str, Any], *, form_id: str = "wniosek-testowy") -> dict[str, Any]:
    filed = service("wniosek", "Wniosek o coś", channels=[{"type": "kiosk", "form": form_id}])
    data = bundle(filed)
    data["forms"] = [form]
    return data


def test_a_complete_form_is_valid() -> None:
    assert validate_bundle(with_form(a_form())) == []


def test_a_bundle_from_before_forms_stays_valid_with_its_kiosk_channels() -> None:
    old = bundle(service("wniosek", "Wniosek", channels=[{"type": "kiosk", "form": "jakis"}]))
    assert "forms" not in old
    assert validate_bundle(old) == []


def step_field(form: dict[str, Any], step: int, field: int) -> dict[str, Any]:
    found: dict[str, Any] = form["steps"][step]["fields"][field]
    return found


Change = Callable[[dict[str, Any]], None]

CASES: list[tuple[Change, str]] = [
    (lambda f: step_field(f, 1, 1).update(id="pesel"), "wniosek-testowy: steps[1].fields[1].id: appears more than once in the form"),
    (lambda f: f["steps"][1].update(id="krok-1"), "wniosek-testowy: steps[1].id: appears more than once in the form"),
    (lambda f: step_field(f, 1, 1)["show_if"].update(field="termin"), "wniosek-testowy: steps[1].fields[1].show_if.field: refers to 'termin', which is not an earlier field of this form"),
    (lambda f: step_field(f, 1, 1)["show_if"].update(field="nie-ma"), "wniosek-testowy: steps[1].fields[1].show_if.field: refers to 'nie-ma'"),
    (lambda f: step_field(f, 1, 1)["show_if"].update(field="imie-nazwisko"), "wniosek-testowy: steps[1].fields[1].show_if.field: needs a choice or yes_no field; 'imie-nazwisko' is text"),
    (lambda f: step_field(f, 1, 1)["show_if"].update(equals="fax"), "wniosek-testowy: steps[1].fields[1].show_if.equals: 'fax' is not an answer of 'odpowiedz' (email, poczta)"),
    (lambda f: step_field(f, 1, 0).update(choices=[CHOICES[0], {**CHOICES[1], "show_if": {"field": "termin", "equals": "x"}}]), "wniosek-testowy: steps[1].fields[0].choices[1].show_if.field: refers to 'termin', which is not an earlier field of this form"),
    (lambda f: step_field(f, 1, 0).update(choices=[CHOICES[0], {**CHOICES[1], "show_if": {"field": "odpowiedz", "equals": "email"}}]), "wniosek-testowy: steps[1].fields[0].choices[1].show_if.field: refers to 'odpowiedz', which is not an earlier field"),
    (lambda f: step_field(f, 1, 0).update(choices=[CHOICES[0], {**CHOICES[1], "show_if": {"field": "imie-nazwisko", "equals": "x"}}]), "wniosek-testowy: steps[1].fields[0].choices[1].show_if.field: needs a choice or yes_no field"),
    (lambda f: step_field(f, 1, 0).update(choices=CHOICES[:1]), "wniosek-testowy: steps[1].fields[0].choices: [{'value': 'email'"),
    (lambda f: step_field(f, 1, 0).update(choices=[CHOICES[0], CHOICES[0]]), "wniosek-testowy: steps[1].fields[0].choices: value 'email' appears more than once"),
    (lambda f: step_field(f, 1, 0).pop("choices"), "wniosek-testowy: steps[1].fields[0]: 'choices' is a required property"),
    (lambda f: step_field(f, 0, 0).update(choices=CHOICES), "wniosek-testowy: steps[0].fields[0].choices: only applies to choice fields"),
    (lambda f: step_field(f, 0, 1).update(max_length=11), "wniosek-testowy: steps[0].fields[1].max_length: only applies to text and long_text fields"),
    (lambda f: step_field(f, 0, 0).update(earliest="today"), "wniosek-testowy: steps[0].fields[0].earliest: only applies to date fields"),
    (lambda f: step_field(f, 0, 2).update(min=100), "wniosek-testowy: steps[0].fields[2].min: is larger than max"),
    (lambda f: step_field(f, 1, 2).update(earliest="today+P4M"), "wniosek-testowy: steps[1].fields[2].earliest: is after the latest date"),
    (lambda f: step_field(f, 1, 2).update(latest="2026-02-30"), "wniosek-testowy: steps[1].fields[2].latest: not a calendar date"),
    (lambda f: step_field(f, 1, 2).update(latest="za tydzień"), "wniosek-testowy: steps[1].fields[2].latest: 'za tydzień' is not a date like 2026-01-01 or a relative date"),
    (lambda f: step_field(f, 0, 1).update(role="full_name"), "wniosek-testowy: steps[0].fields[1].role: 'full_name' is given to more than one field"),
    (lambda f: step_field(f, 0, 0).update(role="email"), "wniosek-testowy: steps[0].fields[0].role: 'email' needs a email field, not text"),
    (lambda f: step_field(f, 1, 0).update(role="sex"), "wniosek-testowy: steps[1].fields[0].role: 'sex' needs exactly the choices female, male"),
    (lambda f: step_field(f, 0, 0)["label"].pop("de"), "wniosek-testowy: steps[0].fields[0].label: 'de' is a required property"),
    (lambda f: step_field(f, 0, 0).update(type="pesel-or-nip"), "wniosek-testowy: steps[0].fields[0].type: 'pesel-or-nip' is not one of"),
    (lambda f: f["consent"].update(controller="gmina-nibylandia"), "wniosek-testowy: consent.controller: unknown tenant 'gmina-nibylandia'"),
    (lambda f: f["consent"].update(version="wersja 1"), "wniosek-testowy: consent.version: 'wersja 1' is not a version like 2026-11-20 or 3.1"),
    (lambda f: f.update(steps=[]), "wniosek-testowy: steps: [] should be non-empty"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "expected"), CASES)
def test_invalid_forms_are_named_with_a_reason(change: Change, expected: str) -> None:
    form = a_form()
    change(form)
    problems = [str(p) for p in validate_bundle(with_form(form))]
    assert any(p.startswith(expected) for p in problems), problems


def test_a_kiosk_channel_must_name_a_declared_form() -> None:
    problems = [str(p) for p in validate_bundle(with_form(a_form(), form_id="inny-wniosek"))]
    assert problems == ["wniosek: channels[0].form: refers to unknown form id 'inny-wniosek'"]


def test_a_kiosk_channel_naming_a_broken_form_is_not_reported_twice() -> None:
    form = a_form()
    form["title"] = {"pl": "Bez tłumaczeń"}
    problems = validate_bundle(with_form(form))
    assert {p.record_id for p in problems} == {"wniosek-testowy"}


def test_the_form_of_a_service_names_the_services_office_as_controller() -> None:
    form = a_form()
    form["consent"]["controller"] = "zdw-lodz"
    problems = [str(p) for p in validate_bundle(with_form(form))]
    assert problems == [
        "wniosek: channels[0].form: form 'wniosek-testowy' names 'zdw-lodz' as data controller, "
        "but the service's authority is 'gmina-lomza': give the office its own form"
    ]


def test_form_ids_are_unique_in_the_bundle() -> None:
    data = with_form(a_form())
    data["forms"].append(a_form())
    problems = [str(p) for p in validate_bundle(data)]
    assert problems == ["wniosek-testowy: id: appears more than once in forms"]


FORM_PARTS = ["id", "version", "title", "intro", "steps", "consent"]
FIELD_PARTS = ["id", "type", "required", "label", "help", "choices", "max_length", "min",
               "max", "earliest", "latest", "show_if", "role"]  # fmt: skip


@given(part=st.sampled_from(FORM_PARTS), value=JSON)
@settings(max_examples=100, deadline=None)
def test_any_damage_to_a_form_is_caught_by_both_validators_alike(part: str, value: object) -> None:
    form = a_form()
    form[part] = value
    assert_both_agree(with_form(form), also_named=value if isinstance(value, str) else None)


@given(
    part=st.sampled_from(FIELD_PARTS), value=JSON, where=st.sampled_from([(0, 0), (1, 0), (1, 2)])
)
@settings(max_examples=150, deadline=None)
def test_any_damage_to_a_field_is_caught_by_both_validators_alike(
    part: str, value: object, where: tuple[int, int]
) -> None:
    form = a_form()
    step_field(form, *where)[part] = value
    assert_both_agree(with_form(form))


def assert_both_agree(data: dict[str, Any], also_named: str | None = None) -> None:
    thorough = not any(_validator().iter_errors(data))
    assert passes_schema_quickly(data) == thorough
    problems = validate_bundle(data)  # never raises, whatever the damage
    named = {"wniosek-testowy", "forms[0]", "wniosek", also_named}  # a damaged id names itself
    assert all(p.record_id in named for p in problems)
    assert all(p.reason for p in problems)


@given(JSON)
@settings(max_examples=100, deadline=None)
def test_any_json_as_the_forms_section_gives_problems_not_exceptions(value: object) -> None:
    data = with_form(a_form())
    data["forms"] = value
    assert validate_bundle(data)  # [] too: the kiosk channel then names a missing form


def test_validation_does_not_change_a_form() -> None:
    data = with_form(a_form())
    before = copy.deepcopy(data)
    validate_bundle(data)
    assert data == before
