"""The HTTP server of the loopback peers: its request threads end with it, quietly.

socketserver prints a request's exception to sys.stderr, and sys.stderr is whatever test
runs at that moment: a peer answering late to a client that gave up (the timeouts the
tests provoke) wrote its traceback into the captured stderr of a later test, which
compares what a command printed there. Here a client that hung up is no error, and a
server whose requests are short waits for them when it closes, so none outlives its test.
"""

from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CLIENT_GONE = (BrokenPipeError, ConnectionResetError)


class PeerHttpServer(ThreadingHTTPServer):
    def __init__(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], join: bool
    ) -> None:
        """`join`: `server_close()` waits for the request threads (one request per
        connection, no wait longer than the server's own delays, which end on its stop)."""
        self.daemon_threads = not join
        self.block_on_close = join
        super().__init__(address, handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exception(), CLIENT_GONE):
            return  # the client stopped waiting, as the test meant it to
        super().handle_error(request, client_address)
