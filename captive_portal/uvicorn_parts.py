"""Every part of uvicorn's internals the portal's HTTP protocol relies on.

guarded_http.py (the limits) and fast_http.py (answers from the parser) subclass uvicorn's
httptools protocol, which is not uvicorn's public API: a minor release once changed its
file by 77 lines. So pyproject.toml bounds uvicorn, httptools and uvloop to the minors
listed in TESTED, the two modules touch uvicorn only through `UvicornParserProtocol`
below, and tests/captive_portal/test_uvicorn_parts.py checks that every name listed here
still exists with the expected signature and that the installed versions are the tested
ones; when uvicorn moves, that test fails first and names what.
httptools' parser (`feed_data`, `get_method`, `should_keep_alive`...) is its public API.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

import httptools
from uvicorn.config import Config
from uvicorn.protocols.http.flow_control import FlowControl  # internal module
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol  # internal module
from uvicorn.server import ServerState
from uvicorn.supervisors import Multiprocess  # exported, though not in uvicorn's docs

__all__ = ["TESTED", "Multiprocess", "UvicornParserProtocol"]

# The minors fast_http.py was written and measured against (requirements.lock pins patches).
TESTED = {"uvicorn": "0.54", "httptools": "0.9", "uvloop": "0.23"}

# HttpToolsProtocol's attributes guarded_http.py and fast_http.py read or set (made in __init__ and
# connection_made); each one is an internal:
PROTOCOL_ATTRIBUTES = (
    "app",  # the loaded ASGI app: the portal, whose hooks (limits, fast answers) it reads
    "loop",  # the event loop, for timers
    "parser",  # httptools.HttpRequestParser fed by data_received
    "url",  # bytes of the request target, grown by on_url
    "headers",  # (lower-cased name, value) pairs, appended by on_header
    "expect_100_continue",  # set by on_header, read when the ASGI request starts
    "scope",  # the ASGI scope on_message_begin makes
    "cycle",  # the RequestResponseCycle of the request the app answers, or None
    "client",  # (address, port) of the peer, from connection_made
    "server",  # (address, port) of the listening socket, from connection_made
    "transport",  # the asyncio transport
    "server_state",  # uvicorn's ServerState: total_requests, default_headers (with the Date)
    "timeout_keep_alive",  # seconds, from uvicorn's config
    "timeout_keep_alive_task",  # uvicorn's keep-alive timer after an app's response, or None
    "ws_protocol_class",  # set to None: the portal never upgrades to WebSocket
    "connections",  # the server's set of open protocols (shutdown closes each)
    "flow",  # FlowControl of the transport, for the app's responses
    "scheme",  # "http" or "https", for the ASGI scope
)
# RequestResponseCycle's attributes used here:
CYCLE_ATTRIBUTES = ("response_started", "response_complete", "keep_alive", "disconnected",
                    "message_event")  # fmt: skip
# ServerState's attributes used here:
SERVER_STATE_ATTRIBUTES = ("total_requests", "default_headers")
# HttpToolsProtocol's methods called or overridden, with their signatures:
PROTOCOL_METHODS = {
    "__init__": (  # run for a server's first connection only (UvicornParserProtocol.__init__)
        "(self, config: 'Config', server_state: 'ServerState', app_state: 'dict[str, Any]',"
        " _loop: 'asyncio.AbstractEventLoop | None' = None) -> 'None'"
    ),
    "connection_made": "(self, transport: 'asyncio.Transport') -> 'None'",
    "connection_lost": "(self, exc: 'Exception | None') -> 'None'",
    "data_received": "(self, data: 'bytes') -> 'None'",  # replaced whole by guarded_http
    "on_message_begin": "(self) -> 'None'",  # makes the scope: called only for the app
    "on_headers_complete": "(self) -> 'None'",  # makes the cycle and starts the app's task
    "on_body": "(self, body: 'bytes') -> 'None'",
    "on_message_complete": "(self) -> 'None'",
    "_unset_keepalive_if_required": "(self) -> 'None'",  # private: cancels the keep-alive
}
# connection_made is replaced, not extended (see UvicornParserProtocol.connection_made): the
# SHA-256 of uvicorn's source of it, so the test says when uvicorn's does something new.
CONNECTION_MADE_SHA256 = "6efb565ff3d36b916c29bd42330a2b99b601b48932389e396e5ac53dbef6b91c"
# __init__ runs in full only for a server's first connection (UvicornParserProtocol.__init__):
# the attributes it makes anew for every connection (the rest are the same for all of them,
# taken from the config and the server's state), and the SHA-256 of its source.
FRESH_PER_CONNECTION = ("parser", "pipeline", "app_state")  # app_state: as given
INIT_SHA256 = "4f08999410347141468656d82e71ffebccb59f09e41909a3753a810eeed685fa"

# serve.py's use of uvicorn beyond uvicorn.run's documented options:
OTHER_SIGNATURES = {
    "uvicorn.supervisors.Multiprocess": "(config: 'Config', sockets: 'list[socket]') -> 'None'",
    "uvicorn.Config.bind_socket": "(self) -> 'socket.socket'",
    "uvicorn.Server.run": "(self, sockets: 'list[socket.socket] | None' = None) -> 'None'",
}


class UvicornParserProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol; the few operations on its internals, named."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        """uvicorn's, run in full for a server's first connection only; later ones copy it.

        uvicorn makes a protocol for every connection and works out again what is the same
        for all of them (two logger look-ups under logging's lock, the event loop, a dozen
        values of the config; asking for the running loop is a getpid() system call), and
        the subclasses look up the app's hooks: ~11 µs of the ~30 µs of Python a probe on
        a new connection costs. So the first protocol of a server (its config and state)
        is made by uvicorn's __init__ and `set_up`, and keeps its attributes; each later
        one copies them and makes what is its own (FRESH_PER_CONNECTION: the parser, bound
        to it, and the pipeline). So whether uvicorn's access log has handlers is read at a
        server's first connection, not at each (the portal sets its logging up before it
        serves). Subclasses put what they add in `set_up`, never per-connection mutable
        values.
        """
        made = _MADE.get(type(self))
        if made is not None and made[0] is config and made[1] is server_state:
            self.__dict__ = made[2].copy()  # a server's connections share its loop, too
            self.app_state = app_state  # as given (uvicorn gives the same one each time)
            if _loop is not None:
                self.loop = _loop
            self.parser = httptools.HttpRequestParser(self)
            self.parser.set_dangerous_leniencies(lenient_data_after_close=True)
            self.pipeline = deque()
            return
        HttpToolsProtocol.__init__(self, config, server_state, app_state, _loop)
        self.set_up()
        shared = {k: v for k, v in vars(self).items() if k not in FRESH_PER_CONNECTION}
        _MADE[type(self)] = (config, server_state, shared)

    def set_up(self) -> None:
        """What a subclass adds to uvicorn's attributes: the same for every connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """uvicorn's, but the addresses come from the transport's `peername` and `sockname`.

        uvicorn asks the transport for its "socket" and then for the addresses: uvloop makes
        a socket object for each question and calls the kernel twice, six system calls and
        two objects on every new connection, while the transport already holds both
        addresses. (uvicorn's TRACE line here, with the client's address, is left out.)
        """
        self.connections.add(self)
        self.transport = transport
        self.flow = FlowControl(transport)
        self.server = _local_address(transport.get_extra_info("sockname"))
        self.client = _remote_address(transport.get_extra_info("peername"))
        self.scheme = "https" if transport.get_extra_info("sslcontext") else "http"

    def start_scope(self) -> None:
        """uvicorn's on_message_begin: a fresh url, headers and ASGI scope."""
        HttpToolsProtocol.on_message_begin(self)

    def hand_to_app(self) -> None:
        """uvicorn's on_headers_complete: the request becomes an ASGI task."""
        HttpToolsProtocol.on_headers_complete(self)

    def cancel_keep_alive(self) -> None:
        self._unset_keepalive_if_required()

    def uvicorn_keep_alive_armed(self) -> bool:
        return self.timeout_keep_alive_task is not None

    def app_is_answering(self) -> bool:
        """A request went to the app and its response is not complete."""
        return self.cycle is not None and not self.cycle.response_complete

    def close_after_response(self) -> None:
        """The app's response to the current request ends the connection."""
        self.cycle.keep_alive = False

    def abandon_app_request(self) -> bool:
        """Drop what the app would still send for its request (as uvicorn does when a client
        leaves); True when nothing of its response was written yet."""
        cycle = self.cycle
        if cycle is None or cycle.response_complete:
            return True
        cycle.disconnected = True
        cycle.message_event.set()
        return not cycle.response_started

    def count_request(self) -> None:
        self.server_state.total_requests += 1

    def default_headers(self) -> list[tuple[bytes, bytes]]:
        """uvicorn's default headers (the Date); a new list whenever the Date changes."""
        return self.server_state.default_headers


# Per protocol class: the config and server state of the last server that made one, and the
# attributes of its first protocol.
_MADE: dict[type, tuple[Config, ServerState, dict[str, Any]]] = {}


def _local_address(info: Any) -> tuple[str, int | None] | None:
    """As uvicorn's get_local_addr: (host, port), or (path, None) for a Unix socket."""
    if isinstance(info, (tuple, list)) and len(info) >= 2:
        return (str(info[0]), int(info[1]))
    return (info, None) if isinstance(info, str) else None


def _remote_address(info: Any) -> tuple[str, int] | None:
    """As uvicorn's get_remote_addr: (host, port) (IPv6's flow and scope dropped), or None."""
    if isinstance(info, (tuple, list)) and len(info) >= 2:
        return (str(info[0]), int(info[1]))
    return None
