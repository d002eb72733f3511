"""uvicorn's httptools protocol answering status pages straight from the parser.

A resident reloading `/s/CODE`, or many asking for the same few codes, gets a page kept in
status_cache.py; on SQLite a first look is one read on the event loop. Through ASGI each
such answer still costs uvicorn's scope, a task, two send() calls and its header checks,
more than the page itself; here GET and HEAD of `/s/CODE` are answered in the parser's
headers-complete callback (`StatusPage.answer_now`, the same desk, cache and throttle the
page asks, with the same client) with the bytes the app would write: a kept page, a page
read from SQLite at once, or a refusal (throttled, a malformed code, a wrong check
character). Everything else — a lookup that would wait (PostgreSQL, SQLite busy), a
request target with `%` or `#`, every other path, pipelined requests behind one the app
is answering, bodies — goes through uvicorn and the app unchanged.

Passed to uvicorn as its `http` protocol class (serve.py), so uvicorn still owns the
sockets and graceful shutdown; the limits on heads, bodies and their time hold for every
request, whichever way it is answered (request_guard.py, the base class). After an answer
given here, the keep-alive timeout is one timer per idle period, not one per request (a
timer per request costs about as much as the answer). What this takes from uvicorn's
internals is named in uvicorn_parts.py.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from office.request_guard import GuardedProtocol
from office.status_cache import KeptAnswer
from office.status_page import PREFIX
from office.uvicorn_parts import TrustedProxies, inner_app, trusted_proxies

_PREFIX = PREFIX.encode()
_PAGE_METHODS = (b"GET", b"HEAD")


class QuickPages(Protocol):
    def answer_now(
        self, typed: str, query: bytes, accept: bytes, host: str
    ) -> tuple[bytes, bytes, KeptAnswer] | None: ...


def kept_pages_of(app: Any, port: int | None) -> QuickPages | None:
    """The status page of the app uvicorn serves, for a connection on `port`."""
    page_on = getattr(inner_app(app), "status_page_on", None)
    found: QuickPages | None = page_on(port) if page_on is not None else None
    return found


class StatusHttpProtocol(GuardedProtocol):
    """HttpToolsProtocol that answers status pages without entering ASGI where it can."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: QuickPages | None = None
        self._proxies: TrustedProxies | None = trusted_proxies(self.app)
        self._idle_timer: asyncio.TimerHandle | None = None
        self._defaults: list[tuple[bytes, bytes]] | None = None  # uvicorn's, with the Date
        self._defaults_bytes = b""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if not self.root_path:
            self._pages = kept_pages_of(self.app, self.server[1] if self.server else None)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        # uvicorn builds the ASGI scope here; a kept page never needs one, so it is made in
        # route_request only when the request goes to the app.
        self.url = b""
        self.expect_100_continue = False
        self.headers = []

    def route_request(self) -> None:
        """After the request's headers (and the limits' checks of request_guard.py)."""
        if self._answer_here():
            self.answered_here = True  # its body and end are not the app's
            return
        url, headers, expect = self.url, self.headers, self.expect_100_continue
        self.start_scope()  # the scope, as uvicorn makes it
        self.url, self.expect_100_continue = url, expect
        self.headers = self.scope["headers"] = headers
        super().route_request()

    def _answer_here(self) -> bool:
        """The page written now, for a GET or HEAD of `/s/CODE` answered without waiting."""
        url = self.url
        if self._pages is None or not url.startswith(_PREFIX) or self._app_has_it():
            return False
        method = self.parser.get_method()
        if method not in _PAGE_METHODS or self.parser.should_upgrade():
            return False
        path, _, query = url.partition(b"?")
        typed = path[len(_PREFIX) :]
        if not typed or b"/" in typed or b"%" in url or b"#" in url or not url.isascii():
            return False  # another route, or a target the app decodes first
        accept = next((v for k, v in self.headers if k == b"accept-language"), b"")
        now = self._pages.answer_now(typed.decode("ascii"), query, accept, self._client_host())
        if now is None:
            return False
        self._send(*now, head_only=method == b"HEAD")
        return True

    def _app_has_it(self) -> bool:
        """The app answers this request too: a pipelined request behind one it is answering
        (uvicorn keeps their order), one after the connection was told to close, or one
        of a client that does not read its answers (uvicorn's app path waits for it and
        stops reading its requests, instead of holding every answer in memory)."""
        return self.app_is_answering() or self.transport.is_closing() or self.writes_wait()

    def _client_host(self) -> str:
        """The client's address as the app sees it: the peer, or the client a trusted
        proxy names in X-Forwarded-For (as uvicorn's ProxyHeadersMiddleware)."""
        host = self.client[0] if self.client else ""
        proxies = self._proxies
        if proxies is not None and host in proxies:
            named = [value for name, value in self.headers if name == b"x-forwarded-for"]
            if named:
                forwarded = b", ".join(named).decode("latin-1")
                host = proxies.get_trusted_client_address(forwarded)[0] or host
        return host

    def _send(self, status: bytes, headers: bytes, page: KeptAnswer, *, head_only: bool) -> None:
        parser = self.parser
        keep_alive = parser.get_http_version() != "1.0" and parser.should_keep_alive()
        parts = [status, self._default_headers(), b"content-length: %d\r\n" % page.length(),
                 headers, b"\r\n" if keep_alive else b"connection: close\r\n\r\n"]  # fmt: skip
        if not head_only:
            parts.extend(page.parts)
        self.transport.write(b"".join(parts))
        self.count_request()
        if not keep_alive:
            self.transport.close()
            return
        if self._idle_timer is None:
            self._idle_timer = self.loop.call_later(self.timeout_keep_alive, self._idle_check)

    def _default_headers(self) -> bytes:
        """uvicorn's default headers as bytes; its list is replaced when the Date changes."""
        defaults = self.default_headers()
        if defaults is not self._defaults:
            self._defaults = defaults
            self._defaults_bytes = b"".join(name + b": " + value + b"\r\n"
                                            for name, value in defaults)  # fmt: skip
        return self._defaults_bytes

    def _idle_check(self) -> None:
        """Close the connection once no data came for the keep-alive timeout."""
        self._idle_timer = None
        if self.transport.is_closing() or self.uvicorn_keep_alive_armed():
            return  # closed, or uvicorn's own timer runs after a response of the app
        if self.app_is_answering():
            return  # uvicorn arms its timer when the app is done
        left = self.timeout_keep_alive - (self.loop.time() - self._last_data_at)
        if left <= 0:
            self.transport.close()
        else:
            self._idle_timer = self.loop.call_later(left, self._idle_check)
