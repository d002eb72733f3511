"""A real HTTP server on loopback that serves catalogue bundles, good and broken.

It answers conditional GETs like a static web server (ETag, Last-Modified, 304) and can
be told to misbehave: a status code, a truncated body, a slow answer.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler

from tests.peers.http_peer import CLIENT_GONE, PeerHttpServer


@dataclass
class Served:
    body: bytes
    status: int = 200
    truncate_to: int | None = None  # send only this many bytes of a longer declared body
    delay_s: float = 0.0
    drip_s: float = 0.0  # pause between bytes of the body: a server that never quite stalls
    etag: str = ""
    last_modified: str = field(default_factory=lambda: formatdate(time.time(), usegmt=True))

    def __post_init__(self) -> None:
        self.etag = self.etag or '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


class CatalogueServer:
    def __init__(self) -> None:
        self.files: dict[str, Served] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._stopping = threading.Event()  # a slow answer ends at once when the server stops
        self._httpd = PeerHttpServer(("127.0.0.1", 0), self._handler_class(), join=True)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def publish(self, path: str, body: bytes, **options: object) -> None:
        self.files[path] = Served(body, **options)  # type: ignore[arg-type]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers.items())))
                served = server.files.get(self.path)
                if served is None:
                    self._reply(404, b"not found")
                    return
                if server._stopping.wait(served.delay_s):
                    return  # stopped while making the client wait: it has gone
                if served.status != 200:
                    self._reply(served.status, b"error")
                    return
                if self.headers.get("If-None-Match") == served.etag:
                    self.send_response(304)
                    self.send_header("ETag", served.etag)
                    self.end_headers()
                    return
                self._send_body(served)

            def _send_body(self, served: Served) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(served.body)))
                self.send_header("ETag", served.etag)
                self.send_header("Last-Modified", served.last_modified)
                self.end_headers()
                body = (
                    served.body if served.truncate_to is None else served.body[: served.truncate_to]
                )
                if served.drip_s:
                    self._drip(body, served.drip_s)
                else:
                    self.wfile.write(body)
                if served.truncate_to is not None:
                    self.close_connection = True

            def _drip(self, body: bytes, pause_s: float) -> None:
                try:
                    for i in range(len(body)):
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                        if server._stopping.wait(pause_s):
                            return
                except CLIENT_GONE:
                    return  # the client gave up, as it should

            def _reply(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the test reads `server.requests` instead."""

        return Handler
