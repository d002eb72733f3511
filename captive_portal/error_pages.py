"""The one error handler: every exception carries or gets a status, none shows internals.

Browsers get a short page in their language with a way back to the splash; the API,
admin and health paths get {"error": key}. Gateway failures are counted and logged.
"""

from __future__ import annotations

import logging
import re
import sqlite3

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from captive_portal.errors import PortalError
from captive_portal.gateway import GatewayError, GatewayInputError
from captive_portal.log_privacy import loggable_path
from captive_portal.metrics import PortalMetrics
from captive_portal.pages import Pages, pick_language
from captive_portal.settings import Language
from captive_portal.store import StoreError

log = logging.getLogger("captive_portal")
_MACHINE_PATHS = ("/api/", "/admin/", "/healthz", "/metrics", "/wifi4eu.js")
_GATEWAY_ADMIN = re.compile(r"/g/[^/]*/admin/")  # a registered gateway's admin API
_HTTP_MESSAGES = {404: "not_found", 405: "not_allowed", 413: "too_large"}
_LOGGED_REFUSALS = frozenset({400, 403, 413, 429})  # not 404/405: scanners would flood the log
HANDLED = (PortalError, GatewayInputError, GatewayError, StoreError, sqlite3.Error, HTTPException)


class ErrorResponder:
    def __init__(
        self,
        pages: Pages,
        metrics: PortalMetrics,
        default_language: Language,
        gateway_name: str,
        security_headers: list[tuple[bytes, bytes]],
    ) -> None:
        self._pages = pages
        self._metrics = metrics
        self._language = default_language
        self._gateway = gateway_name
        self._security = {k.decode(): v.decode() for k, v in security_headers}

    async def handled(self, request: Request, exc: Exception) -> Response:
        """Known errors (Starlette's exception middleware; security headers come later)."""
        status, message, headers = self._classify(exc)
        if status in _LOGGED_REFUSALS:  # why phones do not get online; no client data
            detail = f" ({exc})" if isinstance(exc, GatewayInputError) else ""
            path = loggable_path(request.url.path)
            log.info("refused %s %s: %s%s", request.method, path, message, detail)
        return self._response(request, status, message, headers)

    async def unexpected(self, request: Request, exc: Exception) -> Response:
        """Bugs: a generic 500 (sent outside the security layer, so it adds the headers)."""
        return self._response(request, 500, "server_error", self._security)

    def _classify(self, exc: Exception) -> tuple[int, str, dict[str, str]]:
        if isinstance(exc, PortalError):
            return exc.status, exc.message, exc.headers
        if isinstance(exc, GatewayInputError):
            return 400, "gateway_input", {}
        if isinstance(exc, GatewayError):
            self._metrics.gateway_failed()
            log.warning("gateway %s failed: %s", self._gateway, exc)
            return 503, "gateway_unavailable", {"Retry-After": "5"}
        if isinstance(exc, StoreError | sqlite3.Error):
            log.error("portal store failed: %s", exc)
            return 503, "server_error", {"Retry-After": "5"}
        if isinstance(exc, HTTPException):
            return exc.status_code, _HTTP_MESSAGES.get(exc.status_code, "server_error"), {}
        return 500, "server_error", {}

    def _response(
        self, request: Request, status: int, message: str, headers: dict[str, str]
    ) -> Response:
        headers = {**headers, "Cache-Control": "no-store"}
        path = request.url.path
        if path.startswith(_MACHINE_PATHS) or _GATEWAY_ADMIN.match(path):
            return JSONResponse({"error": message}, status, headers=headers)
        asked = getattr(request.state, "lang", None) or request.query_params.get("lang")
        language = pick_language(asked, self._language)
        return HTMLResponse(self._pages.error(language, message), status, headers=headers)
