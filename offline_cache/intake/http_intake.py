"""Delivery to the office's HTTP intake: a JSON POST with an Idempotency-Key.

How answers are read:
- 2xx: delivered; the case number is the JSON body's `case_number`. A 2xx without one
  (or without a JSON body) still means the office has the application, so it counts as
  delivered with the submission code standing in, and the log says so.
- 408, 409 (the same key is being processed), 425, 429, 5xx, timeouts and connection
  errors: try later (Retry-After is honoured when given in seconds).
- Every other answer (other 4xx, a redirect): refused; a technician must look.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import requests

from offline_cache.intake.document import document_bytes
from offline_cache.intake.outcomes import Delivered, Outcome, Refused, TryLater
from offline_cache.outbox_records import Submission

_TRANSIENT_4XX = {408, 409, 425, 429}
_MAX_CASE_NUMBER = 200


@dataclass(frozen=True)
class HttpIntakeSettings:
    url: str
    token: str = ""
    timeout_s: float = 15.0


class HttpIntake:
    name = "http"

    def __init__(self, settings: HttpIntakeSettings, session: requests.Session) -> None:
        self._settings = settings
        self._session = session

    def deliver(self, submission: Submission) -> Outcome:
        try:
            reply = self._session.post(
                self._settings.url,
                data=document_bytes(submission),
                headers=self._headers(submission),
                timeout=self._settings.timeout_s,
                allow_redirects=False,
            )
        except requests.Timeout:
            return TryLater(f"no answer from the intake within {self._settings.timeout_s:g} s")
        except requests.RequestException as exc:
            return TryLater(f"cannot reach the intake: {type(exc).__name__}")
        with reply:
            return _outcome(reply, submission.code)

    def _headers(self, submission: Submission) -> dict[str, str]:
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "application/json",
            "Idempotency-Key": submission.code,
        }
        if self._settings.token:
            headers["Authorization"] = f"Bearer {self._settings.token}"
        return headers


def _outcome(reply: requests.Response, code: str) -> Outcome:
    status = reply.status_code
    if 200 <= status < 300:
        case_number = _case_number(reply)
        if case_number:
            return Delivered(case_number)
        return Delivered(code, note=f"HTTP {status} without a case_number; the code stands in")
    if status in _TRANSIENT_4XX or status >= 500:
        return TryLater(f"the intake answered HTTP {status}", _retry_after(reply))
    return Refused(f"the intake answered HTTP {status}: {_short_body(reply)}")


def _case_number(reply: requests.Response) -> str:
    try:
        body = json.loads(reply.content)
    except ValueError:
        return ""
    value = body.get("case_number") if isinstance(body, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return ""
    return value.strip()[:_MAX_CASE_NUMBER]


def _retry_after(reply: requests.Response) -> float | None:
    value = reply.headers.get("Retry-After", "")
    try:
        seconds = float(value)
    except ValueError:
        return None  # an HTTP date, or nothing: our own backoff decides
    return seconds if seconds >= 0 else None


def _short_body(reply: requests.Response) -> str:
    """The start of the office's explanation, on one line (it names a field, not a person)."""
    text = reply.content[:160].decode("utf-8", "replace")
    return " ".join(text.split()) or reply.reason or "no explanation"
