"""The record validator: every invalid record is named with its reason; never raises."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offline_cache.validation import _validator, passes_schema_quickly, validate_bundle
from tests.factories import bundle, service

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = [
    "id", "name", "description", "keywords", "categories", "life_events", "authority",
    "who_can_apply", "documents", "costs", "processing_time", "channels", "legal_basis",
    "appeal", "output", "related", "popularity", "updated",
]  # fmt: skip


def full_service() -> dict[str, Any]:
    return service(
        "pelna-usluga",
        "Pełna usługa ze wszystkim",
        keywords=["żółć"],
        who_can_apply={"pl": "Każdy mieszkaniec", "uk": "Кожен мешканець"},
        documents=[{"name": {"pl": "Wniosek"}, "url": "https://bip.example.pl/wniosek.pdf"}],
        costs=[{"amount": 21.5, "currency": "PLN", "description": {"pl": "Opłata skarbowa"}}],
        processing_time={"duration": "P1M", "text": {"pl": "do miesiąca"}},
        legal_basis=[{"title": {"pl": "Ustawa o opłacie skarbowej"}}],
        appeal={"pl": "Do SKO w terminie 14 dni"},
        output={"pl": "Decyzja"},
        popularity=3,
    )


def test_a_complete_record_is_valid() -> None:
    assert validate_bundle(bundle(full_service(), service("druga", "Druga usługa"))) == []


@given(field=st.sampled_from(FIELDS), value=JSON)
@settings(max_examples=300, deadline=None)
def test_any_damage_is_caught_by_both_validators_alike(field: str, value: object) -> None:
    damaged = full_service()
    damaged[field] = value
    data = bundle(damaged, service("druga", "Druga usługa"))
    thorough = not any(_validator().iter_errors(data))
    assert passes_schema_quickly(data) == thorough
    problems = validate_bundle(data)
    if problems:
        named = {"pelna-usluga", "druga", "services[0]"} | (
            {value} if isinstance(value, str) else set()
        )
        assert all(p.record_id in named for p in problems)
        assert all(p.reason for p in problems)


@given(JSON)
@settings(max_examples=200, deadline=None)
def test_any_json_value_gives_problems_not_exceptions(value: object) -> None:
    problems = validate_bundle(value)
    assert problems, "nothing random is a valid bundle"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s.update(id="Zła Nazwa"), "Zła Nazwa: id: 'Zła Nazwa' is not lower-case letters"),
        (lambda s: s["name"].pop("pl"), "x: name: 'pl' is a required property"),
        (lambda s: s.update(updated="2026-02-30"), "x: updated: not a calendar date"),
        (lambda s: s.update(categories=["nie-ma"]), "x: categories: refers to unknown categories id 'nie-ma'"),
        (lambda s: s.update(related=["x"]), "x: related: refers to unknown related id 'x'"),
        (
            lambda s: s.update(costs=[{"amount": 1.005, "currency": "PLN", "description": {"pl": "o"}}]),
            "x: costs[0].amount: more than two decimal places",
        ),
        (
            lambda s: s.update(processing_time={"duration": "30 dni", "text": {"pl": "x"}}),
            "x: processing_time.duration: '30 dni' is not an ISO 8601 duration",
        ),
        (
            lambda s: s.update(channels=[{"type": "in_person", "address": {"street": "Rynek 1", "postal_code": "37100", "city": "Łańcut"}}]),
            "x: channels[0].address.postal_code: '37100' is not a postal code like 37-100",
        ),
        (
            lambda s: s.update(channels=[{"type": "fax", "number": "1"}]),
            "x: channels[0]: type must be one of: kiosk, online, in_person",
        ),
        (
            lambda s: s.update(channels=[{"type": "online", "url": "javascript:alert(1)"}]),
            "x: channels[0].url: 'javascript:alert(1)' is not an http:// or https:// address",
        ),
    ],
)  # fmt: skip
def test_invalid_records_are_named_with_a_reason(change: Any, expected: str) -> None:
    broken = service("x", "Usługa")
    change(broken)
    problems = [str(p) for p in validate_bundle(bundle(broken))]
    assert any(p.startswith(expected) for p in problems), problems


def test_every_invalid_record_is_reported_in_one_run() -> None:
    records = [service(f"s{n}", "Usługa") for n in range(5)]
    records[1]["authority"] = "nikt"
    records[3]["name"] = {}
    records[4]["id"] = "s0"
    reported = {p.record_id for p in validate_bundle(bundle(*records))}
    assert reported == {"s1", "s3", "s0"}


def test_validation_does_not_change_its_input() -> None:
    data = bundle(full_service())
    before = copy.deepcopy(data)
    validate_bundle(data)
    assert data == before
    assert jsonschema.Draft202012Validator.FORMAT_CHECKER is not None
