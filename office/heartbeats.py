"""`POST /heartbeat`: the kiosks' signed status (kiosk/heartbeat.py), kept per kiosk.

The Ed25519 signature in `X-Infomat-Signature` must cover the exact body bytes under the
key in `X-Infomat-Public-Key` before anything is parsed (401 otherwise), and the key must
be a registered kiosk's (`office kiosk key`, 403 otherwise). A revoked kiosk's key gets
the same 403; the key is looked up at every heartbeat, so a revocation holds on every
instance at once. A heartbeat whose time is further than `heartbeat_max_skew_s` from the
office's clock is refused (400): a replayed old one must not make a dead kiosk look
alive, and a kiosk with a wrong clock needs a technician anyway. 204 when kept.
"""

from __future__ import annotations

import base64
import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from office.errors import IntakeRefusal, bad_request
from office.heartbeat_document import parse_heartbeat
from office.intake import Clock
from office.metrics import OfficeMetrics
from office.settings import OfficeSettings
from office.store import CaseStore, Kiosk, StoreError
from offline_cache.signing import SignatureError, load_public_key, verify

log = logging.getLogger("office.heartbeats")
SIGNATURE_HEADER = "x-infomat-signature"
PUBLIC_KEY_HEADER = "x-infomat-public-key"
MAX_BODY = 64 * 1024


def canonical_key(text: str) -> str:
    """The base64 of the raw 32-byte key (raises SignatureError for anything else)."""
    try:
        raw = load_public_key(text).public_bytes_raw()
    except SignatureError:
        raise
    except ValueError:  # b64decode refuses non-ASCII text with a bare ValueError
        raise SignatureError("public key is not base64 text") from None
    return base64.b64encode(raw).decode("ascii")


class HeartbeatDesk:
    def __init__(
        self, settings: OfficeSettings, store: CaseStore, clock: Clock, metrics: OfficeMetrics
    ) -> None:
        self._settings = settings
        self._store = store
        self._clock = clock
        self._metrics = metrics

    async def receive(self, request: Request) -> Response:
        try:
            kiosk_id = await self._receive(request)
        except IntakeRefusal as refusal:
            self._metrics.heartbeat_answered(refusal.status)
            log.warning("heartbeat refused with HTTP %d: %s", refusal.status, refusal.reason)
            raise
        self._metrics.heartbeat_answered(204)
        log.debug("heartbeat from kiosk %s kept", kiosk_id)
        return Response(status_code=204)

    async def _receive(self, request: Request) -> str:
        key = request.headers.get(PUBLIC_KEY_HEADER, "")
        signature = request.headers.get(SIGNATURE_HEADER, "")
        if not key or not signature:
            raise _unsigned(
                "X-Infomat-Signature, X-Infomat-Public-Key: a signed heartbeat is needed"
            )
        body = await _body(request)
        try:
            key = canonical_key(key)
            verify(body, signature.encode("ascii", "replace"), key)
        except SignatureError:
            raise _unsigned("X-Infomat-Signature: does not sign this body with this key") from None
        kiosk = await run_in_threadpool(self._kiosk, key)
        now = self._clock()
        beat = parse_heartbeat(body, kiosk.kiosk_id, now)
        skew = abs((beat.sent_at - now).total_seconds())
        if skew > self._settings.heartbeat_max_skew_s:
            raise bad_request(
                f"time: {skew:.0f} s from the office's clock (at most "
                f"{self._settings.heartbeat_max_skew_s} s); check the kiosk's clock"
            )
        try:
            await run_in_threadpool(self._store.record_heartbeat, beat)
        except StoreError as exc:
            raise _unavailable(exc) from None
        return kiosk.kiosk_id

    def _kiosk(self, key: str) -> Kiosk:
        try:
            kiosk = self._store.kiosk_by_public_key(key)
        except StoreError as exc:
            raise _unavailable(exc) from None
        if kiosk is None or kiosk.revoked_at is not None:  # revoked: as if unknown
            raise IntakeRefusal(403, "X-Infomat-Public-Key: not a registered kiosk's key")
        return kiosk


async def _body(request: Request) -> bytes:
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise IntakeRefusal(413, f"body: larger than {MAX_BODY // 1024} KiB")
    return bytes(body)


def _unsigned(reason: str) -> IntakeRefusal:
    return IntakeRefusal(401, reason, {"WWW-Authenticate": 'Signature realm="heartbeat"'})


def _unavailable(exc: StoreError) -> IntakeRefusal:
    log.error("heartbeat: the register is unavailable: %s", exc)
    return IntakeRefusal(503, "the register is unavailable; try later", {"Retry-After": "30"})
