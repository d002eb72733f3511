"""uvicorn's httptools protocol with the hot path answered straight from the parser.

Every phone on the hotspot asks its connectivity probe every few seconds, and every other
request of an unauthorised client meets the catch-all redirect. Through ASGI each of those
costs a task, a scope, two send() calls and uvicorn's header checks; here the answer is
decided in the parser's headers-complete callback (the same `ProbesAndCatchAll.decide` the
ASGI path uses) and written as prebuilt bytes. Everything else — the splash, accept, the API,
pipelined requests, bodies — goes through uvicorn and Starlette unchanged.

Passed to uvicorn as its `http` protocol class (serve.py), so uvicorn still owns the sockets,
workers and graceful shutdown. The limits on heads, bodies, time and connections hold for
every request whichever path answers it (guarded_http.py, the base class); what both take
from uvicorn's internals is named in uvicorn_parts.py. The keep-alive timeout after an
answer given here is one timer per idle period, not one per request: it checks when data
last came and sleeps again if the client was busy (a timer per request cost more than the
answer itself).
"""

from __future__ import annotations

import asyncio
import urllib.parse
from typing import Any, Protocol

import httptools

from captive_portal.guarded_http import GuardedHttpProtocol
from captive_portal.probes import Headers, Prebuilt

_FAST_METHODS = (b"GET", b"HEAD")


class Answerer(Protocol):
    def decide(
        self, path: str, query: bytes, headers: Headers, client_ip: str | None
    ) -> Prebuilt | None: ...


def answerer_of(app: Any) -> Answerer | None:
    """The app's fast answers, when uvicorn's app is the portal itself."""
    found = getattr(app, "fast_answers", None)
    return found if hasattr(found, "decide") else None


class PortalHttpProtocol(GuardedHttpProtocol):
    """HttpToolsProtocol that answers probes and the catch-all without entering ASGI."""

    def set_up(self) -> None:
        super().set_up()
        self._answerer = answerer_of(self.app)
        self._idle_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if self.on_management_listener():
            self._answerer = None  # the technicians' listener: every request to the app

    def connection_lost(self, exc: Exception | None) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        # uvicorn builds the ASGI scope here; most requests never need one, so it is made
        # in route_request only when the request goes to the app.
        self.url = b""
        self.expect_100_continue = False
        self.headers = []

    def route_request(self, method: bytes) -> None:
        if method in _FAST_METHODS and self._answer_here(method):
            return
        url, headers, expect = self.url, self.headers, self.expect_100_continue
        self.start_scope()  # the scope, as uvicorn makes it
        self.url, self.expect_100_continue = url, expect
        self.headers = self.scope["headers"] = headers
        # A request pipelined behind one answered here must not meet that answer's
        # keep-alive timer while the app works on it.
        self.cancel_keep_alive()
        super().route_request(method)

    def _answer_here(self, method: bytes) -> bool:
        """A GET or HEAD answered from the parser, when the portal decides it here."""
        if self._answerer is None:
            return False
        if self.app_is_answering():
            return False  # a pipelined request behind a running one: keep uvicorn's order
        path, query = _path_and_query(self.url)
        answer = self._answerer.decide(path, query, self.headers, self._client_ip)
        if answer is None:
            return False
        self._send(answer, head_only=method == b"HEAD")
        return True

    def _send(self, answer: Prebuilt, *, head_only: bool) -> None:
        parser = self.parser
        keep_alive = (
            parser.get_http_version() != "1.0"
            and parser.should_keep_alive()
            and not parser.should_upgrade()
        )
        parts = [answer.head, _DEFAULTS.as_bytes(self.default_headers())]
        parts.append(b"\r\n" if keep_alive else b"connection: close\r\n\r\n")
        if not head_only:
            parts.append(answer.body)
        self.transport.write(b"".join(parts))
        self._answered = True
        self.count_request()
        if not keep_alive:
            self.transport.close()
        elif self._idle_timer is None:
            self._idle_timer = self.loop.call_later(self.timeout_keep_alive, self._idle_check)

    def _idle_check(self) -> None:
        """Close the connection once no data came for the keep-alive timeout."""
        self._idle_timer = None
        if self.transport.is_closing() or self.uvicorn_keep_alive_armed():
            return  # closed, or uvicorn's own timer runs after a response of the app
        if self.app_is_answering():
            return  # the app is answering; uvicorn arms its timer when it is done
        left = self.timeout_keep_alive - (self.loop.time() - self._last_data_at)
        if left <= 0:
            self.transport.close()
        else:
            self._idle_timer = self.loop.call_later(left, self._idle_check)


class DefaultHeaders:
    """uvicorn's default headers (the Date) as bytes, made again when its list is replaced
    (once a second), for every connection: made per connection, they cost a new one more."""

    def __init__(self) -> None:
        self._last: tuple[list[tuple[bytes, bytes]], bytes] = ([], b"")  # one tuple: threads

    def as_bytes(self, defaults: list[tuple[bytes, bytes]]) -> bytes:
        last = self._last
        if last[0] is defaults:
            return last[1]
        made = b"".join([name + b": " + value + b"\r\n" for name, value in defaults])
        self._last = (defaults, made)
        return made


_DEFAULTS = DefaultHeaders()


def _path_and_query(url: bytes) -> tuple[str, bytes]:
    """The decoded path and the raw query of a request target (most are a bare path)."""
    if url[:1] == b"/" and b"?" not in url and b"#" not in url:
        path = url.decode("latin-1")
        query = b""
    else:
        parsed = httptools.parse_url(url)
        path = parsed.path.decode("latin-1")
        query = parsed.query or b""
    if "%" in path:
        path = urllib.parse.unquote(path)
    return path, query
