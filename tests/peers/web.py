"""Tiny HTTP servers inside a namespace: the upstream web, a portal stub, the FAS stub.

A `Responder` maps (path with query, peer address) to (status, headers, body). The server
socket is made while the thread is inside the namespace, then served from a daemon thread.
Bound to "::" it answers IPv4 too (as ::ffff:a.b.c.d).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.peers.netns import Namespace

Reply = tuple[int, dict[str, str], bytes]
Responder = Callable[[str, str], Reply]


class _DualStackServer(ThreadingHTTPServer):
    address_family = socket.AF_INET6
    daemon_threads = True


class WebServer:
    def __init__(self, ns: Namespace, port: int, respond: Responder, host: str = "::") -> None:
        self.requests: list[tuple[str, str]] = []  # (path, peer address)
        with ns.entered():
            self._httpd = _DualStackServer((host, port), self._handler_class(respond))
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler_class(self, respond: Responder) -> type[BaseHTTPRequestHandler]:
        requests = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                peer = str(self.client_address[0]).removeprefix("::ffff:")
                requests.append((self.path, peer))
                status, headers, body = respond(self.path, peer)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: tests read `requests` instead."""

        return Handler


def fixed(body: bytes, status: int = 200) -> Responder:
    """Always the same answer."""
    return lambda _path, _peer: (status, {"Content-Type": "text/plain; charset=utf-8"}, body)
