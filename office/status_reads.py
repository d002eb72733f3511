"""How the status page reads a case from the register without holding up the event loop more
than a lookup costs.

A worker thread per lookup (Starlette's run_in_threadpool) cost more than the SQLite
query itself: the hop, the wake-up and the answer's way back. So on SQLite the page reads
on the event loop itself, from a connection of its own that only reads: in WAL mode a
reader never waits for a writer (a clerk's move, a filing's fsync), and each statement
sees the newest commit. Should it ever be told to wait (SQLITE_BUSY: a recovery after a
crash), it gives the lookup to a worker thread on the store's own connection, which waits
up to the store timeout, rather than stopping the loop. On PostgreSQL a lookup is a
network round trip, which the loop must not wait for: it stays in a worker thread.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from starlette.concurrency import run_in_threadpool

from office.fleet_rows import status_from_steps
from office.status_records import CaseStatusRecord

log = logging.getLogger("office.status")
Lookup = Callable[[str], CaseStatusRecord | None]


class StatusReader(Protocol):
    async def status_of(self, code: str) -> CaseStatusRecord | None:
        """What a resident may see of the case, or None; raises StoreError."""
        ...

    def close(self) -> None: ...


class ThreadedStatusReader:
    """`lookup` (the store's own, blocking) in a worker thread."""

    def __init__(self, lookup: Lookup) -> None:
        self._lookup = lookup

    async def status_of(self, code: str) -> CaseStatusRecord | None:
        return await run_in_threadpool(self._lookup, code)

    def close(self) -> None:
        pass


class SqliteStatusReader:
    """Reads on the calling thread from its own read-only connection; `fallback` (the
    store's lookup, in a worker thread) when SQLite would have it wait."""

    def __init__(self, path: Path, statement: str, fallback: Lookup) -> None:
        self._path = path
        self._statement = statement
        self._fallback = ThreadedStatusReader(fallback)
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # one process may serve from more than one loop

    async def status_of(self, code: str) -> CaseStatusRecord | None:
        try:
            with self._lock:
                rows = self._connection().execute(self._statement, (code,)).fetchall()
        except sqlite3.Error as exc:
            log.info("status of %s read in a worker thread (%s)", code, exc)
            self.close()
            return await self._fallback.status_of(code)
        return status_from_steps(rows)

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            # timeout=0: SQLITE_BUSY at once instead of waiting on the event loop.
            db = sqlite3.connect(self._path, timeout=0, check_same_thread=False)
            db.execute("PRAGMA query_only=ON")
            self._db = db
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
