"""The technicians' admin API behind a bearer token (health and metrics: management.py)."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections import Counter

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from captive_portal.errors import PortalError
from captive_portal.gateway_routes import AT_ROUTER_AFTER_LOGOUT
from captive_portal.portal import Portal
from captive_portal.store import GatewayRecord

log = logging.getLogger("captive_portal")
DAY_SECONDS = 86400
MAX_GATEWAY_ID_CHARS = 64


class AdminApi:
    def __init__(self, portal: Portal) -> None:
        self._portal = portal
        self._token = portal.settings.admin_token.encode()

    def routes(self) -> list[Route]:
        return [
            Route("/admin/clients", self.clients, methods=["GET"]),
            Route("/admin/clients/{ip}/deauthorise", self.deauthorise, methods=["POST"]),
            Route("/admin/stats", self.stats, methods=["GET"]),
        ]

    def _check_token(self, request: Request) -> None:
        if not self._token:
            raise PortalError(404, "not_found")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), self._token
        ):
            raise PortalError(401, "not_allowed", {"WWW-Authenticate": 'Bearer realm="portal"'})

    async def clients(self, request: Request) -> Response:
        """Valid sessions, each with its gateway and whether it is this portal's own, counts
        per gateway (a store may be shared by several routers), and the clients this
        portal's gateway lets through (MACs hashed). `?gateway=ID`: that gateway's only."""
        self._check_token(request)
        wanted = request.query_params.get("gateway")
        if wanted is not None and len(wanted) > MAX_GATEWAY_ID_CHARS:
            raise PortalError(400, "gateway_input")
        portal = self._portal
        listed = await run_in_threadpool(portal.book.valid_by_gateway, portal.gateway)
        now = portal.clock()
        sessions = [
            {"ip": s.ip, "gateway_id": s.gateway_id, "own": own, "mac_hash": s.mac_hash,
             "seconds_remaining": int(s.expires_at - now)}
            for s, own in listed
            if wanted is None or s.gateway_id == wanted
        ]  # fmt: skip
        per_gateway = Counter(s.gateway_id for s, _ in listed)
        through = await run_in_threadpool(portal.gateway.clients)
        gateway = [
            {"ip": c.ip, "mac_hash": portal.keys.mac_hash(c.mac),
             "seconds_remaining": c.seconds_remaining}
            for c in through
        ]  # fmt: skip
        return JSONResponse({
            "own_gateway": portal.gateway.gateway_id, "sessions": sessions,
            "sessions_per_gateway": dict(sorted(per_gateway.items())), "gateway": gateway,
        })  # fmt: skip

    async def deauthorise(self, request: Request) -> Response:
        self._check_token(request)
        try:
            ip = str(ipaddress.ip_address(request.path_params["ip"]))
        except ValueError as exc:
            raise PortalError(400, "gateway_input") from exc
        # Without ?gateway=: the local gateway's session (nftables, dry run: routers sharing
        # the store keep theirs) or, with openNDS, the address's sessions at every gateway.
        gateway_id = request.query_params.get("gateway") or self._portal.gateway.gateway_id
        if gateway_id is not None and len(gateway_id) > MAX_GATEWAY_ID_CHARS:
            raise PortalError(400, "gateway_input")
        router = await run_in_threadpool(self._remote_router, gateway_id)
        if router is None:  # a registered router's phone is not the local one at its address
            await run_in_threadpool(self._portal.gateway.deauthorise, ip)
        ended = self._portal.book.end(ip, gateway_id)
        log.info(
            "admin took a client back to the splash (session %s)", "ended" if ended else "none"
        )
        if router is None:
            return JSONResponse({"ip": ip, "session_ended": ended})
        return JSONResponse({
            "ip": ip, "gateway": router.name, "session_ended": ended,
            "at_router": AT_ROUTER_AFTER_LOGOUT[router.kind],
        })  # fmt: skip

    def _remote_router(self, gateway_id: str | None) -> GatewayRecord | None:
        """The registered router `gateway_id` names, unless it is this portal's own gateway
        (an nftables router's registered name); None for the local gateway."""
        if gateway_id is None or gateway_id == self._portal.gateway.gateway_id:
            return None
        return self._portal.book.registered_router(gateway_id)

    async def stats(self, request: Request) -> Response:
        self._check_token(request)
        portal = self._portal
        now = portal.clock()
        # One read of the sessions and the day's consents; the totals are their sums.
        per_gateway = await run_in_threadpool(portal.book.per_gateway, now - DAY_SECONDS)
        return JSONResponse({
            "clients_authorised": sum(g["clients_authorised"] for g in per_gateway.values()),
            "accepts_last_24h": sum(g["accepts"] for g in per_gateway.values()),
            "terms_version": portal.settings.terms_version,
            "gateway": portal.gateway.name,
            "uptime_seconds": int(now - portal.started_at),
            # Every gateway of the store: {"a": {"clients_authorised": 1, "accepts": 2}}
            # (accepts of the last 24 hours).
            "per_gateway": per_gateway,
        })  # fmt: skip
