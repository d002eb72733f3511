"""SqlDatabase over the SQLite store's one connection and lock (see sql_access.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Literal

from office.sql_access import Row
from office.store import StoreError


def sqlite_value(value: object) -> object:
    """A parameter as SQLite keeps it: times as UTC ISO text with microseconds."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return value


class _SqliteTransaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        return self._db.execute(sql, [sqlite_value(p) for p in params]).fetchall()

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        return self._db.execute(sql, [sqlite_value(p) for p in params]).rowcount


class SqliteDatabase:
    dialect: Literal["sqlite", "postgresql"] = "sqlite"

    def __init__(self, db: sqlite3.Connection, lock: threading.Lock) -> None:
        self._db = db
        self._lock = lock

    @contextmanager
    def reading(self) -> Iterator[_SqliteTransaction]:
        with self._lock:
            try:
                yield _SqliteTransaction(self._db)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot read the case register ({exc})") from exc

    @contextmanager
    def writing(self) -> Iterator[_SqliteTransaction]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write the case register ({exc})") from exc
            try:
                yield _SqliteTransaction(self._db)
            except BaseException as exc:
                self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"cannot write the case register ({exc})") from exc
                raise
            self._db.execute("COMMIT")

    def forget_freed(self) -> None:
        # secure_delete (set at open) zeroes freed pages in the file; the WAL still holds
        # the pages as they were until a checkpoint copies them back and truncates it.
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
