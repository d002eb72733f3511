"""Opening the outbox file durably, and turning SQLite's write failures into one known error."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from offline_cache.migrations import SchemaTooNewError, migrate
from offline_cache.outbox_schema import OUTBOX_MIGRATIONS


class OutboxWriteError(RuntimeError):
    """The outbox file could not be written (disk full, read-only, I/O error).

    Nothing of the attempted change was written. For an enqueue this means the
    application was NOT saved: tell the resident, print nothing.
    """


_REASONS = (
    ("full", "the disk is full"),
    ("readonly", "the outbox file is read-only"),
    ("read-only", "the outbox file is read-only"),
    ("disk i/o", "the disk could not be written (I/O error)"),
    ("locked", "the outbox is locked by another process"),
    ("unable to open", "the outbox file cannot be opened"),
)


def reason_of(exc: BaseException) -> str:
    """A short technician's reason for a failed write."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    text = str(exc).lower()
    for marker, reason in _REASONS:
        if marker in text:
            return reason
    return str(exc) or type(exc).__name__


def open_outbox_file(path: Path) -> sqlite3.Connection:
    """Connect in WAL mode with synchronous=FULL, secure_delete on, schema up to date.

    The file is created private (0600): it holds residents' personal data. SQLite gives
    its -wal and -shm files the same permissions.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise OutboxWriteError(f"{path}: cannot open the outbox: {reason_of(exc)}") from exc
    try:
        conn.row_factory = sqlite3.Row
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal":
            raise OutboxWriteError(f"{path}: the file system does not allow WAL mode ({mode})")
        # FULL: a commit is on the disk when it returns, even across a power cut.
        conn.execute("PRAGMA synchronous = FULL")
        # Purged answers are overwritten with zeros, not left in free pages.
        conn.execute("PRAGMA secure_delete = ON")
        migrate(conn, OUTBOX_MIGRATIONS)
    except SchemaTooNewError as exc:
        conn.close()
        raise OutboxWriteError(f"{path}: {exc}; upgrade Infomat before using it") from exc
    except sqlite3.Error as exc:
        conn.close()
        raise OutboxWriteError(f"{path}: cannot open the outbox: {reason_of(exc)}") from exc
    return conn


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or a rollback; failures re-raised as they are."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        raise
