"""The portal app factory: settings, gateway, store and clock in, a Starlette app out.

Nothing happens at import time. Request order: on the technicians' listener the management
app (metrics, health); else the probe and catch-all fast path (its answers carry the
security headers themselves), then Starlette: error handling, security headers, routes
(splash, accept, RFC 8908 API, admin; the registered gateways' own under /g/NAME/).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.middleware import Middleware
from starlette.types import ASGIApp, ExceptionHandler, Receive, Scope, Send

from captive_portal.admin import AdminApi
from captive_portal.api import MachineAnswers
from captive_portal.connection_limits import ClientConnections, RequestLimits
from captive_portal.connection_watch import ConnectionWatch, tick_for
from captive_portal.error_pages import HANDLED, ErrorResponder
from captive_portal.form_token import FormSigner
from captive_portal.gateway import Gateway
from captive_portal.gateway_desks import GatewayDesks
from captive_portal.gateway_routes import PREFIX as GATEWAYS_PREFIX
from captive_portal.gateway_routes import GatewayRoutes
from captive_portal.headers import SecurityHeaders, security_headers
from captive_portal.keys import load_keys
from captive_portal.management import ManagementApi
from captive_portal.metrics import PortalMetrics
from captive_portal.pages import Pages
from captive_portal.portal import Logo, Portal, unmapped
from captive_portal.private_files import private_dir
from captive_portal.probes import PROBE_SYSTEMS, Headers, Prebuilt, ProbesAndCatchAll
from captive_portal.public import PublicPages
from captive_portal.ratelimit import AcceptLimiter
from captive_portal.sessions import SessionBook
from captive_portal.settings import PortalSettings
from captive_portal.settings_checks import LOGO_TYPES
from captive_portal.store import SessionStore
from captive_portal.sweeps import restore, sweep_forever
from captive_portal.vouchers import parse_keys


def create_app(
    settings: PortalSettings,
    gateway: Gateway,
    store: SessionStore,
    clock: Callable[[], float],
    *,
    restore_sessions: bool = True,
) -> Starlette:
    """The portal; `restore_sessions=False` when a parent process already re-applied them."""
    portal = _build_portal(settings, gateway, store, clock)
    public = PublicPages(portal)
    registered = GatewayRoutes(GatewayDesks(portal, store), settings.admin_token)
    routes = [
        *public.routes(),
        *MachineAnswers(portal).routes(),
        *AdminApi(portal).routes(),
        *registered.routes(),
    ]
    portal_paths = frozenset(r.path for r in routes if "{" not in r.path)
    errors = ErrorResponder(
        portal.pages,
        portal.metrics,
        settings.language,
        gateway.name,
        security_headers(settings.wifi4eu.enabled),
    )
    handlers: dict[Any, ExceptionHandler] = {
        **dict.fromkeys(HANDLED, errors.handled),
        Exception: errors.unexpected,
    }
    middleware = [Middleware(SecurityHeaders, wifi4eu=settings.wifi4eu.enabled)]
    management = Starlette(
        routes=ManagementApi(portal).routes(),
        middleware=middleware,
        exception_handlers=handlers,
    )
    fast_path = ProbesAndCatchAll(
        book=portal.book,
        metrics=portal.metrics,
        splash_url=settings.portal_url(),
        portal_paths=portal_paths,
        portal_prefixes=("/admin/", GATEWAYS_PREFIX),
        splash_hosts=settings.splash_hosts(),
        security_headers=security_headers(settings.wifi4eu.enabled),
    )
    return PortalApp(
        fast_path,
        FastAnswers(fast_path, public, security_headers(settings.wifi4eu.enabled)),
        Listeners(
            RequestLimits.of(settings),
            settings.connections_per_client,
            settings.metrics.port or None,
            management,
        ),
        routes=routes,
        middleware=middleware,
        exception_handlers=handlers,
        lifespan=lambda app: _lifespan(portal, restore_sessions),
    )


class FastAnswers:
    """What fast_http.py answers from the parser: probes, the catch-all and the splash page
    (its happy path; a refused gateway query goes to the app, which renders the error)."""

    def __init__(
        self,
        probes: ProbesAndCatchAll,
        public: PublicPages,
        security: list[tuple[bytes, bytes]],
    ) -> None:
        self._probes = probes
        self._public = public
        # As Starlette's HTMLResponse with Cache-Control: no-store writes them, but for the
        # length; the status line and these are made once, not per request.
        self._splash_headers = [
            (b"cache-control", b"no-store"),
            (b"content-type", b"text/html; charset=utf-8"),
            *security,
        ]
        self._splash_head = Prebuilt.of(200, self._splash_headers, b"").head

    def decide(
        self, path: str, query: bytes, headers: Headers, client_ip: str | None
    ) -> Prebuilt | None:
        answer = self._probes.decide(path, headers, client_ip)
        if answer is not None or path != "/" or client_ip is None:
            return answer
        try:
            params = QueryParams(query) if query else _NO_QUERY
            body = self._public.splash_page(params, unmapped(client_ip))
        except Exception:
            return None
        length = b"%d" % len(body)
        return Prebuilt(
            200,
            [*self._splash_headers, (b"content-length", length)],
            body,
            self._splash_head + b"content-length: " + length + b"\r\n",
        )


_NO_QUERY = QueryParams()


@dataclass(frozen=True)
class Listeners:
    """What the HTTP protocol enforces per connection, and the technicians' listener."""

    limits: RequestLimits
    connections_per_client: int
    management_port: int | None  # requests on this local port go to `management`
    management: ASGIApp


