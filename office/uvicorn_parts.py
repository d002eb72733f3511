"""Every part of uvicorn's internals the office's status protocol (status_http.py) relies on.

status_http.py subclasses uvicorn's httptools protocol, which is not uvicorn's public API,
and reads the trusted proxies of uvicorn's ProxyHeadersMiddleware (a private class) to
count the same client as the app does. pyproject.toml bounds uvicorn, httptools and uvloop
to the minors in TESTED; status_http.py touches uvicorn only through `UvicornProtocol`
and `trusted_proxies` below, and tests/office/test_uvicorn_parts.py checks that every name
listed here still exists with the expected signature and that the installed versions are
the tested ones: when uvicorn moves, that test fails first and names what.
httptools' parser (`get_method`, `should_keep_alive`...) is its public API.
"""

from __future__ import annotations

from typing import Any, Protocol

from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol  # internal module

__all__ = ["TESTED", "TrustedProxies", "UvicornProtocol", "inner_app", "trusted_proxies"]

# The minors status_http.py was written and measured against (requirements.lock pins patches).
TESTED = {"uvicorn": "0.54", "httptools": "0.9", "uvloop": "0.23"}

# HttpToolsProtocol's attributes status_http.py reads or sets (made in __init__ and
# connection_made); each one is an internal:
PROTOCOL_ATTRIBUTES = (
    "app",  # the loaded ASGI app, maybe inside ProxyHeadersMiddleware
    "loop",  # the event loop, for timers
    "parser",  # httptools.HttpRequestParser fed by data_received
    "url",  # bytes of the request target, grown by on_url
    "headers",  # (lower-cased name, value) pairs, appended by on_header
    "expect_100_continue",  # set by on_header, read when the ASGI request starts
    "scope",  # the ASGI scope on_message_begin makes
    "cycle",  # the RequestResponseCycle of the request the app answers, or None
    "client",  # (address, port) of the peer, from connection_made
    "server",  # (address, port) of the listening socket, from connection_made
    "root_path",  # from uvicorn's config: the fast answers are for an empty one only
    "transport",  # the asyncio transport
    "flow",  # uvicorn's FlowControl: whether the transport's buffer is full
    "server_state",  # uvicorn's ServerState: total_requests, default_headers (with the Date)
    "timeout_keep_alive",  # seconds, from uvicorn's config
    "timeout_keep_alive_task",  # uvicorn's keep-alive timer after an app's response, or None
)
# RequestResponseCycle's, read here (and the last three set by abandon_app_request):
CYCLE_ATTRIBUTES = ("response_complete", "response_started", "disconnected", "message_event")
SERVER_STATE_ATTRIBUTES = ("total_requests", "default_headers")
FLOW_ATTRIBUTES = ("write_paused",)
# HttpToolsProtocol's methods called or overridden, with their signatures:
PROTOCOL_METHODS = {
    "connection_made": "(self, transport: 'asyncio.Transport') -> 'None'",
    "connection_lost": "(self, exc: 'Exception | None') -> 'None'",
    "data_received": "(self, data: 'bytes') -> 'None'",
    "on_message_begin": "(self) -> 'None'",  # makes the scope: called only for the app
    "on_headers_complete": "(self) -> 'None'",  # makes the cycle and starts the app's task
    "on_body": "(self, body: 'bytes') -> 'None'",
    "on_message_complete": "(self) -> 'None'",
}
# ProxyHeadersMiddleware's trusted hosts (uvicorn's private _TrustedHosts):
PROXY_ATTRIBUTES = ("app", "trusted_hosts")
TRUSTED_HOSTS_METHODS = {
    "__contains__": "(self, host: 'str | None') -> 'bool'",
    "get_trusted_client_address": "(self, x_forwarded_for: 'str') -> 'tuple[str, int]'",
}


class TrustedProxies(Protocol):
    """uvicorn's _TrustedHosts, as ProxyHeadersMiddleware asks it."""

    def __contains__(self, host: str | None) -> bool: ...

    def get_trusted_client_address(self, x_forwarded_for: str) -> tuple[str, int]: ...


def inner_app(app: Any) -> Any:
    """The app uvicorn was given, without the ProxyHeadersMiddleware it may have added."""
    return app.app if isinstance(app, ProxyHeadersMiddleware) else app


def trusted_proxies(app: Any) -> TrustedProxies | None:
    """The hosts whose X-Forwarded-For uvicorn believes (None: uvicorn reads no such header)."""
    found: TrustedProxies | None = getattr(app, "trusted_hosts", None)
    return found if isinstance(app, ProxyHeadersMiddleware) else None


class UvicornProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol; the few operations on its internals, named."""

    def start_scope(self) -> None:
        """uvicorn's on_message_begin: a fresh url, headers and ASGI scope."""
        HttpToolsProtocol.on_message_begin(self)

    def uvicorn_keep_alive_armed(self) -> bool:
        return self.timeout_keep_alive_task is not None

    def app_is_answering(self) -> bool:
        """A request went to the app and its response is not complete."""
        return self.cycle is not None and not self.cycle.response_complete

    def response_under_way(self) -> bool:
        """The app began writing a response and has not finished it (a refusal written now
        would land inside it)."""
        cycle = self.cycle
        return cycle is not None and cycle.response_started and not cycle.response_complete

    def end_app_request(self) -> None:
        """Tell the app its request's client is gone, as uvicorn does when a client leaves
        (the cycle's `disconnected`, and its waiting receive() woken)."""
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            cycle.disconnected = True
            cycle.message_event.set()

    def count_request(self) -> None:
        self.server_state.total_requests += 1

    def default_headers(self) -> list[tuple[bytes, bytes]]:
        """uvicorn's default headers (the Date); a new list whenever the Date changes."""
        return self.server_state.default_headers

    def writes_wait(self) -> bool:
        """The transport's buffer is full: the client is not reading what it asked for."""
        return bool(self.flow.write_paused)
