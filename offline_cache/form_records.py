"""Typed Form records from the `forms` of a validated bundle (JSON as the schema declares it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from offline_cache.records import (
    DEFAULT_MAX_LENGTH,
    Choice,
    Consent,
    FieldRole,
    FieldType,
    Form,
    FormField,
    FormStep,
    ShowIf,
    Text,
)


def read_form(record: Mapping[str, Any]) -> Form:
    """The Form of one validated `forms[]` record; the validator has checked every key."""
    consent = record["consent"]
    return Form(
        id=record["id"],
        version=record["version"],
        title=_text(record["title"]),
        intro=_text(record["intro"]) if "intro" in record else None,
        steps=tuple(_step(s) for s in record["steps"]),
        consent=Consent(
            version=consent["version"],
            controller=consent["controller"],
            clause=_text(consent["clause"]),
            statement=_text(consent["statement"]),
        ),
    )


def _step(record: Mapping[str, Any]) -> FormStep:
    return FormStep(
        id=record["id"],
        title=_text(record["title"]),
        intro=_text(record["intro"]) if "intro" in record else None,
        fields=tuple(_field(f) for f in record["fields"]),
    )


def _field(record: Mapping[str, Any]) -> FormField:
    field_type = cast(FieldType, record["type"])
    show_if = record.get("show_if")
    return FormField(
        id=record["id"],
        type=field_type,
        required=bool(record["required"]),
        label=_text(record["label"]),
        help=_text(record["help"]),
        choices=tuple(_choice(c) for c in record.get("choices", [])),
        max_length=record.get("max_length", DEFAULT_MAX_LENGTH.get(field_type)),
        earliest=record.get("earliest"),
        latest=record.get("latest"),
        min=record.get("min"),
        max=record.get("max"),
        show_if=_show_if(show_if),
        role=cast(FieldRole | None, record.get("role")),
    )


def _choice(record: Mapping[str, Any]) -> Choice:
    return Choice(record["value"], _text(record["label"]), _show_if(record.get("show_if")))


def _show_if(record: Mapping[str, str] | None) -> ShowIf | None:
    return ShowIf(record["field"], record["equals"]) if record else None


def _text(value: Mapping[str, str]) -> Text:
    return dict(value)
