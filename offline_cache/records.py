"""Typed views of a validated catalogue bundle (the JSON Schema is the declaration).

Only code behind `validation.validate_bundle` sees these types, so it may trust them.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

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


def in_language(text: Text, language: str) -> str:
    """`text` in `language`, or in Polish when that translation is missing."""
    return text.get(language) or text["pl"]
