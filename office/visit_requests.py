"""Bodies and queries of the kiosks' visit API, checked where they enter.

Each refusal is a 400 naming the field and what is wrong, never its value (a name, a
phone or an e-mail is a resident's personal data).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from office.errors import IntakeRefusal, bad_request
from office.settings_checks import PHONE
from office.settings_mail import ADDRESS
from office.visit_calendar import MAX_DAYS

LANGUAGES = ("pl", "en", "uk", "de")
MAX_NAME = 100
MAX_CONSENT = 64
_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_BODY = 8 * 1024


@dataclass(frozen=True)
class BookingRequest:
    service_id: str
    starts_at: dt.datetime  # UTC
    desk: str
    name: str
    contact: str
    language: str
    consent_version: str
    sha256: str


def idempotency_key(headers: Any) -> str:
    key = str(headers.get("idempotency-key", ""))
    if not _KEY.fullmatch(key):
        raise bad_request("Idempotency-Key: needed, 1 to 64 letters, digits, '-' or '_'")
    return key


async def read_body(request: Request) -> bytes:
    """The body, read no further than MAX_BODY (413 past it)."""
    too_large = IntakeRefusal(413, f"body: larger than {MAX_BODY // 1024} KiB")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise too_large
    return bytes(body)


def json_object(body: bytes) -> dict[str, Any]:
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad_request("body: not a JSON document") from None
    if not isinstance(document, dict):
        raise bad_request("body: must be a JSON object")
    return document


def text(document: dict[str, Any], key: str, *, most: int, needed: bool = False) -> str:
    value = document.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str) or len(value) > most:
        raise bad_request(f"{key}: must be text of at most {most} characters")
    if needed and not value.strip():
        raise bad_request(f"{key}: needed")
    return value.strip()


def parse_booking(body: bytes) -> BookingRequest:
    document = json_object(body)
    service_id = text(document, "service_id", most=100, needed=True)
    starts_at = moment(text(document, "starts_at", most=40, needed=True), "starts_at")
    phone = text(document, "phone", most=40)
    email = text(document, "email", most=254)
    if phone and not PHONE.fullmatch(phone):
        raise bad_request("phone: must be a phone number: digits, spaces, + - ( )")
    if email and not ADDRESS.fullmatch(email):
        raise bad_request("email: must be one e-mail address")
    if phone and email:
        raise bad_request("phone: give a phone or an e-mail for the reminder, not both")
    language = text(document, "language", most=5) or "pl"
    if language not in LANGUAGES:
        raise bad_request("language: must be one of " + ", ".join(LANGUAGES))
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return BookingRequest(
        service_id=service_id, starts_at=starts_at, desk=text(document, "desk", most=40),
        name=text(document, "name", most=MAX_NAME), contact=phone or email, language=language,
        consent_version=text(document, "consent_version", most=MAX_CONSENT, needed=True),
        sha256=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
    )  # fmt: skip


def moment(value: str, field: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise bad_request(f"{field}: must be a time such as 2026-12-07T09:30:00+01:00") from None
    if parsed.tzinfo is None:
        raise bad_request(f"{field}: must carry its UTC offset (+01:00)")
    return parsed.astimezone(dt.UTC)


def slot_query(query: Any, today: dt.date) -> tuple[dt.date, int]:
    """`from` (a date, default today) and `days` (1 to MAX_DAYS, default 14)."""
    first_text = str(query.get("from", "") or today.isoformat())
    try:
        first = dt.date.fromisoformat(first_text)
    except ValueError:
        raise bad_request("from: must be a date such as 2026-12-07") from None
    days_text = str(query.get("days", "14"))
    if not days_text.isdigit() or not 1 <= int(days_text) <= MAX_DAYS:
        raise bad_request(f"days: must be a whole number from 1 to {MAX_DAYS}")
    return max(first, today), int(days_text)
