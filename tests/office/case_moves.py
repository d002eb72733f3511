"""A clerk's move of a case, written straight into the register's tables.

The clerks' pages (another branch) own the store's transitions; these tests only need a
case in another state with a message, as those pages leave it in the database.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

import psycopg

from office.settings import OfficeSettings
from office.store import CaseState


def move_case(
    settings: OfficeSettings, code: str, state: CaseState, at: dt.datetime, message: str = ""
) -> None:
    if settings.database_url:
        with psycopg.connect(settings.database_url) as pg, pg.transaction():
            pg.execute("UPDATE cases SET state = %s WHERE code = %s", (state, code))
            pg.execute(
                "INSERT INTO case_history (case_id, state, changed_at, actor, message)"
                " SELECT id, %s, %s, 'clerk:test', %s FROM cases WHERE code = %s",
                (state, at, message, code),
            )
        return
    with closing(sqlite3.connect(settings.sqlite_file(), isolation_level=None)) as db:
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE cases SET state = ? WHERE code = ?", (state, code))
        db.execute(
            "INSERT INTO case_history (case_id, state, changed_at, actor, message)"
            " SELECT id, ?, ?, 'clerk:test', ? FROM cases WHERE code = ?",
            (state, at.astimezone(dt.UTC).isoformat(timespec="microseconds"), message, code),
        )
        db.execute("COMMIT")
