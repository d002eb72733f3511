"""'Umów wizytę' and 'Pobierz numerek': the kiosk asks the office's visits API over HTTP.

The contract is docs/visits-api.md. Every answer is read within `MAX_REPLY_BYTES` and checked
before the screen shows it. When the office cannot be asked (network, timeout, 5xx), the
caller gets `VisitsUnavailable` at once and says so with the office's phone: nothing is
half-booked, because a booking exists only when the office has answered 201/200 with its
code, and a resend of the same request (its Idempotency-Key) gives the same booking.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.receipts import DAYS, OfficeHours

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)
MAX_REPLY_BYTES = 1_000_000
DAYS_AHEAD = 14
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


@dataclass(frozen=True)
class VisitService:
    id: str
    name: str
    slot_min: int


@dataclass(frozen=True)
class Slot:
    starts_at: str  # as the office gave it: the booking names it back
    day: str  # YYYY-MM-DD
    time: str  # HH:MM
    desk: str


@dataclass(frozen=True)
class Office:
    name: str
    phone: str
    hours: tuple[OfficeHours, ...] = ()  # of visits, as the office's calendar has them


@dataclass(frozen=True)
class Booking:
    code: str
    office: Office
    service: str
    day: str
    time: str
    desk: str
    page_url: str = ""  # the office's page of this visit (check or cancel), for the QR
    service_id: str = ""  # the catalogue's id: its card says what to bring

    @property
    def shown_code(self) -> str:
        """As printed and shown: K7P4M-X9RCA, like a submission code."""
        from offline_cache.submission_code import display  # noqa: PLC0415

        return display(self.code)


@dataclass(frozen=True)
class Ticket:
    number: str
    office: Office
    service: str
    ahead: int
    wait_min: int


class VisitsUnavailable(Exception):
    """The office could not be asked, or answered what the kiosk cannot use."""


class SlotTaken(Exception):
    """Someone booked that slot first: show the free ones again."""


class OfficeClosed(Exception):
    """No walk-in tickets now (a holiday, a day off, after closing time)."""


class VisitsClient:
    def __init__(
        self,
        api_url: str,
        office: str,
        token: str,
        timeout_s: float,
        http: Callable[[], requests.Session],
    ) -> None:
        self._base = f"{api_url.rstrip('/')}/{office}"
        self._page_base = _page_base(api_url, office)
        self._token = token
        self._timeout_s = timeout_s
        self._http = http

    def services(self) -> tuple[Office, list[VisitService]]:
        answer = self._call("GET", "/services")
        services = [
            VisitService(_text(s, "id"), _text(s, "name"), _number(s, "slot_min"))
            for s in _list(answer, "services")
        ]
        return _office(answer), services

    def slots(self, service_id: str, days: int = DAYS_AHEAD) -> list[Slot]:
        answer = self._call("GET", f"/{service_id}/slots?days={days}")
        return [
            Slot(_text(s, "starts_at"), _text(s, "day"), _text(s, "time"), _text(s, "desk"))
            for s in _list(answer, "slots")
        ]

    def book(self, service_id: str, slot: Slot, language: str, consent_version: str) -> Booking:
        body = {
            "service_id": service_id, "starts_at": slot.starts_at, "desk": slot.desk,
            "language": language, "consent_version": consent_version,
        }  # fmt: skip
        answer = self._call("POST", "/bookings", body, taken=SlotTaken)
        code, service = _text(answer, "code"), _dict(answer, "service")
        return Booking(
            code, _office(answer), _text(service, "name"),
            _text(answer, "day"), _text(answer, "time"), _text(answer, "desk"),
            self._page_base + code if self._page_base else "", _text(service, "id"),
        )  # fmt: skip

    def ticket(self, service_id: str) -> Ticket:
        answer = self._call("POST", "/tickets", {"service_id": service_id}, taken=OfficeClosed)
        return Ticket(
            _text(answer, "number"), _office(answer), _text(_dict(answer, "service"), "name"),
            _number(answer, "ahead"), _number(answer, "wait_min"),
        )  # fmt: skip

    def _call(
        self,
        method: str,
        path: str,
        body: dict[str, str] | None = None,
        taken: type[Exception] = VisitsUnavailable,
    ) -> dict[str, Any]:
        """The JSON answer; `taken` for a 409; VisitsUnavailable for anything else."""
        import requests  # noqa: PLC0415 - only when a resident asks
        import urllib3  # noqa: PLC0415

        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        if body is not None:  # one key per request: a resend after a lost answer is the same
            headers["Idempotency-Key"] = uuid.uuid4().hex
        try:
            try:
                return self._once(method, path, body, headers, taken)
            except requests.ConnectionError:
                if body is None:
                    raise
                # The answer was lost: the same key again gives the same booking, never two.
                return self._once(method, path, body, headers, taken)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            log.warning("visits %s %s: the office could not be asked (%s)",
                        method, path.split("?", maxsplit=1)[0], type(exc).__name__)  # fmt: skip
            raise VisitsUnavailable(type(exc).__name__) from None

    def _once(
        self,
        method: str,
        path: str,
        body: dict[str, str] | None,
        headers: dict[str, str],
        taken: type[Exception],
    ) -> dict[str, Any]:
        with self._http().request(
            method, self._base + path, json=body, headers=headers, timeout=self._timeout_s,
            stream=True, allow_redirects=False,
        ) as reply:  # fmt: skip
            raw = reply.raw.read(MAX_REPLY_BYTES + 1, decode_content=True)
            status = reply.status_code
        if status == 409:
            raise taken(_error(raw))
        if status not in (200, 201):
            log.warning("visits %s %s: the office answered %d (%s)",
                        method, path.split("?", maxsplit=1)[0], status, _error(raw))  # fmt: skip
            raise VisitsUnavailable(f"HTTP {status}")
        if len(raw) > MAX_REPLY_BYTES:
            raise VisitsUnavailable("the answer is too large")
        try:
            document = json.loads(raw)
        except ValueError:
            raise VisitsUnavailable("the answer is not JSON") from None
        if not isinstance(document, dict):
            raise VisitsUnavailable("the answer is not a JSON object")
        return document


def _page_base(api_url: str, office: str) -> str:
    """The office's visit pages (`/v/<office>/<CODE>`) beside its API (`/api/visits/`)."""
    marker = "/api/visits"
    start = api_url.rstrip("/")
    if not start.endswith(marker):
        return ""
    return f"{start[: -len(marker)]}/v/{office}/"


