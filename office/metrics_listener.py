"""The technicians' listener: /metrics (and /healthz) on `metrics_host`:`metrics_port`,
never on the port the kiosks and residents reach; behind `metrics_token` when one is set.

One uvicorn server serves both sockets; `ByListener` sends each request to the app of the
local port it arrived on.
"""

from __future__ import annotations

import hmac
import logging
import socket

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from office.metrics import OfficeMetrics
from office.settings import OfficeSettings
from office.status_page import StatusPage
from office.store import CaseStore, StoreError


class ListenError(RuntimeError):
    """The metrics listener cannot be opened (the address is taken or not this host's)."""


def metrics_app(settings: OfficeSettings, metrics: OfficeMetrics, store: CaseStore) -> Starlette:
    token = settings.metrics_token.encode()

    def allowed(request: Request) -> bool:
        if not token:
            return True  # loopback only (settings_checks refuses another host without one)
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token)

    async def scrape(request: Request) -> Response:
        if not allowed(request):
            return Response(status_code=401, headers={"WWW-Authenticate": "Bearer"})
        body = await run_in_threadpool(metrics.exposition)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    async def health(request: Request) -> Response:
        if not allowed(request):
            return Response(status_code=401, headers={"WWW-Authenticate": "Bearer"})
        try:
            await run_in_threadpool(store.ping)
        except StoreError:
            return Response(status_code=503)
        return Response(status_code=204)

    return Starlette(routes=[Route("/metrics", scrape, methods=["GET"]), Route("/healthz", health)])


class ByListener:
    """Requests to `port` go to `metrics`; all others to `main`."""

    def __init__(self, main: ASGIApp, port: int, metrics: ASGIApp) -> None:
        self._main = main
        self._port = port
        self._metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        server = scope.get("server")
        if scope["type"] == "http" and server is not None and server[1] == self._port:
            await self._metrics(scope, receive, send)
            return
        await self._main(scope, receive, send)

    def status_page_on(self, port: int | None) -> StatusPage | None:
        """The main app's status page (status_http.py), never on the metrics' port."""
        page_on = getattr(self._main, "status_page_on", None)
        return None if port == self._port or page_on is None else page_on(port)


def metrics_socket(settings: OfficeSettings) -> socket.socket:
    family = socket.AF_INET6 if ":" in settings.metrics_host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((settings.metrics_host, settings.metrics_port))
    except OSError as exc:
        listener.close()
        raise ListenError(
            f"cannot listen for metrics on {settings.metrics_host} port "
            f"{settings.metrics_port}: {exc.strerror}"
        ) from exc
    logging.getLogger("office").info(
        "metrics on %s port %d", settings.metrics_host, settings.metrics_port
    )
    return listener
