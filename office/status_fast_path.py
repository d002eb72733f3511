"""The status page and the status API before Starlette's middleware and routing, which
cost about as much as the rest of such an answer.

GET and HEAD of `/s/CODE` go straight to the page (status_page.py, a plain ASGI app, which
answers every case: kept, looked up, refused); GET of `/api/status/CODE` is answered here
when its document is kept (status_cache.py). Everything else, and every API answer not
kept, goes on to the app and its routes as before (a POST to `/s/CODE` meets its 405).
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from office.status_page import PREFIX, StatusPage

Kept = Callable[[Request, str], Response | None]
API_PREFIX = "/api/status/"
_PAGE_METHODS = ("GET", "HEAD")


class StatusFirst:
    def __init__(self, app: ASGIApp, page: StatusPage, api_kept: Kept) -> None:
        self._app = app
        self._page = page
        self._api_kept = api_kept

    def status_page_on(self, port: int | None) -> StatusPage:
        """The page, whose kept answers status_http.py gives on every port of this app."""
        return self._page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            if path.startswith(PREFIX) and scope["method"] in _PAGE_METHODS:
                if _one_segment(path, PREFIX):
                    await self._page(scope, receive, send)
                    return
            elif path.startswith(API_PREFIX) and scope["method"] == "GET":
                typed = path[len(API_PREFIX) :]
                response = (
                    self._api_kept(Request(scope), typed)
                    if _one_segment(path, API_PREFIX)
                    else None
                )
                if response is not None:
                    await response(scope, receive, send)
                    return
        await self._app(scope, receive, send)


def _one_segment(path: str, prefix: str) -> bool:
    """As the routes' `{code}`: one non-empty path segment after the prefix."""
    rest = path[len(prefix) :]
    return bool(rest) and "/" not in rest
