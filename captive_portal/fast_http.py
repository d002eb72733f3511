"""uvicorn's httptools protocol with the hot path answered straight from the parser.

Every phone on the hotspot asks its connectivity probe every few seconds, and every other
request of an unauthorised client meets the catch-all redirect. Through ASGI each of those
costs a task, a scope, two send() calls and uvicorn's header checks; here the answer is
decided in the parser's headers-complete callback (the same `ProbesAndCatchAll.decide` the
ASGI path uses) and written as prebuilt bytes. Everything else — the splash, accept, the API,
pipelined requests, bodies — goes through uvicorn and Starlette unchanged.

Passed to uvicorn as its `http` protocol class (serve.py), so uvicorn still owns the sockets,
workers and graceful shutdown. What it takes from uvicorn's internals is named in
uvicorn_parts.py. The keep-alive timeout after an answer given here is one timer per idle
period, not one per request: it checks when data last came and sleeps again if the client
was busy (a timer per request cost more than the answer itself).

The limits of connection_limits.py hold here for every request, whichever path answers it
(issue 13, attacks 1 and 2): the request line and headers are counted as bytes arrive and
cut at `max_header_bytes` with a 431 (httptools keeps an unfinished header in memory, so the
count cannot wait for its callbacks); a body past `max_body_bytes` is a 413; a watchdog (one
timer per connection, re-armed from the recorded times) closes a connection whose head
takes longer than the header timeout, or whose body takes longer than the body timeout;
each client may hold `connections_per_client` connections. The portal speaks no WebSocket:
an upgrade request is answered as plain HTTP and the connection closed after it.
"""

from __future__ import annotations

import asyncio
import urllib.parse
from typing import Any, Protocol

import httptools

from captive_portal.connection_limits import ClientConnections, RequestLimits
from captive_portal.probes import Headers, Prebuilt
from captive_portal.uvicorn_parts import UvicornParserProtocol

_FAST_METHODS = (b"GET", b"HEAD")


def _plain(status: bytes, text: bytes) -> bytes:
    return (
        b"HTTP/1.1 " + status + b"\r\ncontent-type: text/plain; charset=utf-8\r\n"
        b"content-length: %d\r\nconnection: close\r\n\r\n" % len(text) + text
    )


HEAD_TOO_LARGE = _plain(b"431 Request Header Fields Too Large", b"Request header too large.\n")
BODY_TOO_LARGE = _plain(b"413 Content Too Large", b"Request body too large.\n")
BAD_REQUEST = _plain(b"400 Bad Request", b"Invalid HTTP request.\n")


class Answerer(Protocol):
    def decide(
        self, path: str, query: bytes, headers: Headers, client_ip: str | None
    ) -> Prebuilt | None: ...


class PortalHooks(Protocol):
    """What the portal app offers this protocol (app.PortalApp)."""

    fast_answers: Answerer
    limits: RequestLimits
    connections: ClientConnections
    management_port: int | None


def hooks_of(app: Any) -> PortalHooks | None:
    """The app's hooks, when uvicorn's app is the portal itself."""
    return app if hasattr(app, "fast_answers") and hasattr(app, "limits") else None


class PortalHttpProtocol(UvicornParserProtocol):
    """HttpToolsProtocol that answers probes and the catch-all without entering ASGI."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ws_protocol_class = None  # never a WebSocket, whatever uvicorn's config says
        hooks = hooks_of(self.app)
        self._hooks = hooks
        self._answerer = hooks.fast_answers if hooks else None
        self._limits = hooks.limits if hooks else RequestLimits()
        self._max_head = self._limits.max_header_bytes
        self._answered = False  # the current request was answered here
        self._last_data_at = 0.0
        self._idle_timer: asyncio.TimerHandle | None = None
        self._defaults: list[tuple[bytes, bytes]] | None = None  # uvicorn's, with the Date
        self._defaults_bytes = b""
        self._client_ip: str | None = None
        self._client_key: str | None = None  # counted in the hooks' connections
        self._watchdog: asyncio.TimerHandle | None = None
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
        hooks = self._hooks
        if hooks is not None:
            if self.server is not None and self.server[1] == hooks.management_port:
                self._answerer = None  # the technicians' listener: every request to the app
            if self._client_ip is not None:
                self._client_key = hooks.connections.admit(self._client_ip)
                if self._client_key is None:
                    transport.close()  # this client holds its share of connections already
                    return
        self._watchdog = self.loop.call_later(self._limits.header_timeout, self._watch)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
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
            pass  # answered as plain HTTP; the connection closes after it (on_headers_complete)
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
            pass  # answered as plain HTTP; the connection closes after it (on_headers_complete)
        except httptools.HttpParserError:
            self._refuse(BAD_REQUEST)
            return False
        return not self.transport.is_closing()

    def on_message_begin(self) -> None:
        # uvicorn builds the ASGI scope here; most requests never need one, so it is made
        # in on_headers_complete only when the request goes to the app.
        self.url = b""
        self.expect_100_continue = False
        self.headers = []

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._heads_done += 1
        self._body_started = self._last_data_at
        self._body_bytes = 0
        method = self.parser.get_method()
        if method not in _FAST_METHODS:
            if self._declared_too_large():
                self._refuse(BODY_TOO_LARGE)
                self._answered = True  # its body and end are not the app's business
                return
        elif self._answer_here(method):
            return
        url, headers, expect = self.url, self.headers, self.expect_100_continue
        self.start_scope()  # the scope, as uvicorn makes it
        self.url, self.expect_100_continue = url, expect
        self.headers = self.scope["headers"] = headers
        # A request pipelined behind one answered here must not meet that answer's
        # keep-alive timer while the app works on it.
        self.cancel_keep_alive()
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

    def _watch(self) -> None:
        """Close a connection whose head or body is late; else sleep until the next deadline."""
        self._watchdog = None
        if self.transport.is_closing():
            return
        now = self.loop.time()
        if self._in_head:
            started, limit = self._head_started, self._limits.header_timeout
        else:
            started, limit = self._body_started, self._limits.body_timeout
        left = limit if started is None else started + limit - now
        if left <= 0 and self._in_head and self.app_is_answering():
            left = limit  # a pipelined head waits while the app answers the one before
        if left <= 0:
            self._refuse(b"")  # nothing to say to a client that sends nothing
            return
        self._watchdog = self.loop.call_later(left, self._watch)

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
        parts = [answer.head, self._default_headers()]
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

    def _default_headers(self) -> bytes:
        """uvicorn's default headers as bytes; its list is replaced when the Date changes."""
        defaults = self.default_headers()
        if defaults is not self._defaults:
            self._defaults = defaults
            lines = [name + b": " + value + b"\r\n" for name, value in defaults]
            self._defaults_bytes = b"".join(lines)
        return self._defaults_bytes

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
