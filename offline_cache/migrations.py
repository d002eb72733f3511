"""Ordered schema migrations for our SQLite files, recorded in PRAGMA user_version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    summary: str
    apply: Callable[[sqlite3.Connection], None]


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer Infomat; we must not touch it."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, steps: Sequence[Migration]) -> int:
    """Apply every step newer than the file's version, each in its own transaction."""
    versions = [step.version for step in steps]
    if versions != sorted(set(versions)) or (versions and versions[0] < 1):
        raise ValueError("migration versions must be unique, ascending and start at 1 or more")
    current = schema_version(conn)
    latest = versions[-1] if versions else 0
    if current > latest:
        raise SchemaTooNewError(f"schema version {current} is newer than this program ({latest})")
    for step in steps:
        if step.version > current:
            _apply(conn, step)
    return schema_version(conn)


def _apply(conn: sqlite3.Connection, step: Migration) -> None:
    """One step and its version bump commit together or not at all (DDL included)."""
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        step.apply(conn)
        # PRAGMA takes no parameters; the value is an int we own.
        conn.execute(f"PRAGMA user_version = {int(step.version)}")
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
