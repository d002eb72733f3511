"""Routes of the registered gateways: `/g/NAME/` for its phones, `/g/NAME/admin/` for its
technician.

The splash and accept are the portal's own (public.py) served with the gateway's desk
(gateway_desks.py). The admin routes answer with that gateway's sessions only, behind its
own admin token; the portal's admin token is let in too, as it sees every gateway anyway.
openNDS on a remote router takes no logout from its FAS at any level (docs/gateways.md, "A
remote openNDS router"), so ending a client ends its session in the store; the router keeps
it until its own `sessiontimeout`, and the answers tell the technician so (`at_router`).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from captive_portal.errors import PortalError
from captive_portal.gateway_desks import GatewayDesk, GatewayDesks
from captive_portal.gateway_registry import NAME, token_matches

log = logging.getLogger("captive_portal")
PREFIX = "/g/"
# What a router does with a phone whose session ended here, by the router's kind.
AT_ROUTER_AFTER_LOGOUT = {
    "opennds": "stays online until the router's sessiontimeout: openNDS takes no logout "
    "from a remote portal (docs/gateways.md)",
    "nftables": "taken off by the router's own portal within two sweeps",
}
AT_ROUTER_SESSIONS = {
    "opennds": "the portal's sessions: openNDS ends a phone at its own sessiontimeout or "
    "authidletimeout and does not tell the portal",
    "nftables": "the router's own portal holds its table to these sessions",
}


class GatewayRoutes:
    def __init__(self, desks: GatewayDesks, portal_admin_token: str) -> None:
        self._desks = desks
        self._portal_token = portal_admin_token.encode()

    def routes(self) -> list[Route]:
        return [
            Route("/g/{name}/", self.splash, methods=["GET", "HEAD"]),
            Route("/g/{name}/accept", self.accept, methods=["POST"]),
            Route("/g/{name}/admin/clients", self.clients, methods=["GET"]),
            Route("/g/{name}/admin/clients/{ip}/deauthorise", self.deauthorise, methods=["POST"]),
        ]

    async def splash(self, request: Request) -> Response:
        return await self._phones_desk(request).public.splash(request)

    async def accept(self, request: Request) -> Response:
        return await self._phones_desk(request).public.accept(request)

    async def clients(self, request: Request) -> Response:
        """The gateway's sessions in the store (MACs hashed)."""
        desk = self._admin_desk(request)
        portal = desk.portal
        now = portal.clock()
        valid = await run_in_threadpool(portal.book.valid)
        sessions = [
            {"ip": s.ip, "gateway_id": s.gateway_id, "mac_hash": s.mac_hash,
             "seconds_remaining": int(s.expires_at - now)}
            for s in valid
            if s.gateway_id == desk.record.name
        ]  # fmt: skip
        return JSONResponse({
            "gateway": desk.record.name, "sessions": sessions,
            "at_router": AT_ROUTER_SESSIONS[desk.record.kind],
        })  # fmt: skip

    async def deauthorise(self, request: Request) -> Response:
        """End the client's session at this gateway (no other gateway's)."""
        desk = self._admin_desk(request)
        try:
            ip = str(ipaddress.ip_address(request.path_params["ip"]))
        except ValueError as exc:
            raise PortalError(400, "gateway_input") from exc
        ended = await run_in_threadpool(desk.portal.book.end, ip, desk.record.name)
        log.info(
            "admin of gateway %s ended a client's session (%s)",
            desk.record.name, "ended" if ended else "none",
        )  # fmt: skip
        return JSONResponse({
            "ip": ip, "gateway": desk.record.name, "session_ended": ended,
            "at_router": AT_ROUTER_AFTER_LOGOUT[desk.record.kind],
        })  # fmt: skip

    def _desk(self, request: Request) -> GatewayDesk:
        name = request.path_params["name"]
        desk = self._desks.find(name) if NAME.fullmatch(name) else None
        if desk is None:
            raise PortalError(404, "not_found")
        return desk

    def _phones_desk(self, request: Request) -> GatewayDesk:
        """An openNDS router's desk: an nftables router's phones use its own portal's
        pages, never these (its registry row's faskey is no router's)."""
        desk = self._desk(request)
        if desk.record.kind != "opennds":
            raise PortalError(404, "not_found")
        return desk

    def _admin_desk(self, request: Request) -> GatewayDesk:
        desk = self._desk(request)
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        given = given.strip()
        if scheme.lower() == "bearer" and given:
            if token_matches(desk.record, given):
                return desk
            if self._portal_token and hmac.compare_digest(given.encode(), self._portal_token):
                return desk
        raise PortalError(401, "not_allowed", {"WWW-Authenticate": 'Bearer realm="gateway"'})
