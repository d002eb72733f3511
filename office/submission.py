"""The `infomat-submission/1` document (docs/outbox.md) checked where it enters.

Every refusal names the field and what is wrong with it, never its value: the kiosk keeps
the reason and logs it, and the value may be the resident's personal data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from office.errors import bad_request
from offline_cache.submission_code import ALPHABET, LENGTH, is_valid

DOCUMENT_FORMAT = "infomat-submission/1"
MAX_TEXT = 500  # ids, names and versions
MAX_ANSWER = 20_000
MAX_FIELDS = 200


@dataclass(frozen=True)
class Submission:
    """What the office needs of a document to register it; `canonical` is the whole."""

    code: str
    filed_at: dt.datetime
    kiosk_id: str
    tenant_id: str
    service_id: str
    form_id: str
    form_version: str
    canonical: str

    @property
    def body_sha256(self) -> str:
        return hashlib.sha256(self.canonical.encode("utf-8")).hexdigest()


def parse_submission(body: bytes) -> Submission:
    """The checked submission, or IntakeRefusal(400) naming the first wrong field."""
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: [[[[...
        raise bad_request("body: not a JSON document") from None
    if not isinstance(document, dict):
        raise bad_request("body: must be a JSON object")
    if document.get("format") != DOCUMENT_FORMAT:
        raise bad_request(f"format: must be {DOCUMENT_FORMAT!r}")
    office = _table(document, "office")
    service = _table(document, "service")
    form = _table(document, "form")
    for where, table, keys in (("office", office, ("tenant_id", "name")),
                               ("service", service, ("id", "name")),
                               ("form", form, ("id", "version"))):  # fmt: skip
        for key in keys:
            _text(table, key, f"{where}.{key}")
    for key in ("kiosk_id", "language", "consent_version"):
        _text(document, key, key)
    _answers(document, "answers", required=True)
    _answers(document, "answer_labels", required=False)
    return Submission(
        code=_code(document),
        filed_at=_filed_at(document),
        kiosk_id=document["kiosk_id"],
        tenant_id=office["tenant_id"],
        service_id=service["id"],
        form_id=form["id"],
        form_version=form["version"],
        canonical=canonical_json(document),
    )


def canonical_json(document: Mapping[str, Any]) -> str:
    """One spelling of a document, so a resend compares equal whatever its whitespace."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _table(document: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key)
    if not isinstance(value, dict):
        raise bad_request(f"{key}: must be an object")
    return value


def _text(table: Mapping[str, Any], key: str, name: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise bad_request(f"{name}: must be a non-empty text")
    if len(value) > MAX_TEXT:
        raise bad_request(f"{name}: longer than {MAX_TEXT} characters")
    return value


def _code(document: Mapping[str, Any]) -> str:
    code = document.get("code")
    if not isinstance(code, str) or len(code) != LENGTH or set(code) - set(ALPHABET):
        raise bad_request(f"code: must be {LENGTH} characters of {ALPHABET}, e.g. K7P4MX9RCA")
    if not is_valid(code):
        raise bad_request("code: the check character does not match")
    return code


def _filed_at(document: Mapping[str, Any]) -> dt.datetime:
    value = document.get("filed_at")
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise bad_request("filed_at: must be an ISO 8601 time with its UTC offset")
    return moment


def _answers(document: Mapping[str, Any], key: str, *, required: bool) -> None:
    value = document.get(key)
    if value is None and not required:
        return
    if not isinstance(value, dict) or len(value) > MAX_FIELDS:
        raise bad_request(f"{key}: must be an object of at most {MAX_FIELDS} fields")
    for field_id, answer in value.items():
        if len(field_id) > MAX_TEXT:
            raise bad_request(f"{key}: a field id is longer than {MAX_TEXT} characters")
        if not isinstance(answer, str):
            raise bad_request(f"{key}.{field_id}: must be a text")
        if len(answer) > MAX_ANSWER:
            raise bad_request(f"{key}.{field_id}: longer than {MAX_ANSWER} characters")
