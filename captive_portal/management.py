"""The technicians' listener: /metrics and /healthz, never on the hotspot's port.

Hotspot clients reach the portal's port; the health check names the gateway and the
metrics count clients, so both are served only on `metrics.host`:`metrics.port` (loopback
by default), behind `metrics.token` when one is set (attack 8 of issue 13).
"""

from __future__ import annotations

import hmac

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from captive_portal.errors import PortalError
from captive_portal.portal import Portal

MANAGEMENT_PATHS = ("/healthz", "/metrics")


class ManagementApi:
    def __init__(self, portal: Portal) -> None:
        self._portal = portal
        self._token = portal.settings.metrics.token.encode()

    def routes(self) -> list[Route]:
        return [
            Route("/healthz", self.health, methods=["GET", "HEAD"]),
            Route("/metrics", self.metrics, methods=["GET"]),
        ]

    def _check_token(self, request: Request) -> None:
        if not self._token:
            return  # loopback only (settings_checks refuses another host without a token)
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), self._token
        ):
            raise PortalError(401, "not_allowed", {"WWW-Authenticate": 'Bearer realm="metrics"'})

    async def health(self, request: Request) -> Response:
        self._check_token(request)
        self._portal.book.ping()
        return JSONResponse({"status": "ok", "gateway": self._portal.gateway.name})

    async def metrics(self, request: Request) -> Response:
        self._check_token(request)
        return Response(self._portal.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)
