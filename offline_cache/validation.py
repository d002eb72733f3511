"""Validation of catalogue bundles at the edge: JSON Schema first, then cross-references.

Every invalid record is reported with its id and the reason; callers refuse the whole
bundle when anything is reported, so a half catalogue is never loaded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, cast

import fastjsonschema
import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from offline_cache.form_validation import form_problems, kiosk_channel_problems
from offline_cache.problems import RecordProblem
from offline_cache.records import Bundle

_SECTIONS = ("tenants", "categories", "life_events", "services")
_RECORD_SECTIONS = (*_SECTIONS, "forms")  # forms are optional (bundles from before forms)


class BundleError(ValueError):
    """The bundle cannot be read at all (not JSON, not an object)."""


@cache
def _schema() -> dict[str, Any]:
    schema_text = resources.files("offline_cache").joinpath("schema/catalogue.schema.json")
    return cast(dict[str, Any], json.loads(schema_text.read_text(encoding="utf-8")))


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_schema())


@cache
def _fast_check() -> Callable[[object], object]:
    """The same schema compiled to Python: ~10x faster, but it stops at the first error.

    The schema uses nothing that differs between draft 7 and 2020-12, and a test checks
    both validators agree; jsonschema then explains every error of a refused bundle.
    """
    draft7 = {**_schema(), "$schema": "http://json-schema.org/draft-07/schema#"}
    return cast(Callable[[object], object], fastjsonschema.compile(draft7, use_formats=False))


def passes_schema_quickly(data: object) -> bool:
    try:
        _fast_check()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_path() -> str:
    """Where the packaged JSON Schema lives (for the docs and `catalogue validate`)."""
    return str(resources.files("offline_cache").joinpath("schema/catalogue.schema.json"))


def parse_json(raw: bytes, source: str) -> object:
    """Decode UTF-8 JSON bytes; a clear BundleError says where it broke."""
    try:
        return cast(object, json.loads(raw.decode("utf-8")))
    except UnicodeDecodeError as exc:
        raise BundleError(f"{source}: not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise BundleError(
            f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc


def validate_bundle(data: object) -> list[RecordProblem]:
    """Every problem of `data` as a native bundle; an empty list means it is safe to load.

    Cross-references are checked even when some records break the schema, so one run
    reports every invalid record; records with schema errors are left out of that check.
    """
    if passes_schema_quickly(data):
        return list(_reference_problems(cast(Bundle, data)))
    errors = list(_schema_errors(data))
    problems = [_schema_problem(data, error) for error in errors]
    if isinstance(data, dict) and all(isinstance(data.get(s), list) for s in _SECTIONS):
        broken = {_record_key(e) for e in errors if len(e.absolute_path) > 1}
        problems += _reference_problems(_without(data, broken), known_from=data)
    return problems


def _record_key(error: ValidationError) -> tuple[str, str | int]:
    return str(error.absolute_path[0]), error.absolute_path[1]


def _without(data: Mapping[str, Any], broken: set[tuple[str, str | int]]) -> Bundle:
    """`data` with only the records that passed the schema (for the cross-reference check)."""
    clean: dict[str, Any] = dict(data)
    for section in _RECORD_SECTIONS:
        if isinstance(data.get(section), list):
            clean[section] = [r for i, r in enumerate(data[section]) if (section, i) not in broken]
        else:
            clean.pop(section, None)  # its own schema problem is already listed
    if not isinstance(clean.get("generated"), str):
        clean["generated"] = "1970-01-01T00:00:00Z"  # its own schema problem is already listed
    return cast(Bundle, clean)


def _schema_errors(data: object) -> Iterator[ValidationError]:
    for error in _validator().iter_errors(data):
        yield _branch_error(error) if error.validator == "oneOf" and error.context else error


def _branch_error(error: ValidationError) -> ValidationError:
    """For a oneOf over channel kinds, the error of the branch whose `type` matched."""
    by_branch: dict[object, list[ValidationError]] = {}
    for sub in error.context or []:
        by_branch.setdefault(sub.relative_schema_path[0], []).append(sub)
    for errors in by_branch.values():
        if not any(list(e.relative_path) == ["type"] for e in errors):
            return best_match(errors) or error
    error.message = "type must be one of: kiosk, online, in_person"
    return error


def _schema_problem(data: object, error: ValidationError) -> RecordProblem:
    path = list(error.absolute_path)
    if len(path) >= 2 and path[0] in _RECORD_SECTIONS and isinstance(path[1], int):
        record_id = _record_id(data, str(path[0]), path[1])
        return RecordProblem(record_id, _dotted(path[2:]), _message(error))
    return RecordProblem("bundle", _dotted(path), _message(error))


def _record_id(data: object, section: str, index: int) -> str:
    try:
        record_id = cast(Mapping[str, Any], data)[section][index]["id"]
    except (KeyError, IndexError, TypeError):
        record_id = None
    return record_id if isinstance(record_id, str) and record_id else f"{section}[{index}]"


def _dotted(path: Sequence[object]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_PATTERN_HINTS = {
    "^[a-z0-9][a-z0-9-]{0,79}$": "lower-case letters, digits and hyphens, at most 80",
    "^[0-9]{2}-[0-9]{3}$": "a postal code like 37-100",
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "a time like 07:30",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date like 2026-11-20",
    "\\S": "some visible text",
    "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$": "a version like 2026-11-20 or 3.1",
    "^(today([+-]P[0-9]{1,3}[DWMY])?|[0-9]{4}-[0-9]{2}-[0-9]{2})$": (
        "a date like 2026-01-01 or a relative date like today, today+P14D, today-P120Y"
    ),
}


def _message(error: ValidationError) -> str:
    if error.validator != "pattern":
        return _short(error.message)
    pattern = str(error.validator_value)
    if pattern.startswith("^https?://"):
        hint = "an http:// or https:// address"
    elif pattern.startswith("^P"):
        hint = "an ISO 8601 duration like P30D or PT0S"
    else:
        hint = _PATTERN_HINTS.get(pattern, f"text matching {pattern}")
    return _short(f"{error.instance!r} is not {hint}")


def _short(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _ids(data: Mapping[str, Any], section: str) -> set[str]:
    return {r["id"] for r in data[section] if isinstance(r, dict) and isinstance(r.get("id"), str)}


def _reference_problems(
    bundle: Bundle, known_from: Mapping[str, Any] | None = None
) -> Iterator[RecordProblem]:
    """Duplicate ids and references to records that do not exist (in `known_from`)."""
    source = cast(Mapping[str, Any], bundle) if known_from is None else known_from
    yield from _dates(bundle)
    for section in _RECORD_SECTIONS:
        records = cast(Mapping[str, list[Any]], bundle).get(section, [])
        yield from _duplicates(section, [r["id"] for r in records])
    tenants = _ids(source, "tenants")
    for form in bundle.get("forms", []):
        yield from form_problems(form, tenants)
    controllers = _form_controllers(source)
    for tenant in bundle["tenants"]:
        parent = tenant.get("parent")
        if parent is not None and (parent not in tenants or parent == tenant["id"]):
            yield RecordProblem(tenant["id"], "parent", f"unknown tenant {parent!r}")
    known = {
        "authority": tenants,
        "categories": _ids(source, "categories"),
        "life_events": _ids(source, "life_events"),
        "related": _ids(source, "services"),
    }
    for service in bundle["services"]:
        yield from _service_problems(cast(Mapping[str, Any], service), known)
        yield from kiosk_channel_problems(cast(Mapping[str, Any], service), controllers)


def _form_controllers(source: Mapping[str, Any]) -> dict[str, str | None] | None:
    """Form id -> its data controller (None if unreadable); None when there are no forms."""
    forms = source.get("forms")
    if not isinstance(forms, list):
        return None
    controllers: dict[str, str | None] = {}
    for form in forms:
        if isinstance(form, dict) and isinstance(form.get("id"), str):
            consent = form.get("consent")
            controller = consent.get("controller") if isinstance(consent, dict) else None
            controllers[form["id"]] = controller if isinstance(controller, str) else None
    return controllers


def _dates(bundle: Bundle) -> Iterator[RecordProblem]:
    try:
        generated = dt.datetime.fromisoformat(bundle["generated"].replace("Z", "+00:00"))
        if generated.tzinfo is None:
            yield RecordProblem("bundle", "generated", "needs a time zone, e.g. 2026-11-20T10:00Z")
    except ValueError:
        yield RecordProblem("bundle", "generated", "not an RFC 3339 date and time")
    for service in bundle["services"]:
        try:
            dt.date.fromisoformat(service["updated"])
        except ValueError:
            yield RecordProblem(service["id"], "updated", "not a calendar date (YYYY-MM-DD)")


def _duplicates(section: str, ids: Iterable[str]) -> Iterator[RecordProblem]:
    seen: set[str] = set()
    for record_id in ids:
        if record_id in seen:
            yield RecordProblem(record_id, "id", f"appears more than once in {section}")
        seen.add(record_id)


def _service_problems(
    service: Mapping[str, Any], known: Mapping[str, set[str]]
) -> Iterator[RecordProblem]:
    sid = service["id"]
    refs: dict[str, list[str]] = {
        "authority": [service["authority"]],
        "categories": service["categories"],
        "life_events": service.get("life_events", []),
        "related": service.get("related", []),
    }
    for field, values in refs.items():
        for value in values:
            if value not in known[field] or (field == "related" and value == sid):
                yield RecordProblem(sid, field, f"refers to unknown {field} id {value!r}")
    for i, cost in enumerate(service.get("costs", [])):
        if Decimal(str(cost["amount"])).as_tuple().exponent < -2:  # type: ignore[operator]
            yield RecordProblem(sid, f"costs[{i}].amount", "more than two decimal places")
    for c, channel in enumerate(service["channels"]):
        for h, hours in enumerate(channel.get("opening_hours", [])):
            if hours["opens"] >= hours["closes"]:
                where = f"channels[{c}].opening_hours[{h}]"
                yield RecordProblem(sid, where, "opens at or after it closes")
