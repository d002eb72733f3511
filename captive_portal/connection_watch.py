"""One timer per worker for the head and body deadlines of every open connection.

Most phones open a new connection for each probe, so whatever a connection costs is paid
per probe. A timer per connection (with uvloop: a libuv timer made, started, stopped and
closed) was part of that cost; instead every open connection is in one set, and every
`tick` seconds one sweep asks each whether its head or body is late (guarded_http.py's
`check_deadline`). A late connection is closed at most one tick after its deadline.
The sweep stops while no connection is open.
"""

from __future__ import annotations

import asyncio
from typing import Protocol

LONGEST_TICK = 1.0  # seconds


class Watched(Protocol):
    def check_deadline(self, now: float) -> None: ...


def tick_for(header_timeout: float, body_timeout: float) -> float:
    """A quarter of the shorter timeout, at most a second: closed within 25 % of it."""
    return min(LONGEST_TICK, min(header_timeout, body_timeout) / 4)


class ConnectionWatch:
    """The open connections of one worker (its event loop's thread only)."""

    def __init__(self, tick: float) -> None:
        self.tick = tick
        self._open: set[Watched] = set()
        self._timer: asyncio.TimerHandle | None = None

    def add(self, connection: Watched, loop: asyncio.AbstractEventLoop) -> None:
        self._open.add(connection)
        if self._timer is None:
            self._timer = loop.call_later(self.tick, self._sweep, loop)

    def discard(self, connection: Watched) -> None:
        self._open.discard(connection)

    def open_count(self) -> int:
        return len(self._open)

    def _sweep(self, loop: asyncio.AbstractEventLoop) -> None:
        # The next sweep is set first, so that one failing check does not end them all.
        self._timer = loop.call_later(self.tick, self._sweep, loop) if self._open else None
        now = loop.time()
        for connection in list(self._open):  # a closed one leaves the set later, not here
            connection.check_deadline(now)
