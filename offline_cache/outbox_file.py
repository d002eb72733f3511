"""Opening the outbox file durably, and turning SQLite's write failures into one known error."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from offline_cache.migrations import SchemaTooNewError, migrate, schema_version
from offline_cache.outbox_schema import OUTBOX_MIGRATIONS


class OutboxWriteError(RuntimeError):
    """The outbox file could not be written (disk full, read-only, I/O error).

    Nothing of the attempted change was written. For an enqueue this means the
    application was NOT saved: tell the resident, print nothing.
    """


class OutboxReadError(RuntimeError):
    """The outbox file could not be read (locked, unreadable); nothing was changed."""


class OutboxDamagedError(OutboxWriteError, OutboxReadError):
    """The outbox file is not a database, or its pages are garbled: it can be neither
    written nor read, and its message tells the technician what to do."""


_DAMAGE_ADVICE = (
    "stop the kiosk, keep a copy of the file and see 'A damaged outbox' in the technician guide"
)


_REASONS = (
    ("full", "the disk is full"),
    ("readonly", "the outbox file is read-only"),
    ("read-only", "the outbox file is read-only"),
    ("disk i/o", "the disk could not be written (I/O error)"),
    ("locked", "the outbox is locked by another process"),
    ("unable to open", "the outbox file cannot be opened"),
    ("malformed", "the outbox file is damaged"),
    ("not a database", "the outbox file is damaged"),
)


def is_damage(exc: BaseException) -> bool:
    """SQLite's 'file is not a database' or 'database disk image is malformed'."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def damaged(path: Path, exc: BaseException) -> OutboxDamagedError:
    return OutboxDamagedError(f"{path}: the outbox file is damaged ({exc}); {_DAMAGE_ADVICE}")


def read_failure(path: Path, exc: BaseException) -> OutboxReadError:
    """The known error for a failed read: damage, or another reason in a technician's words."""
    if is_damage(exc):
        return damaged(path, exc)
    return OutboxReadError(f"{path}: cannot read the outbox: {reason_of(exc)}")


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
        if is_damage(exc):
            raise damaged(path, exc) from exc
        raise OutboxWriteError(f"{path}: cannot open the outbox: {reason_of(exc)}") from exc
    return conn


def open_outbox_reader(path: Path) -> sqlite3.Connection:
    """Connect read-only, for looking where the file or its folder cannot be written (a
    read-only mount, the kiosk's files seen by another user). Nothing is created or migrated.

    A running kiosk keeps its latest commits in the -wal file, which a read-only connection
    reads too. Without a -wal file (the kiosk closed the outbox) SQLite could still not set
    up its WAL index in a read-only folder, and nothing is waiting outside the main file,
    so the file is read as immutable.
    """
    wal = path.with_name(path.name + "-wal")
    uri = f"{path.resolve().as_uri()}?{'mode=ro' if wal.exists() else 'immutable=1'}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        version = schema_version(conn)
    except sqlite3.Error as exc:
        raise read_failure(path, exc) from exc
    latest = OUTBOX_MIGRATIONS[-1].version
    if version != latest:
        conn.close()
        raise OutboxReadError(
            f"{path}: schema version {version}, this Infomat reads {latest}: "
            "look at it where the data dir is writable"
        )
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
