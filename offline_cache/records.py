"""Typed views of a validated catalogue bundle (the JSON Schema is the declaration).

Only code behind `validation.validate_bundle` sees these types, so it may trust them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NotRequired, TypedDict, get_args

LANGUAGES: tuple[str, ...] = ("pl", "en", "uk", "de")
"""Languages of catalogue text; Polish is required and the fallback."""

BUNDLE_FORMAT = "infomat-catalogue/1"

Text = dict[str, str]  # language code -> text; "pl" always present


class Term(TypedDict):
    id: str
    name: Text
    icon: NotRequired[str]


class Address(TypedDict):
    street: str
    postal_code: str
    city: str
    room: NotRequired[Text]


class Tenant(TypedDict):
    id: str
    kind: Literal["commune", "county", "voivodeship", "body"]
    name: Text
    parent: NotRequired[str]
    teryt: NotRequired[str]
    address: NotRequired[Address]
    phone: NotRequired[str]
    email: NotRequired[str]
    website: NotRequired[str]


class Service(TypedDict):
    id: str
    name: Text
    description: Text
    authority: str
    categories: list[str]
    channels: list[dict[str, object]]
    updated: str
    keywords: NotRequired[dict[str, list[str]]]
    life_events: NotRequired[list[str]]
    related: NotRequired[list[str]]
    popularity: NotRequired[int]


class Bundle(TypedDict):
    format: str
    generated: str
    tenants: list[Tenant]
    categories: list[Term]
    life_events: list[Term]
    services: list[Service]
    publisher: NotRequired[Text]
    forms: NotRequired[list[dict[str, Any]]]  # read into Form records by form_records


def in_language(text: Text, language: str) -> str:
    """`text` in `language`, or in Polish when that translation is missing."""
    return text.get(language) or text["pl"]


def text_language(text: Text, language: str) -> str:
    """The language `in_language(text, language)` answers in: `language`, or "pl" without it."""
    return language if text.get(language) else "pl"


# -- application forms (declared in the bundle's `forms`, see docs/forms-format.md) ----------

FieldType = Literal[
    "pesel", "nip", "regon", "id_card", "postal_code", "phone", "email",
    "date", "number", "choice", "yes_no", "text", "long_text",
]  # fmt: skip
FIELD_TYPES: tuple[str, ...] = get_args(FieldType)

FieldRole = Literal[
    "pesel", "first_name", "last_name", "full_name", "email", "phone",
    "address", "postal_code", "city", "birth_date", "sex",
]  # fmt: skip

YES, NO = "yes", "no"
"""The two answers of a yes_no field."""

DEFAULT_MAX_LENGTH: dict[str, int] = {"text": 200, "long_text": 4000}
"""Length limit of text answers when the form names none."""


@dataclass(frozen=True)
class ShowIf:
    """The field (or choice) is shown only while the earlier field `field` has the answer
    `equals`."""

    field: str
    equals: str


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text
    show_if: ShowIf | None = None  # offered only while an earlier answer is this one


@dataclass(frozen=True)
class FormField:
    id: str
    type: FieldType
    required: bool
    label: Text
    help: Text
    choices: tuple[Choice, ...] = ()
    max_length: int | None = None  # text and long_text only (default applied)
    earliest: str | None = None  # date only: a date_bound (2026-01-01, today, today-P120Y)
    latest: str | None = None
    min: int | None = None  # number only: the smallest and largest whole number accepted
    max: int | None = None
    show_if: ShowIf | None = None
    role: FieldRole | None = None


@dataclass(frozen=True)
class FormStep:
    """One wizard screen: a group of questions."""

    id: str
    title: Text
    fields: tuple[FormField, ...]
    intro: Text | None = None


@dataclass(frozen=True)
class Consent:
    """The office's GDPR information clause the resident must accept before filing."""

    version: str
    controller: str  # tenant id of the office that is the data controller
    clause: Text
    statement: Text


@dataclass(frozen=True)
class Form:
    id: str
    version: str
    title: Text
    steps: tuple[FormStep, ...]
    consent: Consent
    intro: Text | None = None

    def fields(self) -> tuple[FormField, ...]:
        """Every field of every step, in the order the resident meets them."""
        return tuple(f for step in self.steps for f in step.fields)
