"""`GET /api/status/<CODE>`: the `infomat-status/1` document the kiosk asks for
(docs/status-api.md), built from the status record alone, so no personal data can leak.

200 with the document, 404 for a code the office does not have, 400 naming what is wrong
with the code, 429 with Retry-After when the client missed too often, 503 when the
register cannot answer. Documents of found cases are kept in this process until their
case changes (status_cache.py), which a clerk may do at any moment; no client keeps one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from office.due_dates import expected_by
from office.settings import Office, OfficeSettings
from office.status_cache import KeptAnswer
from office.status_desk import StatusAnswer, StatusDesk
from office.status_records import CaseStatusRecord
from office.status_throttle import client_key

FORMAT = "infomat-status/1"
API = "api"  # the cache's variant for this document (the page's are languages)
JSON = "application/json"
NO_STORE = {"Cache-Control": "no-store"}
_PROBLEMS = {
    "unknown": (404, "code: no case with this code at the office (yet)"),
    "malformed": (400, "code: must be 10 characters of 23456789ACEFHJKMPRTWXYZ"),
    "mismatch": (400, "code: the check character does not match"),
    "throttled": (429, "too many unknown or mistyped codes from this client; wait"),
    "unavailable": (503, "the case register is unavailable; try later"),
}


class StatusApi:
    def __init__(self, settings: OfficeSettings, desk: StatusDesk) -> None:
        self._settings = settings
        self._desk = desk

    async def answer(self, request: Request) -> Response:
        """The document from the register (a kept one went before the routes)."""
        typed = request.path_params["code"]
        client = client_key(request.client.host if request.client else "")
        version = self._desk.cache_version()
        answer = await run_in_threadpool(self._desk.look_up, typed, client)
        if answer.record is None:
            return problem(answer)
        found = JSONResponse(self.document(answer.record), headers=NO_STORE)
        self._desk.keep(answer, API, KeptAnswer.whole(bytes(found.body)), version)
        return found

    def kept(self, request: Request, typed: str) -> Response | None:
        """The kept document of a found case, if this client may have it now."""
        client = client_key(request.client.host if request.client else "")
        kept = self._desk.kept(typed, client, API)
        return None if kept is None else Response(kept.body(), headers=NO_STORE, media_type=JSON)

    def document(self, record: CaseStatusRecord) -> dict[str, Any]:
        office = self._settings.office(record.tenant_id)
        return {
            "format": FORMAT,
            "code": record.code,
            "case_number": record.case_number,
            "state": record.state,
            "filed_at": record.filed_at.isoformat(),
            "updated_at": record.updated_at.isoformat(),
            "expected_by": _iso(
                expected_by(record.state, record.received_at, (office or Office()).processing_days)
            ),
            "service": record.service_name or record.service_id,
            "office": {
                "name": office.name if office else "",
                "phone": office.phone if office else "",
            },
            "message": record.message,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def problem(answer: StatusAnswer) -> JSONResponse:
    status, reason = _PROBLEMS[answer.outcome]
    headers = dict(NO_STORE)
    if answer.retry_after_s:
        headers["Retry-After"] = str(answer.retry_after_s)
    return JSONResponse({"error": reason}, status, headers)
