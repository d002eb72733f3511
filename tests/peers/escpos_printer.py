"""A network receipt printer on loopback: a real TCP server standing in for port 9100.

It answers the DLE EOT n status requests that open a connection with the bytes it was
given (or stays silent, or hangs up, or answers nonsense), then records everything else
on that connection as the print job.
"""

from __future__ import annotations

import os
import select
import socket
import threading
import tty
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

Behaviour = Literal["answer", "silent", "close", "garbage"]

# Reply bytes for DLE EOT 1..4 (printer, offline cause, error cause, paper sensor); the
# fixed bits 0x12 are set in every one of them, as on a real printer.
READY = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}
PAPER_NEAR_END = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E}
PAPER_OUT = {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x72}
COVER_OPEN = {1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12}
OFFLINE = {1: 0x1A, 2: 0x12, 3: 0x12, 4: 0x12}
CUTTER_ERROR = {1: 0x1A, 2: 0x52, 3: 0x1A, 4: 0x12}


class FakeNetworkPrinter:
    def __init__(self, replies: dict[int, int], behaviour: Behaviour = "answer") -> None:
        self.replies = replies
        self.behaviour = behaviour
        self.jobs: list[bytes] = []
        self.requests: list[int] = []
        self._lock = threading.Condition()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._server.getsockname()[1]
        self._server.settimeout(0.05)  # accept() wakes up to notice stop()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._server.close()

    def wait_for_job(self, timeout_s: float = 5.0, number: int = 1) -> bytes:
        """The `number`th complete job (the first by default), once the client has sent it
        and hung up."""
        with self._lock:
            if not self._lock.wait_for(lambda: len(self.jobs) >= number, timeout_s):
                raise AssertionError(f"print job {number} did not arrive within {timeout_s} s")
            return self.jobs[number - 1]

    def _serve(self) -> None:
        workers = []
        while not self._stopping.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            worker = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            worker.start()
            workers.append(worker)
        for worker in workers:
            worker.join(timeout=5)

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            job = self._answer_requests(conn)
            if job is not None:
                job += _read_all(conn)
                with self._lock:
                    if job:
                        self.jobs.append(job)
                        self._lock.notify_all()

    def _answer_requests(self, conn: socket.socket) -> bytes | None:
        """Answers status requests until other bytes come; returns those (the job's start)."""
        buffer = b""
        while True:
            chunk = conn.recv(4096)
            if not chunk:
                return buffer
            buffer += chunk
            while len(buffer) >= 3 and buffer[:2] == b"\x10\x04":
                request, buffer = buffer[2], buffer[3:]
                with self._lock:
                    self.requests.append(request)
                if self.behaviour == "close":
                    return None
                if self.behaviour == "answer":
                    conn.sendall(bytes([self.replies[request]]))
                elif self.behaviour == "garbage":
                    conn.sendall(b"\xff")
            partial_request = len(buffer) < 3 and b"\x10\x04".startswith(buffer)
            if buffer and not partial_request:
                return buffer


def _read_all(conn: socket.socket) -> bytes:
    parts = []
    while chunk := conn.recv(65536):
        parts.append(chunk)
    return b"".join(parts)


@contextmanager
def network_printer(
    replies: dict[int, int] = READY, behaviour: Behaviour = "answer"
) -> Iterator[FakeNetworkPrinter]:
    printer = FakeNetworkPrinter(replies, behaviour)
    printer.start()
    try:
        yield printer
    finally:
        printer.stop()


class PtyPrinter:
    """A printer behind a character device: the far end of a pseudo-terminal in raw mode.

    The kiosk opens `path` like /dev/usb/lp0 or a serial port; this side records every
    byte and answers each DLE EOT n wherever it appears, as a printer's real-time
    command handling does.
    """

    def __init__(self, replies: dict[int, int] | None) -> None:
        self.replies = replies  # None: a printer that never answers
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo, no newline translation: bytes pass unchanged
        self.path = os.ttyname(self._slave)
        self.received = bytearray()
        self._scanned = 0
        self._stopping = threading.Event()
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def wait_for(self, ending: bytes, timeout_s: float = 5.0) -> bytes:
        with self._changed:
            if not self._changed.wait_for(lambda: self.received.endswith(ending), timeout_s):
                raise AssertionError(f"the printer did not receive {ending!r} in {timeout_s} s")
            return bytes(self.received)

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        os.close(self.master)
        os.close(self._slave)

    def _run(self) -> None:
        while not self._stopping.is_set():
            readable, _, _ = select.select([self.master], [], [], 0.02)
            if not readable:
                continue
            data = os.read(self.master, 4096)
            with self._changed:
                self.received += data
                self._answer_requests()
                self._changed.notify_all()

    def _answer_requests(self) -> None:
        while (found := self.received.find(b"\x10\x04", self._scanned)) != -1:
            if found + 2 >= len(self.received):
                return  # the request's last byte is still on its way
            self._scanned = found + 3
            if self.replies is not None:
                os.write(self.master, bytes([self.replies[self.received[found + 2]]]))
