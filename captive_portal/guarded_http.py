"""uvicorn's httptools protocol held to the limits of connection_limits.py (issue 13).

Every request meets these before it reaches the fast answers (fast_http.py) or Starlette:
the request line and headers are counted as bytes arrive and cut at `max_header_bytes`
with a 431 (httptools keeps an unfinished header in memory, so the count cannot wait for
its callbacks); a body past `max_body_bytes` is a 413; the worker's one sweep over its
open connections (connection_watch.py: a timer per connection cost a fair share of a probe
on a new connection) closes a connection whose head takes longer than the header timeout
or whose body takes longer than the body timeout; each client may hold
`connections_per_client` connections. The portal speaks no WebSocket: an upgrade request
is answered as plain HTTP and the connection closed after it. What this takes from
uvicorn's internals is named in uvicorn_parts.py.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

import httptools

from captive_portal.connection_limits import ClientConnections, RequestLimits
from captive_portal.connection_watch import ConnectionWatch, tick_for
from captive_portal.uvicorn_parts import UvicornParserProtocol

_BODYLESS_METHODS = (b"GET", b"HEAD")


def _plain(status: bytes, text: bytes) -> bytes:
    return (
        b"HTTP/1.1 " + status + b"\r\ncontent-type: text/plain; charset=utf-8\r\n"
        b"content-length: %d\r\nconnection: close\r\n\r\n" % len(text) + text
    )


HEAD_TOO_LARGE = _plain(b"431 Request Header Fields Too Large", b"Request header too large.\n")
BODY_TOO_LARGE = _plain(b"413 Content Too Large", b"Request body too large.\n")
BAD_REQUEST = _plain(b"400 Bad Request", b"Invalid HTTP request.\n")


class ConnectionHooks(Protocol):
    """What the portal app offers every connection (app.PortalApp)."""

    limits: RequestLimits
    connections: ClientConnections
    watch: ConnectionWatch
    management_port: int | None


def connection_hooks(app: Any) -> ConnectionHooks | None:
    """The app's hooks, when uvicorn's app is the portal itself."""
    return app if hasattr(app, "limits") and hasattr(app, "connections") else None


class GuardedHttpProtocol(UvicornParserProtocol):
    """HttpToolsProtocol with the head, body, time and connection limits enforced."""

    def set_up(self) -> None:
        super().set_up()
        self.ws_protocol_class = None  # never a WebSocket, whatever uvicorn's config says
        self._hooks = connection_hooks(self.app)
        self._limits = self._hooks.limits if self._hooks else RequestLimits()
        self._watch = self._hooks.watch if self._hooks else _watch_of(self._limits)
        self._max_head = self._limits.max_header_bytes
        self._answered = False  # the current request was answered without the app
        self._last_data_at = 0.0
        self._client_ip: str | None = None
        self._client_key: str | None = None  # counted in the hooks' connections
        self._watched = False  # in the worker's sweep (connection_watch.py)
        self._in_head = True  # between requests or inside a request line and headers
        self._head_started: float | None = None  # when the current head began
        self._head_bytes = 0
        self._heads_done = 0
        self._body_started = 0.0
        self._body_bytes = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._client_ip = self.client[0] if self.client else None
        self._last_data_at = self._head_started = self.loop.time()
        if self._hooks is not None and self._client_ip is not None:
            self._client_key = self._hooks.connections.admit(self._client_ip)
            if self._client_key is None:
                transport.close()  # this client holds its share of connections already
                return
        self._watch.add(self, self.loop)
        self._watched = True

    def on_management_listener(self) -> bool:
        hooks = self._hooks
        return (
            hooks is not None
            and self.server is not None
            and (self.server[1] == hooks.management_port)
        )

    def connection_lost(self, exc: Exception | None) -> None:
        if self._watched:
            self._watch.discard(self)
            self._watched = False
        if self._client_key is not None and self._hooks is not None:
            self._hooks.connections.release(self._client_key)
            self._client_key = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        """uvicorn's, with the head counted before httptools sees it (inlined: hot path)."""
        self._last_data_at = now = self.loop.time()
        if self.uvicorn_keep_alive_armed():
            self.cancel_keep_alive()
        if self._in_head:
            if self._head_started is None:
                self._head_started = now
            if self._head_bytes + len(data) > self._max_head:
                self._feed_past_limit(data)
                return
            self._head_bytes += len(data)
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            pass  # answered as plain HTTP; the connection closes after it (route_request)
        except httptools.HttpParserError:
            self._refuse(BAD_REQUEST)

    def _feed_past_limit(self, data: bytes) -> None:
        """Feed what fits; 431 unless the head ended within it."""
        room = self._max_head - self._head_bytes
        done = self._heads_done
        self._head_bytes = self._max_head
        if not self._feed(data[:room]):
            return
        if self._heads_done == done:
            self._refuse(HEAD_TOO_LARGE)
            return
        # A pipelined request may follow; bytes after a finished head in the same read are
        # not counted against the next head, so one read (at most 256 KiB) can pass unseen.
        self._feed(data[room:])

    def _feed(self, data: bytes) -> bool:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            pass
        except httptools.HttpParserError:
            self._refuse(BAD_REQUEST)
            return False
        return not self.transport.is_closing()

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._heads_done += 1
        self._body_started = self._last_data_at
        self._body_bytes = 0
        method = self.parser.get_method()
        if method not in _BODYLESS_METHODS and self._declared_too_large():
            self._refuse(BODY_TOO_LARGE)
            self._answered = True  # its body and end are not the app's business
            return
        self.route_request(method)

    def route_request(self, method: bytes) -> None:
        """Give the request to the app, as uvicorn does (fast_http.py answers some itself)."""
        self.hand_to_app()
        if self.parser.should_upgrade():
            self.close_after_response()  # the parser stops at an upgrade

    def on_body(self, body: bytes) -> None:
        self._body_bytes += len(body)
        if self._body_bytes > self._limits.max_body_bytes:
            self._refuse(BODY_TOO_LARGE)
        elif not self._answered:
            super().on_body(body)

    def on_message_complete(self) -> None:
        self._in_head = True
        self._head_started = None
        self._head_bytes = 0
        if self._answered:
            self._answered = False
            return
        super().on_message_complete()

    def _declared_too_large(self) -> bool:
        for name, value in self.headers:
            if name == b"content-length":
                return not value.isdigit() or int(value) > self._limits.max_body_bytes
        return False

    def _refuse(self, answer: bytes) -> None:
        """Answer (when no response is under way) and close; the app's request is dropped."""
        if self.transport.is_closing():
            return
        if answer and self.abandon_app_request() and not self._answered:
            self.transport.write(answer)
        self.transport.close()

    def check_deadline(self, now: float) -> None:
        """Close the connection when its head or body is late (the worker's sweep asks)."""
        if self.transport.is_closing():
            return
        if self._in_head:
            started, limit = self._head_started, self._limits.header_timeout
            if started is None or self.app_is_answering():
                return  # between requests, or a pipelined head waiting for the app's answer
        else:
            started, limit = self._body_started, self._limits.body_timeout
        if now - started >= limit:
            self._refuse(b"")  # nothing to say to a client that sends nothing


def _watch_of(limits: RequestLimits) -> ConnectionWatch:
    """A sweep of its own, for a connection whose app is not the portal (tests)."""
    return ConnectionWatch(tick_for(limits.header_timeout, limits.body_timeout))
