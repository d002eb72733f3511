"""What one connection may send the office, and for how long, held in the HTTP protocol.

The status pages are public (any phone that scans a receipt's QR) and the intake takes
kiosks' bodies; without a proxy in front, one connection sending headers without end once
took `office serve` from 63 to 380 MB, and silent connections stayed open for ever. So,
before a request reaches the status pages answered from the parser or the app:

- the request line and headers are counted as their bytes arrive (httptools keeps an
  unfinished header in memory, so its callbacks come too late to count them); past
  `max_header_kib` the answer is 431 and the connection is closed;
- a body is counted as it arrives; past twice the largest body any route reads, 413 and
  closed (each route's own limit, which names itself in its answer, comes first);
- a request line and headers must arrive within `header_timeout_s` of the connection or
  of the request's first byte, a body within `body_timeout_s` of its headers; a late
  connection is closed by one sweep per event loop (not a timer per connection).

No limit per client address: in production a TLS proxy is the one client (docs/office.md).
"""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass
from typing import Any

from office.settings import OfficeSettings
from office.uvicorn_parts import UvicornProtocol

# The heartbeat route reads up to 64 KiB, whatever the intake's limit is.
LARGEST_FIXED_BODY = 64 * 1024


@dataclass(frozen=True)
class RequestLimits:
    head_bytes: int
    body_bytes: int
    header_timeout_s: float
    body_timeout_s: float

    @classmethod
    def of(cls, settings: OfficeSettings) -> RequestLimits:
        """From OfficeSettings: the body cap twice the largest body a route reads."""
        largest = max(settings.max_body_kib * 1024, LARGEST_FIXED_BODY)
        return cls(settings.max_header_kib * 1024, 2 * largest,
                   float(settings.header_timeout_s), float(settings.body_timeout_s))  # fmt: skip

    def sweep_every(self) -> float:
        """A quarter of the shorter timeout, at most a second."""
        return min(1.0, self.header_timeout_s / 4, self.body_timeout_s / 4)


def _plain(status: bytes, text: bytes) -> bytes:
    return (b"HTTP/1.1 %s\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\n"
            b"connection: close\r\n\r\n%s" % (status, len(text), text))  # fmt: skip


HEAD_TOO_LARGE = _plain(b"431 Request Header Fields Too Large", b"Request header too large.\n")
BODY_TOO_LARGE = _plain(b"413 Content Too Large", b"Request body too large.\n")


class DeadlineSweep:
    """The open connections of one event loop, asked every `every` seconds if late."""

    def __init__(self, loop: asyncio.AbstractEventLoop, every: float) -> None:
        self._loop = loop
        self._every = every
        self._open: set[GuardedProtocol] = set()
        self._timer: asyncio.TimerHandle | None = None

    def watch(self, connection: GuardedProtocol) -> None:
        self._open.add(connection)
        if self._timer is None:
            self._timer = self._loop.call_later(self._every, self._sweep)

    def forget(self, connection: GuardedProtocol) -> None:
        self._open.discard(connection)

    def _sweep(self) -> None:
        self._timer = self._loop.call_later(self._every, self._sweep) if self._open else None
        now = self._loop.time()
        for connection in list(self._open):
            connection.close_if_late(now)


_SWEEPS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, DeadlineSweep] = (
    weakref.WeakKeyDictionary()
)


def sweep_of(loop: asyncio.AbstractEventLoop, limits: RequestLimits) -> DeadlineSweep:
    sweep = _SWEEPS.get(loop)
    if sweep is None:
        sweep = _SWEEPS[loop] = DeadlineSweep(loop, limits.sweep_every())
    return sweep


class GuardedProtocol(UvicornProtocol):
    """uvicorn's httptools protocol held to `LIMITS` (serve.py sets them from the settings).

    Subclasses route a request in `route_request` (default: to the app, as uvicorn does)
    and set `answered_here` when they answered it themselves, so its body and end are not
    the app's.
    """

    LIMITS = RequestLimits.of(OfficeSettings())  # the settings' defaults

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.answered_here = False
        self._last_data_at = 0.0
        self._in_head = True
        self._head_started: float | None = None
        self._head_bytes = 0
        self._heads_done = 0
        self._body_started = 0.0
        self._body_bytes = 0
        self._sweep: DeadlineSweep | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._last_data_at = self._head_started = self.loop.time()
        self._sweep = sweep_of(self.loop, self.LIMITS)
        self._sweep.watch(self)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._sweep is not None:
            self._sweep.forget(self)
            self._sweep = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        self._last_data_at = now = self.loop.time()
        if not self._in_head:
            super().data_received(data)
            return
        if self._head_started is None:
            self._head_started = now
        room = self.LIMITS.head_bytes - self._head_bytes
        if len(data) <= room:
            self._head_bytes += len(data)
            super().data_received(data)
            return
        self._head_bytes = self.LIMITS.head_bytes
        heads_before = self._heads_done
        super().data_received(data[:room])
        if self.transport.is_closing():
            return  # uvicorn refused it (400)
        if self._heads_done == heads_before:
            self._refuse(HEAD_TOO_LARGE)
            return
        # The head ended within the limit; the rest is its body or the next request (a
        # pipelined head in the same read is counted from the next read on).
        super().data_received(data[room:])

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._heads_done += 1
        self._body_started = self._last_data_at
        self._body_bytes = 0
        if self._declared_body() > self.LIMITS.body_bytes:
            self._refuse(BODY_TOO_LARGE)
            self.answered_here = True
            return
        self.route_request()

    def route_request(self) -> None:
        super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        self._body_bytes += len(body)
        if self._body_bytes > self.LIMITS.body_bytes:
            self._refuse(BODY_TOO_LARGE)
        elif not self.answered_here:
            super().on_body(body)

    def on_message_complete(self) -> None:
        self._in_head = True
        self._head_started = None
        self._head_bytes = 0
        if self.answered_here:
            self.answered_here = False
            return
        super().on_message_complete()

    def _declared_body(self) -> int:
        for name, value in self.headers:
            if name == b"content-length":
                return int(value) if value.isdigit() else 0  # httptools refuses the rest
        return 0

    def _refuse(self, answer: bytes) -> None:
        """Answer, unless a response is under way, and close; the app's request ends."""
        if self.transport.is_closing():
            return
        if answer and not self.response_under_way():
            self.transport.write(answer)
        self.end_app_request()
        self.transport.close()

    def close_if_late(self, now: float) -> None:
        """Close the connection when its head or body is late (the sweep asks)."""
        if self.transport.is_closing():
            return
        if self._in_head:
            started, limit = self._head_started, self.LIMITS.header_timeout_s
            if started is None or self.app_is_answering():
                return  # between requests (keep-alive), or a head waiting for an answer
        else:
            started, limit = self._body_started, self.LIMITS.body_timeout_s
        if now - started >= limit:
            self._refuse(b"")


def limited(limits: RequestLimits, protocol: type[GuardedProtocol]) -> type[GuardedProtocol]:
    """`protocol` held to `limits` (uvicorn takes a class, and makes one per connection)."""
    return type(protocol.__name__, (protocol,), {"LIMITS": limits})
