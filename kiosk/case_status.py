"""Where a resident's application stands: asked of the office's status API, and what this
kiosk's own outbox knows when the office cannot say (docs/status-api.md).

Runs off the UI thread (it may wait for the network); never raises for what the network or
the office does: an unreachable, slow or confused office is an answer too ("ask later").
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import requests

    from offline_cache.outbox import Outbox

log = logging.getLogger(__name__)

OFFICE_STATES = ("received", "in_progress", "needs_more", "ready", "closed")
FORMAT = "infomat-status/1"
MAX_REPLY_BYTES = 64 * 1024
MAX_TEXT = 1000
Found = Literal["office", "kiosk", "nowhere"]
OfficeAnswer = Literal["answered", "not_found", "unreachable", "not_asked"]


@dataclass(frozen=True)
class CaseStatus:
    code: str
    found: Found  # who knows the application: the office, only this kiosk, or nobody
    office: OfficeAnswer  # how asking the office went
    state: str = ""  # an office state (OFFICE_STATES) or the outbox's: queued/delivered/rejected
    case_number: str = ""
    filed_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    expected_by: dt.date | None = None
    service: str = ""
    office_name: str = ""
    office_phone: str = ""
    message: str = ""  # the clerk's message to the resident


class UnreadableReply(ValueError):
    """The office answered 200 with something that is not a status document."""


class CaseStatusLookup:
    def __init__(
        self,
        api_url: str,
        timeout_s: float,
        outbox: Callable[[], Outbox],
        http: Callable[[], requests.Session],
    ) -> None:
        self._api_url = api_url
        self._timeout_s = timeout_s
        self._outbox = outbox
        self._http = http

    def look_up(self, code: str) -> CaseStatus:
        """`code` compact and valid (kiosk/code_entry.py has checked it)."""
        office = self._ask_office(code) if self._api_url else "not_asked"
        if isinstance(office, CaseStatus):
            return office
        return self._ask_outbox(code, office)

    def _ask_office(self, code: str) -> CaseStatus | OfficeAnswer:
        import requests  # noqa: PLC0415 - only when someone asks
        import urllib3  # noqa: PLC0415

        try:
            with self._http().get(
                self._api_url + code,
                timeout=self._timeout_s,
                headers={"Accept": "application/json"},
                stream=True,
                allow_redirects=False,
            ) as reply:
                if reply.status_code == 404:
                    return "not_found"
                if reply.status_code != 200:
                    log.warning("status of %s: the office answered %d", code, reply.status_code)
                    return "unreachable"
                body = reply.raw.read(MAX_REPLY_BYTES + 1, decode_content=True)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            reason = type(exc).__name__
            log.warning("status of %s: the office could not be asked (%s)", code, reason)
            return "unreachable"
        try:
            return parse_reply(body, code)
        except UnreadableReply as exc:
            log.warning("status of %s: the office's answer is unreadable: %s", code, exc)
            return "unreachable"

    def _ask_outbox(self, code: str, office: OfficeAnswer) -> CaseStatus:
        try:
            filed = self._outbox().get(code)
        except Exception as exc:  # a damaged outbox must not hide the office's answer
            log.warning("status of %s: the outbox could not be read (%s)", code, exc)
            filed = None
        if filed is None:
            return CaseStatus(code, "nowhere", office)
        return CaseStatus(
            code,
            "kiosk",
            office,
            state=filed.state,
            case_number=filed.case_number if filed.state == "delivered" else "",
            filed_at=filed.filed_at,
            updated_at=filed.delivered_at,
            service=filed.service_name,
            office_name=filed.office_name,
        )


def parse_reply(body: bytes, code: str) -> CaseStatus:
    """The office's status document, checked field by field (docs/status-api.md)."""
    if len(body) > MAX_REPLY_BYTES:
        raise UnreadableReply(f"larger than {MAX_REPLY_BYTES} bytes")
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableReply(f"not JSON ({exc})") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UnreadableReply(f"'format' is not {FORMAT}")
    if document.get("code") != code:
        raise UnreadableReply("'code' is not the code asked for")
    state = document.get("state")
    if state not in OFFICE_STATES:
        raise UnreadableReply(f"'state' is not one of {', '.join(OFFICE_STATES)}")
    office = document.get("office") or {}
    if not isinstance(office, dict):
        raise UnreadableReply("'office' is not an object")
    return CaseStatus(
        code,
        "office",
        "answered",
        state=state,
        case_number=_text(document, "case_number"),
        filed_at=_moment(document, "filed_at"),
        updated_at=_moment(document, "updated_at"),
        expected_by=_day(document, "expected_by"),
        service=_text(document, "service"),
        office_name=_text(office, "name"),
        office_phone=_text(office, "phone"),
        message=_text(document, "message"),
    )


def _text(document: dict[str, Any], key: str) -> str:
    value = document.get(key) or ""
    if not isinstance(value, str):
        raise UnreadableReply(f"'{key}' is not text")
    return " ".join(value.split())[:MAX_TEXT]


def _moment(document: dict[str, Any], key: str) -> dt.datetime | None:
    value = _text(document, key)
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise UnreadableReply(f"'{key}' is not an ISO 8601 time") from exc
    if moment.tzinfo is None:
        raise UnreadableReply(f"'{key}' has no time zone")
    return moment


def _day(document: dict[str, Any], key: str) -> dt.date | None:
    value = _text(document, key)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UnreadableReply(f"'{key}' is not a date (YYYY-MM-DD)") from exc
