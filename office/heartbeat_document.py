"""The kiosk's `infomat-heartbeat/1` body (kiosk/heartbeat.py, docs/technician-guide.md),
read after its signature was checked. A field the kiosk did not know is null, never 0.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from office.errors import IntakeRefusal, bad_request
from office.fleet_records import KioskBeat

FORMAT = "infomat-heartbeat/1"
MAX_TEXT = 200


def parse_heartbeat(body: bytes, kiosk_id: str, received_at: dt.datetime) -> KioskBeat:
    """The heartbeat of `kiosk_id` (the key's kiosk), or a refusal naming the field."""
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad_request("body: not a JSON document") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise bad_request(f"format: must be {FORMAT!r}")
    if document.get("kiosk_id") != kiosk_id:
        raise IntakeRefusal(403, "kiosk_id: not the kiosk this public key belongs to")
    outbox = document.get("outbox")
    if outbox is not None and not isinstance(outbox, dict):
        raise bad_request("outbox: must be an object of counts or null")
    outbox = outbox or {}
    return KioskBeat(
        kiosk_id=kiosk_id,
        received_at=received_at,
        sent_at=_time(document, "time"),
        version=_text(document, "version") or "?",
        uptime_s=_number(document, "uptime_s"),
        catalogue_generation=_text(document, "catalogue_generation"),
        catalogue_age_s=_number(document, "catalogue_age_s"),
        outbox_queued=_count(outbox, "queued", "outbox.queued"),
        outbox_rejected=_count(outbox, "rejected", "outbox.rejected"),
        oldest_queued_age_s=_number(document, "oldest_queued_age_s"),
        printer_state=_text(document, "printer_state"),
        body=body.decode("utf-8"),
    )


def _text(document: dict[str, Any], key: str) -> str | None:
    value = document.get(key)
    if value is not None and (not isinstance(value, str) or len(value) > MAX_TEXT):
        raise bad_request(f"{key}: must be a text of at most {MAX_TEXT} characters or null")
    return value


def _number(document: dict[str, Any], key: str) -> float | None:
    value = document.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise bad_request(f"{key}: must be a number or null")
    return float(value)


def _count(table: dict[str, Any], key: str, name: str) -> int | None:
    value = table.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise bad_request(f"{name}: must be a whole number or null")
    return value


def _time(document: dict[str, Any], key: str) -> dt.datetime:
    value = document.get(key)
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise bad_request(f"{key}: must be an ISO 8601 time with its UTC offset")
    return moment
