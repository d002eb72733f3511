"""How the status page reads a case from the register without holding up the event loop more
than a lookup costs.

A worker thread per lookup (Starlette's run_in_threadpool) cost more than the SQLite
query itself: the hop, the wake-up and the answer's way back. So on SQLite the page reads
on the event loop itself, from a connection of its own that only reads: in WAL mode a
reader never waits for a writer (a clerk's move, a filing's fsync), and each statement
sees the newest commit. Should it ever be told to wait (SQLITE_BUSY: a recovery after a
crash), it gives the lookup to a worker thread on the store's own connection, which waits
up to the store timeout, rather than stopping the loop. On PostgreSQL a lookup is a
network round trip, which the loop must not wait for: the lookups of concurrent requests
go to a thread of their own, which asks for them together (BatchedStatusReader).

`status_now` is the lookup without any waiting, for an answer given straight from the
HTTP parser (status_http.py): SQLite's read-only connection answers it; a reader that would
have to wait (a round trip, a worker thread, SQLite busy) raises ReadLater, and the request
goes the app's way, which waits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from starlette.concurrency import run_in_threadpool

from office.fleet_rows import status_from_steps
from office.status_records import CaseStatusRecord
from office.store import StoreError

log = logging.getLogger("office.status")
Lookup = Callable[[str], CaseStatusRecord | None]


class ReadLater(Exception):
    """This reader cannot answer without waiting: ask `status_of`."""


class StatusReader(Protocol):
    async def status_of(self, code: str) -> CaseStatusRecord | None:
        """What a resident may see of the case, or None; raises StoreError."""
        ...

    def status_now(self, code: str) -> CaseStatusRecord | None:
        """As status_of, on the calling thread and without waiting; raises ReadLater."""
        ...

    def close(self) -> None: ...


class ThreadedStatusReader:
    """`lookup` (the store's own, blocking) in a worker thread."""

    def __init__(self, lookup: Lookup) -> None:
        self._lookup = lookup

    async def status_of(self, code: str) -> CaseStatusRecord | None:
        return await run_in_threadpool(self._lookup, code)

    def status_now(self, code: str) -> CaseStatusRecord | None:
        raise ReadLater

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
        """The waiting way, asked after status_now said ReadLater (StatusDesk.answer): the
        store's lookup in a worker thread, which waits up to the store's timeout."""
        return await self._fallback.status_of(code)

    def status_now(self, code: str) -> CaseStatusRecord | None:
        try:
            with self._lock:
                rows = self._connection().execute(self._statement, (code,)).fetchall()
        except sqlite3.Error as exc:
            log.info("status of a case read in a worker thread (%s)", exc)
            self.close()
            raise ReadLater from exc
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


class BatchedStatusReader:
    """The lookups of requests waiting together, in one statement on a thread of its own.

    A PostgreSQL lookup is a round trip (~0.1-0.2 ms with the server on the same two
    cores), which a worker thread per request paid each time, with its hop and wake-up.
    Here every lookup asked while the previous statement ran goes into the next one
    (`WHERE code = ANY(...)`): under load one round trip answers many requests, and an
    idle office answers one as soon as it is asked. Each request's loop gets its answer
    through `call_soon_threadsafe`.
    """

    def __init__(self, lookup_many: Callable[[list[str]], dict[str, CaseStatusRecord]]) -> None:
        self._lookup_many = lookup_many
        self._waiting: list[_Waiter] = []
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None

    async def status_of(self, code: str) -> CaseStatusRecord | None:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[CaseStatusRecord | None] = loop.create_future()
        with self._lock:
            if self._stopping:
                raise StoreError("the case register is closed")
            self._waiting.append(_Waiter(code, future, loop))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="status-reads", daemon=True)
                self._thread.start()
        self._wake.set()
        return await future

    def status_now(self, code: str) -> CaseStatusRecord | None:
        raise ReadLater  # a round trip to the server

    def close(self) -> None:
        with self._lock:
            self._stopping = True
            thread = self._thread
        self._wake.set()
        if thread is not None:
            thread.join(timeout=10)

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            with self._lock:
                batch, self._waiting = self._waiting, []
                stopping = self._stopping
            if batch:
                self._answer(batch)
            if stopping:
                return

    def _answer(self, batch: list[_Waiter]) -> None:
        found: dict[str, CaseStatusRecord] = {}
        error: StoreError | None = None
        try:
            found = self._lookup_many(sorted({waiter.code for waiter in batch}))
        except StoreError as exc:
            error = exc
        except Exception as exc:  # a bug: its requests answer 503, later ones still go
            log.exception("status lookups failed")
            error = StoreError(f"status lookups failed ({type(exc).__name__})")
        by_loop: dict[asyncio.AbstractEventLoop, list[_Waiter]] = {}
        for waiter in batch:
            by_loop.setdefault(waiter.loop, []).append(waiter)
        for loop, waiters in by_loop.items():
            with contextlib.suppress(RuntimeError):  # that loop was closed: nobody waits
                loop.call_soon_threadsafe(_settle, waiters, found, error)


@dataclass(frozen=True)
class _Waiter:
    code: str
    future: asyncio.Future[CaseStatusRecord | None]
    loop: asyncio.AbstractEventLoop


def _settle(
    waiters: list[_Waiter], found: dict[str, CaseStatusRecord], error: StoreError | None
) -> None:
    for waiter in waiters:
        if waiter.future.done():
            continue  # the request was cancelled (its client went away)
        if error is not None:
            waiter.future.set_exception(error)
        else:
            waiter.future.set_result(found.get(waiter.code))
