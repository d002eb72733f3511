"""`GET /s/CODE` and `GET /api/status/CODE` answered from the kept answers
(status_cache.py) before Starlette's middleware and routing, which cost about as much as
the rest of such an answer; every other request, and every answer not kept (unknown,
throttled, changed), goes on to the app and its routes as before.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

Kept = Callable[[Request, str], Response | None]


class KeptAnswersFirst:
    def __init__(self, app: ASGIApp, kept_by_prefix: dict[str, Kept]) -> None:
        self._app = app
        self._kept_by_prefix = list(kept_by_prefix.items())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            response = self._kept(scope)
            if response is not None:
                await response(scope, receive, send)
                return
        await self._app(scope, receive, send)

    def _kept(self, scope: Scope) -> Response | None:
        path: str = scope["path"]
        for prefix, kept in self._kept_by_prefix:
            if path.startswith(prefix):
                typed = path[len(prefix) :]  # as the route's {code}: one segment
                return kept(Request(scope), typed) if typed and "/" not in typed else None
        return None
