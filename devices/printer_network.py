"""A network receipt printer: raw ESC/POS over TCP, port 9100 ("JetDirect").

One connection per job or status check: many printers take only one client at a time,
and a connection kept open across a power cut of the printer goes stale unnoticed.
"""

from __future__ import annotations

import socket
from typing import Unpack

from devices.printer_base import EscposOptions, EscposPrinter, PrinterError
from devices.printer_status import PrinterStatus, request


class NetworkPrinter(EscposPrinter):
    kind = "network"

    def __init__(self, host: str, port: int = 9100, **options: Unpack[EscposOptions]) -> None:
        super().__init__(**options)
        self.host, self.port = host, port

    @property
    def name(self) -> str:
        return f"network printer {self.host}:{self.port}"

    def _connect(self) -> TcpConnection:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout_s)
        except OSError as exc:
            raise PrinterError(
                PrinterStatus.OFFLINE,
                f"{self.name} cannot be reached ({exc}): check that it is on, its cable, "
                "and its IP address in the config",
            ) from exc
        return TcpConnection(sock, self.timeout_s, self.status_timeout_s)


class TcpConnection:
    def __init__(self, sock: socket.socket, timeout_s: float, status_timeout_s: float) -> None:
        self._sock = sock
        self._timeout_s, self._status_timeout_s = timeout_s, status_timeout_s

    def write(self, data: bytes) -> None:
        self._sock.settimeout(self._timeout_s)
        self._sock.sendall(data)

    def ask(self, n: int) -> int | None:
        self._drain()
        self._sock.settimeout(self._timeout_s)
        self._sock.sendall(request(n))
        self._sock.settimeout(self._status_timeout_s)
        try:
            reply = self._sock.recv(1)
        except TimeoutError:
            return None
        return reply[0] if reply else None  # b"": the printer closed the connection

    def close(self) -> None:
        # Unread bytes at close() make the kernel reset the connection, which can drop
        # the end of a job still in the send buffer; read them first, then end cleanly.
        try:
            self._drain()
            self._sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self._sock.close()

    def _drain(self) -> None:
        """Discard anything the printer sent unasked (automatic status messages)."""
        self._sock.setblocking(False)
        try:
            while self._sock.recv(256):
                pass
        except BlockingIOError:
            pass
        finally:
            self._sock.setblocking(True)
