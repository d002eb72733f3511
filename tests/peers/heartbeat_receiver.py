"""A real HTTP server on loopback that receives heartbeats and checks them as a receiver must.

It knows the public keys it accepts, verifies the Ed25519 signature over the exact bytes it
received before parsing them, and keeps what it accepted. It can be told to answer with an
error status or to never answer in time.
"""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from tests.peers.http_peer import PeerHttpServer


class HeartbeatReceiver:
    def __init__(self, accepted_keys: set[str]) -> None:
        self.accepted_keys = accepted_keys
        self.accepted: list[dict[str, Any]] = []
        self.refused: list[str] = []
        self.threads: list[str] = []
        self.status = 204
        self.delay_s = 0.0
        self.arrived = threading.Event()
        self._stopping = threading.Event()  # a slow answer ends at once when the receiver stops
        self._httpd = PeerHttpServer(("127.0.0.1", 0), self._handler_class(), join=True)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/heartbeat"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def check(self, body: bytes, key: str, signature: str) -> str:
        """Why the heartbeat is refused, or "" when it is good."""
        if key not in self.accepted_keys:
            return "unknown key"
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key))
        try:
            public.verify(base64.b64decode(signature), body)
        except InvalidSignature:
            return "bad signature"
        return ""

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if receiver._stopping.wait(receiver.delay_s):
                    return  # stopped while the kiosk waited: it has gone
                reason = receiver.check(
                    body,
                    self.headers.get("X-Infomat-Public-Key", ""),
                    self.headers.get("X-Infomat-Signature", ""),
                )
                if reason:
                    receiver.refused.append(reason)
                    self._reply(403)
                    return
                receiver.accepted.append(json.loads(body))
                receiver.arrived.set()
                self._reply(receiver.status)

            def _reply(self, status: int) -> None:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
