"""The sweeps that hold the gateway to the store, and the purge of old rows.

At start the valid sessions are handed back to the gateway; then every
`session_check_seconds` each worker ends expired and idle sessions at the gateway and
re-applies those it lost, and hourly purges ended sessions and old consents
(docs/captive-portal.md, "The store is the truth").
"""

from __future__ import annotations

import asyncio
import logging

from starlette.concurrency import run_in_threadpool

from captive_portal.gateway import Gateway, GatewayError
from captive_portal.portal import Portal
from captive_portal.sessions import SessionBook

log = logging.getLogger("captive_portal")
PURGE_EVERY_SECONDS = 3600.0


def restore(book: SessionBook, gateway: Gateway) -> None:
    """Re-apply valid sessions to the gateway after a restart; a failure is logged, not fatal."""
    try:
        count = book.restore(gateway)
    except GatewayError as exc:
        log.error("gateway %s could not re-apply sessions: %s", gateway.name, exc)
        return
    log.info("re-applied %d valid session(s) to gateway %s", count, gateway.name)


async def sweep_forever(portal: Portal) -> None:
    """Every `session_check_seconds`: end expired and idle sessions at the gateway and
    re-apply the ones it lost; purge hourly."""
    purged_at: float | None = None
    while True:
        await _end_expired(portal)
        await _hold_gateway_to_store(portal)
        now = portal.clock()
        if purged_at is None or now - purged_at >= PURGE_EVERY_SECONDS:
            purged_at = now
            await _purge(portal)
        await asyncio.sleep(portal.settings.session_check_seconds)


async def _end_expired(portal: Portal) -> None:
    try:
        ended, failed = await run_in_threadpool(portal.book.end_expired, portal.gateway)
    except Exception:
        log.exception("ending expired sessions failed; trying again later")
        return
    if ended:
        log.info("ended %d expired session(s) at gateway %s", ended, portal.gateway.name)
    if failed:
        portal.metrics.gateway_failed(failed)
        log.warning("gateway %s could not end %d expired session(s); retrying",
                    portal.gateway.name, failed)  # fmt: skip


async def _hold_gateway_to_store(portal: Portal) -> None:
    """End sessions idle for `idle_timeout_seconds`, take off the gateway clients whose
    session ended elsewhere; re-apply those the gateway lost."""
    try:
        idle, unrecorded, restored = await run_in_threadpool(_reconcile, portal)
    except GatewayError as exc:
        portal.metrics.gateway_failed()
        log.warning("gateway %s could not be checked against the sessions: %s",
                    portal.gateway.name, exc)  # fmt: skip
        return
    except Exception:
        log.exception("checking the gateway against the sessions failed; trying again later")
        return
    if idle:
        log.info("ended %d idle session(s) at gateway %s", idle, portal.gateway.name)
    if unrecorded:
        log.info("took %d client(s) whose session had ended elsewhere off gateway %s",
                 unrecorded, portal.gateway.name)  # fmt: skip
    if restored:
        log.warning("gateway %s had lost %d valid session(s); re-applied them",
                    portal.gateway.name, restored)  # fmt: skip


def _reconcile(portal: Portal) -> tuple[int, int, int]:
    listed = portal.gateway.clients()
    limit = portal.settings.idle_timeout_seconds
    book, gateway = portal.book, portal.gateway
    idle = book.end_idle(listed, gateway, limit) if limit else 0
    return idle, book.end_unrecorded(listed, gateway), book.restore_lost(listed, gateway)


async def _purge(portal: Portal) -> None:
    try:
        sessions, consents = await run_in_threadpool(
            portal.book.purge, portal.settings.consent_retention_days
        )
    except Exception:
        log.exception("purging the portal store failed; trying again in an hour")
        return
    if sessions or consents:
        log.info("purged %d old session(s), %d old consent(s)", sessions, consents)
