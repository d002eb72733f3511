"""Checks of application forms that JSON Schema cannot express.

Field ids unique within a form, options that fit the field's type, conditions that look back
at an earlier question and name one of its answers, roles on fields that can hold them, and
an existing office as the data controller. Each problem names the form and the place in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from offline_cache.date_bounds import is_relative, resolve_bound
from offline_cache.problems import RecordProblem
from offline_cache.records import NO, YES

_ROLE_TYPES = {
    "pesel": "pesel",
    "first_name": "text",
    "last_name": "text",
    "full_name": "text",
    "address": "text",
    "city": "text",
    "email": "email",
    "phone": "phone",
    "postal_code": "postal_code",
    "birth_date": "date",
    "sex": "choice",
}
SEX_VALUES = ("female", "male")
"""The answers a field with role `sex` offers, as PESEL encodes them."""

_OPTIONS = {
    "choices": (("choice",), "choice fields"),
    "max_length": (("text", "long_text"), "text and long_text fields"),
    "earliest": (("date",), "date fields"),
    "latest": (("date",), "date fields"),
    "min": (("number",), "number fields"),
    "max": (("number",), "number fields"),
}


def form_problems(form: Mapping[str, Any], tenants: set[str]) -> Iterator[RecordProblem]:
    """Every problem of one form that passed the schema."""
    form_id: str = form["id"]
    controller = form["consent"]["controller"]
    if controller not in tenants:
        yield RecordProblem(form_id, "consent.controller", f"unknown tenant {controller!r}")
    step_ids: set[str] = set()
    earlier: dict[str, Mapping[str, Any]] = {}
    roles: set[str] = set()
    for s, step in enumerate(form["steps"]):
        if step["id"] in step_ids:
            yield RecordProblem(form_id, f"steps[{s}].id", "appears more than once in the form")
        step_ids.add(step["id"])
        for f, field in enumerate(step["fields"]):
            where = f"steps[{s}].fields[{f}]"
            if field["id"] in earlier:
                yield RecordProblem(form_id, f"{where}.id", "appears more than once in the form")
            yield from _option_problems(form_id, where, field)
            yield from _show_if_problems(form_id, where, field.get("show_if"), earlier)
            for c, choice in enumerate(field.get("choices", [])):
                place = f"{where}.choices[{c}]"
                yield from _show_if_problems(form_id, place, choice.get("show_if"), earlier)
            yield from _role_problems(form_id, where, field, roles)
            earlier.setdefault(field["id"], field)


def _option_problems(form_id: str, where: str, field: Mapping[str, Any]) -> Iterator[RecordProblem]:
    for option, (types, kinds) in _OPTIONS.items():
        if option in field and field["type"] not in types:
            yield RecordProblem(form_id, f"{where}.{option}", f"only applies to {kinds}")
    values = [c["value"] for c in field.get("choices", [])]
    for value in sorted({v for v in values if values.count(v) > 1}):
        yield RecordProblem(form_id, f"{where}.choices", f"value {value!r} appears more than once")
    yield from _date_bound_problems(form_id, where, field)
    if "min" in field and "max" in field and field["min"] > field["max"]:
        yield RecordProblem(form_id, f"{where}.min", "is larger than max")


def _date_bound_problems(
    form_id: str, where: str, field: Mapping[str, Any]
) -> Iterator[RecordProblem]:
    today = dt.date.today()
    bounds: dict[str, dt.date] = {}
    for name in ("earliest", "latest"):
        if name in field:
            try:
                bounds[name] = resolve_bound(field[name], today)
            except ValueError:
                yield RecordProblem(form_id, f"{where}.{name}", "not a calendar date (YYYY-MM-DD)")
    # A fixed date and a relative one can swap places as time passes: compare like with like.
    comparable = len(bounds) == 2 and is_relative(field["earliest"]) == is_relative(field["latest"])
    if comparable and bounds["earliest"] > bounds["latest"]:
        yield RecordProblem(form_id, f"{where}.earliest", "is after the latest date")


def _show_if_problems(
    form_id: str,
    where: str,
    condition: Mapping[str, str] | None,
    earlier: Mapping[str, Mapping[str, Any]],
) -> Iterator[RecordProblem]:
    """A field's or a choice's condition must look back at an earlier choice or yes/no."""
    if condition is None:
        return
    target = earlier.get(condition["field"])
    if target is None:
        reason = f"refers to {condition['field']!r}, which is not an earlier field of this form"
        yield RecordProblem(form_id, f"{where}.show_if.field", reason)
        return
    if target["type"] == "yes_no":
        answers = [YES, NO]
    elif target["type"] == "choice":
        answers = [c["value"] for c in target["choices"]]
    else:
        reason = f"needs a choice or yes_no field; {condition['field']!r} is {target['type']}"
        yield RecordProblem(form_id, f"{where}.show_if.field", reason)
        return
    if condition["equals"] not in answers:
        offered = ", ".join(answers)
        reason = f"{condition['equals']!r} is not an answer of {condition['field']!r} ({offered})"
        yield RecordProblem(form_id, f"{where}.show_if.equals", reason)


def _role_problems(
    form_id: str, where: str, field: Mapping[str, Any], roles: set[str]
) -> Iterator[RecordProblem]:
    role = field.get("role")
    if role is None:
        return
    if role in roles:
        yield RecordProblem(form_id, f"{where}.role", f"{role!r} is given to more than one field")
    roles.add(role)
    if field["type"] != _ROLE_TYPES[role]:
        reason = f"{role!r} needs a {_ROLE_TYPES[role]} field, not {field['type']}"
        yield RecordProblem(form_id, f"{where}.role", reason)
    elif role == "sex" and sorted(c["value"] for c in field["choices"]) != list(SEX_VALUES):
        reason = "'sex' needs exactly the choices female, male"
        yield RecordProblem(form_id, f"{where}.role", reason)


def kiosk_channel_problems(
    service: Mapping[str, Any], controllers: Mapping[str, str | None] | None
) -> Iterator[RecordProblem]:
    """A kiosk channel must name a declared form whose controller is the service's authority.

    `controllers` maps form ids to their controller (None when that form's own record is
    broken); None for a bundle without `forms` (written before forms existed), whose kiosk
    channels are shown but cannot be filed.
    """
    if controllers is None:
        return
    for c, channel in enumerate(service["channels"]):
        if channel.get("type") != "kiosk":
            continue
        form_id, where = channel["form"], f"channels[{c}].form"
        if form_id not in controllers:
            yield RecordProblem(service["id"], where, f"refers to unknown form id {form_id!r}")
        elif controllers[form_id] not in (None, service["authority"]):
            reason = (
                f"form {form_id!r} names {controllers[form_id]!r} as data controller, but the "
                f"service's authority is {service['authority']!r}: give the office its own form"
            )
            yield RecordProblem(service["id"], where, reason)
