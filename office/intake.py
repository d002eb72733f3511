"""`POST /intake`: applications from the kiosks become cases (the contract in docs/outbox.md).

Checks in order: the kiosk's token (401), the body's size (413), the document (400, the
field named), the Idempotency-Key (400), the kiosk's right to file for the office (403);
then the case is filed once per code: 201 with its number, 200 with the same number for a
resend, 422 when the code already stands for a different application, 503 when the store
is unavailable (the kiosk tries later). Logs carry the code, kiosk and office only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from office.errors import IntakeRefusal, bad_request
from office.kiosk_tokens import bearer_token, token_hash
from office.settings import OfficeSettings
from office.store import CaseStore, Filing, KeyReused, Kiosk, NewCase, StoreError
from office.submission import Submission, parse_submission

log = logging.getLogger("office.intake")
RETRY_AFTER_S = "30"
Clock = Callable[[], dt.datetime]


class Intake:
    def __init__(self, settings: OfficeSettings, store: CaseStore, clock: Clock) -> None:
        self._settings = settings
        self._store = store
        self._clock = clock
        self._max_body = settings.max_body_kib * 1024

    async def receive(self, request: Request) -> JSONResponse:
        known = {"kiosk": "-", "code": "-"}
        try:
            return await self._receive(request, known)
        except IntakeRefusal as refusal:
            log.warning(
                "intake refused with HTTP %d (kiosk %s, code %s): %s",
                refusal.status, known["kiosk"], known["code"], refusal.reason,
            )  # fmt: skip
            raise

    async def _receive(self, request: Request, known: dict[str, str]) -> JSONResponse:
        kiosk = await run_in_threadpool(self._kiosk, request)
        known["kiosk"] = kiosk.kiosk_id
        submission = parse_submission(await self._body(request))
        known["code"] = submission.code
        key = request.headers.get("idempotency-key", "")
        if key != submission.code:
            raise bad_request("Idempotency-Key: must be the document's code")
        prefix = self._office_prefix(kiosk, submission)
        filing = await run_in_threadpool(self._file, submission, prefix)
        action = "filed" if filing.created else "already filed"
        log.info(
            "intake %s: %s as %s for %s from kiosk %s",
            submission.code, action, filing.case_number, submission.tenant_id, kiosk.kiosk_id,
        )  # fmt: skip
        return JSONResponse(
            {"case_number": filing.case_number}, status_code=201 if filing.created else 200
        )

    def _kiosk(self, request: Request) -> Kiosk:
        token = bearer_token(request.headers.get("authorization", ""))
        try:
            kiosk = self._store.kiosk_by_token(token_hash(token)) if token else None
        except StoreError as exc:
            raise _unavailable(exc) from None
        if kiosk is None:
            raise IntakeRefusal(
                401, "Authorization: a registered kiosk's bearer token is needed",
                {"WWW-Authenticate": "Bearer"},
            )  # fmt: skip
        return kiosk

    async def _body(self, request: Request) -> bytes:
        too_large = IntakeRefusal(413, f"body: larger than {self._settings.max_body_kib} KiB")
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._max_body:
            raise too_large
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > self._max_body:
                raise too_large
        return bytes(body)

    def _office_prefix(self, kiosk: Kiosk, submission: Submission) -> str:
        if submission.kiosk_id != kiosk.kiosk_id:
            raise IntakeRefusal(403, "kiosk_id: not the kiosk this token belongs to")
        office = self._settings.office(submission.tenant_id)
        if office is None or submission.tenant_id not in kiosk.offices:
            raise IntakeRefusal(403, "office.tenant_id: this kiosk does not file for that office")
        return office.prefix

    def _file(self, submission: Submission, prefix: str) -> Filing:
        new = NewCase(
            code=submission.code,
            body_sha256=submission.body_sha256,
            tenant_id=submission.tenant_id,
            prefix=prefix,
            kiosk_id=submission.kiosk_id,
            service_id=submission.service_id,
            form_id=submission.form_id,
            form_version=submission.form_version,
            filed_at=submission.filed_at,
            document=submission.canonical,
        )
        try:
            return self._store.file_case(new, self._clock())
        except KeyReused:
            raise IntakeRefusal(
                422, "Idempotency-Key: this code was already used for a different application"
            ) from None
        except StoreError as exc:
            raise _unavailable(exc) from None


def _unavailable(exc: StoreError) -> IntakeRefusal:
    log.error("intake: the case register is unavailable: %s", exc)
    return IntakeRefusal(
        503, "the case register is unavailable; try later", {"Retry-After": RETRY_AFTER_S}
    )