class PortalApp(Starlette):
    """Starlette with the probe and catch-all answers in front of its middleware stack.

    Measured: entering Starlette's error and header layers costs the hot path about a
    third of its throughput, and probes must stay cheap (docs/captive-portal.md). Also
    the hooks fast_http.py reads: its fast answers, the limits, the connection counts and
    the sweep closing late connections.
    """

    def __init__(
        self,
        fast_path: ProbesAndCatchAll,
        fast_answers: FastAnswers,
        listeners: Listeners,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.fast_path = fast_path
        self.fast_answers = fast_answers  # answered from the parser by fast_http.py
        self.limits = listeners.limits
        self.connections = ClientConnections(listeners.connections_per_client)
        limits = listeners.limits
        self.watch = ConnectionWatch(tick_for(limits.header_timeout, limits.body_timeout))
        self.management_port = listeners.management_port
        self._management = listeners.management

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            server = scope.get("server")
            if server is not None and server[1] == self.management_port:
                await self._management(scope, receive, send)
                return
            if await self.fast_path.answer(scope, send):
                return
        await super().__call__(scope, receive, send)


def _build_portal(
    settings: PortalSettings, gateway: Gateway, store: SessionStore, clock: Callable[[], float]
) -> Portal:
    private_dir(settings.data_path())
    keys = load_keys(settings)
    book = SessionBook(store, clock, gateway_id=gateway.gateway_id)
    logo = _read_logo(settings.logo_path)
    return Portal(
        settings=settings,
        gateway=gateway,
        book=book,
        keys=keys,
        signer=FormSigner(keys.form_key, settings.form_seconds, clock),
        limiter=AcceptLimiter(settings.accepts_per_minute, clock, settings.accept_limits_file()),
        pages=Pages(settings, has_logo=logo is not None),
        metrics=PortalMetrics(settings.metrics_folder(), PROBE_SYSTEMS, book.count_valid),
        clock=clock,
        logo=logo,
        started_at=clock(),
        voucher_keys=parse_keys(settings.vouchers.keys),
    )


def _read_logo(path_text: str) -> Logo | None:
    if not path_text:
        return None
    path = Path(path_text).expanduser()
    return Logo(path.read_bytes(), LOGO_TYPES[path.suffix.lower()])


@contextlib.asynccontextmanager
async def _lifespan(portal: Portal, restore_sessions: bool) -> AsyncIterator[None]:
    if restore_sessions:
        await run_in_threadpool(restore, portal.book, portal.gateway)
    purging = asyncio.create_task(sweep_forever(portal))
    try:
        yield
    finally:
        purging.cancel()
