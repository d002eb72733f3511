"""A real HTTP intake of an office on loopback, for the outbox tests and benchmark.

It behaves like a careful office: it records every request, files each application once
per Idempotency-Key (a repeat gets the same case number back, 200 instead of 201), and it
can be told how to answer the next requests:
    201        accept (the default once the script is used up)
    500, 409, 400, 503...   answer that status without filing anything
    "hang"     never answer (until stopped): the kiosk's timeout must fire
    "hold"     file the application, then wait for `release()` before answering: the
               kiosk can be killed after the office has it and before it hears so
    "no-case"  file it and answer 201 with an empty body
It can also go down (close its port) and come back on the same port.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.peers.http_peer import CLIENT_GONE, PeerHttpServer

Answer = int | str


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class IntakeServer:
    def __init__(self, port: int = 0) -> None:
        self.received: list[Received] = []
        self.applications: dict[str, str] = {}  # Idempotency-Key -> case number
        self.answers: deque[Answer] = deque()
        self.hold_reached = threading.Event()
        self._released = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._port = port
        self._httpd: PeerHttpServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}/wnioski"

    def script(self, *answers: Answer) -> None:
        self.answers.extend(answers)

    def release(self) -> None:
        self._released.set()

    def start(self) -> None:
        self._stopping.clear()
        # Not joined at stop: a kept-alive connection's thread ends when its client closes it.
        httpd = PeerHttpServer(("127.0.0.1", self._port), self._handler_class(), join=False)
        self._port = httpd.server_address[1]
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Close the port (connections are refused until `start` again)."""
        self._stopping.set()
        self._released.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def _next_answer(self) -> Answer:
        with self._lock:
            return self.answers.popleft() if self.answers else 201

    def _file(self, key: str) -> tuple[int, str]:
        """File the application once per key: (status, case number)."""
        with self._lock:
            if key in self.applications:
                return 200, self.applications[key]
            case = f"UM-2026/{len(self.applications) + 1:05d}"
            self.applications[key] = case
            return 201, case

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Buffered: headers and body leave in one segment. Unbuffered (the default),
            # they go in two and the kiosk's delayed ACK adds ~40 ms to every answer.
            wbufsize = 1 << 16

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                body = json.loads(raw)
                headers = dict(self.headers.items())
                with server._lock:
                    server.received.append(Received(self.path, headers, body))
                answer = server._next_answer()
                key = self.headers.get("Idempotency-Key", "")
                if answer == "hang":
                    server._stopping.wait(60)
                    self.close_connection = True
                    return
                if isinstance(answer, int) and answer != 201:
                    self._reply(answer, {"error": f"scripted {answer}"})
                    return
                status, case = server._file(key)
                if answer == "hold":
                    server.hold_reached.set()
                    server._released.wait(60)
                if answer == "no-case":
                    self._reply(status, None)
                    return
                self._reply(status, {"case_number": case})

            def _reply(self, status: int, payload: dict[str, str] | None) -> None:
                data = b"" if payload is None else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    self.wfile.flush()
                except CLIENT_GONE:
                    self.close_connection = True  # the kiosk is gone (killed)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the tests read `received` and `applications`."""

        return Handler
