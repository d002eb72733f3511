"""Many cases in the office's register at once, for bench_office's status page runs.

The tables are the office's own (made by its migrations at the first open); the rows are
what the intake would have written: real submission codes, the real document of
tests/office/documents.py (with each case's own code), numbers UM-2026/00001 onwards,
every case with its `received` history and every third moved to `in_progress` with a
message. PostgreSQL gets them by COPY, SQLite by executemany in one transaction; the
history rows are written by the database itself (INSERT ... SELECT).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing

import psycopg

from office.store import case_number
from offline_cache.submission_code import new_code
from tests.office.documents import document

TENANT = "gmina-miasto-lancut"
PREFIX = "UM"
YEAR = 2026
START = dt.datetime(2026, 1, 2, 7, 0, tzinfo=dt.UTC)
COLUMNS = (
    "code, body_sha256, tenant_id, year, number, case_number, kiosk_id, service_id, form_id,"
    " form_version, filed_at, received_at, state, document"
)
MESSAGE = "Odpowiedź wyślemy e-mailem do 20 grudnia."


def unique_codes(count: int) -> list[str]:
    """`count` different submission codes (two random ones rarely match; the set sees to it)."""
    codes: set[str] = set()
    while len(codes) < count:
        codes.update(new_code() for _ in range(count - len(codes)))
    return list(codes)


def case_rows(codes: list[str]) -> Iterator[tuple[object, ...]]:
    """One row of `cases` per code, times a minute apart, every third in progress."""
    template = json.dumps(document(), ensure_ascii=False, separators=(",", ":"))
    template_code = json.loads(template)["code"]
    for number, code in enumerate(codes, start=1):
        text = template.replace(template_code, code)
        received = START + dt.timedelta(minutes=number)
        yield (
            code, hashlib.sha256(text.encode()).hexdigest(), TENANT, YEAR, number,
            case_number(PREFIX, YEAR, number), "lancut-ratusz-1", "gl-informacja-publiczna",
            "informacja-publiczna", "2026-01", received - dt.timedelta(minutes=2), received,
            "in_progress" if number % 3 == 0 else "received", text,
        )  # fmt: skip


HISTORY = (
    "INSERT INTO case_history (case_id, state, changed_at, actor, message)"
    " SELECT id, 'received', received_at, 'intake', '' FROM cases",
    "INSERT INTO case_history (case_id, state, changed_at, actor, message)"
    " SELECT id, 'in_progress', received_at, 'anna.nowak', '{message}' FROM cases"
    " WHERE state = 'in_progress'",
)


def load_sqlite(path: str, codes: list[str]) -> None:
    def with_text_times(row: tuple[object, ...]) -> tuple[object, ...]:
        times = [t.isoformat(timespec="microseconds") for t in row[10:12]]  # type: ignore[attr-defined]
        return (*row[:10], *times, *row[12:])

    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            f"INSERT INTO cases ({COLUMNS}) VALUES ({', '.join('?' * 14)})",
            map(with_text_times, case_rows(codes)),
        )
        for statement in HISTORY:
            db.execute(statement.format(message=MESSAGE))
        db.execute("INSERT INTO case_counters VALUES (?, ?, ?)", (TENANT, YEAR, len(codes)))
        db.execute("COMMIT")
        db.execute("ANALYZE")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # see load_postgres


def load_postgres(url: str, codes: list[str]) -> None:
    with psycopg.connect(url) as pg:
        with pg.transaction(), pg.cursor() as cursor:
            with cursor.copy(f"COPY cases ({COLUMNS}) FROM STDIN") as copy:
                for row in case_rows(codes):
                    copy.write_row(row)
            for statement in HISTORY:
                cursor.execute(statement.format(message=MESSAGE).encode())
            cursor.execute(
                "INSERT INTO case_counters VALUES (%s, %s, %s)", (TENANT, YEAR, len(codes))
            )
        pg.autocommit = True
        pg.execute("VACUUM ANALYZE")
        # The runs start from a register at rest, as an office's is: the load's dirty pages
        # are written out here, not by a checkpoint during the first runs.
        pg.execute("CHECKPOINT")