def _error(raw: bytes) -> str:
    """The office's reason (it names a field, never a resident's value)."""
    try:
        found = json.loads(raw[:2000]).get("error", "")
    except (ValueError, AttributeError):
        return ""
    return found[:200] if isinstance(found, str) else ""


def _dict(document: dict[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key)
    if not isinstance(value, dict):
        raise VisitsUnavailable(f"{key}: missing from the office's answer")
    return value


def _list(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = document.get(key)
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise VisitsUnavailable(f"{key}: missing from the office's answer")
    return value


def _text(document: dict[str, Any], key: str) -> str:
    value = document.get(key)
    if not isinstance(value, str) or not value or len(value) > 200:
        raise VisitsUnavailable(f"{key}: missing from the office's answer")
    return value


def _number(document: dict[str, Any], key: str) -> int:
    value = document.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100_000:
        raise VisitsUnavailable(f"{key}: missing from the office's answer")
    return value


def _office(document: dict[str, Any]) -> Office:
    office = _dict(document, "office")
    phone = office.get("phone", "")
    return Office(_text(office, "name"), phone if isinstance(phone, str) else "", _hours(document))


def _hours(document: dict[str, Any]) -> tuple[OfficeHours, ...]:
    """The visits' hours the office gives with its services (none in other answers, or
    when they are not as docs/visits-api.md says: the screen then shows none)."""
    hours = document.get("hours")
    if not isinstance(hours, list):
        return ()
    found = []
    for entry in hours[:7]:
        days = entry.get("days") if isinstance(entry, dict) else None
        if not isinstance(days, list) or not days or not set(days) <= set(DAYS):
            return ()
        opens, closes = entry.get("opens"), entry.get("closes")
        if not all(isinstance(t, str) and _TIME.fullmatch(t) for t in (opens, closes)):
            return ()
        found.append(OfficeHours(tuple(days), str(opens), str(closes)))
    return tuple(found)
