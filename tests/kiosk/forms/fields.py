"""Form fields and a small form for tests, built as the catalogue would give them."""

from __future__ import annotations

from typing import Any

from offline_cache.form_records import read_form
from offline_cache.records import (
    DEFAULT_MAX_LENGTH,
    Choice,
    FieldRole,
    FieldType,
    Form,
    FormField,
    ShowIf,
)


def text4(pl: str) -> dict[str, str]:
    return {"pl": pl, "en": f"{pl} (en)", "uk": f"{pl} (uk)", "de": f"{pl} (de)"}


def field(
    field_type: FieldType,
    *,
    field_id: str = "pole",
    required: bool = True,
    choices: tuple[str, ...] = (),
    earliest: str | None = None,
    latest: str | None = None,
    max_length: int | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    show_if: ShowIf | None = None,
    role: FieldRole | None = None,
) -> FormField:
    return FormField(
        id=field_id,
        type=field_type,
        required=required,
        label=text4(f"Pole {field_id}"),
        help=text4("Wpisz odpowiedź"),
        choices=tuple(Choice(v, text4(f"Odpowiedź {v}")) for v in choices),
        max_length=max_length or DEFAULT_MAX_LENGTH.get(field_type),
        earliest=earliest,
        latest=latest,
        min=minimum,
        max=maximum,
        show_if=show_if,
        role=role,
    )


def raw_field(field_id: str, field_type: str, **options: Any) -> dict[str, Any]:
    return {
        "id": field_id,
        "type": field_type,
        "required": options.pop("required", True),
        "label": text4(f"Pytanie {field_id} – źdźbło"),
        "help": text4("Jak wypełnić"),
        **options,
    }


def raw_form(*steps: list[dict[str, Any]], form_id: str = "wniosek-testowy") -> dict[str, Any]:
    return {
        "id": form_id,
        "version": "2026-11-20",
        "title": text4("Wniosek testowy"),
        "steps": [
            {"id": f"krok-{n}", "title": text4(f"Krok {n}"), "fields": fields}
            for n, fields in enumerate(steps, 1)
        ],
        "consent": {
            "version": "rodo-2026-01",
            "controller": "gmina-lomza",
            "clause": text4("Administratorem Twoich danych jest Burmistrz."),
            "statement": text4("Zapoznałem się z klauzulą informacyjną."),
        },
    }


def reply_form() -> Form:
    """Who you are; how to reply (e-mail, or post with an address); what you ask for."""
    return read_form(
        raw_form(
            [
                raw_field("imie-nazwisko", "text", role="full_name", max_length=100),
                raw_field("pesel", "pesel", required=False, role="pesel"),
                raw_field("data-urodzenia", "date", required=False, role="birth_date",
                          earliest="today-P130Y", latest="today"),
            ],
            [
                raw_field("odpowiedz", "choice", choices=[
                    {"value": "email", "label": text4("E-mailem")},
                    {"value": "poczta", "label": text4("Pocztą")},
                ]),
                raw_field("email", "email", role="email", show_if={"field": "odpowiedz", "equals": "email"}),
                raw_field("inny-adres", "yes_no", show_if={"field": "odpowiedz", "equals": "poczta"}),
                raw_field("ulica", "text", show_if={"field": "inny-adres", "equals": "yes"}),
                raw_field("kod", "postal_code", show_if={"field": "inny-adres", "equals": "yes"}),
            ],
            [raw_field("tresc", "long_text", max_length=500)],
        )
    )  # fmt: skip
