"""Which cases changed what a resident may see, as every process sharing the register
learns it: the status answer cache (status_cache.py) forgets those before each use.

Both come from triggers of migration 0007, so every writer is covered (a clerk's move, the
retention purge, a statement typed in psql). On PostgreSQL each change is a NOTIFY on
`office_status` with the case's code; one thread per process LISTENs on a connection of its
own and numbers what it hears. When that connection drops, notices may have been missed:
the watch answers "anything may have changed" and "not trusted" until it listens again.
On SQLite a trigger counts changes in a one-row table, read at each look (a few
microseconds): any change forgets everything, as changes are rare beside lookups.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import deque
from pathlib import Path
from typing import Any, Protocol

import psycopg

CHANNEL = "office_status"
POLL_S = 0.5
RETRY_S = (0.5, 1.0, 2.0, 5.0)
KEPT_NOTICES = 10_000  # a reader further behind than this forgets everything
log = logging.getLogger("office.status")
# (position now, the codes changed after the position asked about or None for "anything",
# whether the answer can be trusted at all)
Changes = tuple[int, frozenset[str] | None, bool]


class StatusWatch(Protocol):
    def changed_since(self, seen: int) -> Changes: ...

    def close(self) -> None: ...


class SqliteStatusWatch:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def changed_since(self, seen: int) -> Changes:
        try:
            with self._lock:
                if self._db is None:
                    # Its own connection, so a look never waits for a filing's commit.
                    self._db = sqlite3.connect(self._path, timeout=0.1, check_same_thread=False)
                (stamp,) = self._db.execute("SELECT stamp FROM status_changes").fetchone()
        except sqlite3.Error as exc:
            log.warning("status changes unknown (%s): answering from the register", exc)
            return seen, None, False
        return int(stamp), (frozenset() if stamp == seen else None), True

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class PostgresStatusWatch:
    """Starts listening at the first look (commands that never look never connect)."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._notices: deque[tuple[int, str | None]] = deque(maxlen=KEPT_NOTICES)
        self._position = 0
        self._listening = False
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def changed_since(self, seen: int) -> Changes:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="status-listener", daemon=True
                )
                self._thread.start()
            if not self._listening:
                return self._position, None, False
            if seen == self._position:
                return seen, frozenset(), True
            oldest = self._notices[0][0] if self._notices else self._position + 1
            news = [code for at, code in self._notices if at > seen]
            if seen < oldest - 1 or None in news:
                return self._position, None, True
            return self._position, frozenset(code for code in news if code), True

    def close(self) -> None:
        self._stopping.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout=POLL_S * 4)

    def _heard(self, code: str | None, listening: bool) -> None:
        with self._lock:
            self._position += 1
            self._notices.append((self._position, code))
            self._listening = listening

    def _run(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                self._listen()
                failures = 0
            except psycopg.Error as exc:
                self._heard(None, listening=False)  # what happens while away is unknown
                pause = RETRY_S[min(failures, len(RETRY_S) - 1)]
                failures += 1
                log.warning("status notices lost (%s); listening again in %g s",
                            type(exc).__name__, pause)  # fmt: skip
                self._stopping.wait(pause)

    def _listen(self) -> None:
        db: psycopg.Connection[Any]
        # Keepalives: a connection cut without a word is noticed within half a minute.
        with psycopg.connect(
            self._url, autocommit=True, connect_timeout=5,
            keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=3,
        ) as db:  # fmt: skip
            db.execute(f"LISTEN {CHANNEL}")
            self._heard(None, listening=True)  # changes made before LISTEN took hold
            while not self._stopping.is_set():
                for notice in db.notifies(timeout=POLL_S):
                    self._heard(notice.payload, listening=True)
        with self._lock:
            self._listening = False
