"""Numbering filed cases on PostgreSQL in batches: gapless, once, per office and year.

A filing inserts its case without a number (postgres_store.py), in a transaction that no
other filing waits for, then asks for its number here. Under a transaction-scoped advisory
lock of the office and year, every case of theirs still waiting is numbered in the order
it was inserted and the counter moved on, in one transaction. The filings that waited for
the lock meanwhile mostly find their case numbered by that batch and only read it, so one
commit flush numbers many cases where the counter's row lock used to take one per case.

A crash between the insert and the batch leaves a case waiting, never a gap: the next
batch of its office and year numbers it, and every instance numbers all waiting cases when
it starts (number_all_waiting).
"""

from __future__ import annotations

import psycopg

from office.store import case_number

Connection = psycopg.Connection[tuple[object, ...]]
LOCK_CLASS = 0x0FF1CE  # first key of the advisory lock; the second is the office and year


def number_of(db: Connection, code: str) -> str | None:
    """The number of the case filed under `code`, numbering it (and every case of its
    office and year waiting beside it) when it has none yet; None when there is no case."""
    row = db.execute("SELECT case_number, tenant_id, year FROM cases WHERE code = %s", (code,))
    found = row.fetchone()
    if found is None:
        return None
    if found[0] is not None:
        return str(found[0])
    with db.transaction():
        _lock(db, str(found[1]), int(str(found[2])))
        _number_batch(db, str(found[1]), int(str(found[2])))
    numbered = db.execute("SELECT case_number FROM cases WHERE code = %s", (code,)).fetchone()
    assert numbered is not None  # a case is never deleted
    assert numbered[0] is not None  # the batch numbered it
    return str(numbered[0])


def number_all_waiting(db: Connection) -> int:
    """Number every case left waiting (by a crash between its two steps); how many."""
    offices = db.execute("SELECT DISTINCT tenant_id, year FROM cases WHERE number IS NULL")
    numbered = 0
    for tenant_id, year in offices.fetchall():
        with db.transaction():
            _lock(db, str(tenant_id), int(str(year)))
            numbered += _number_batch(db, str(tenant_id), int(str(year)))
    return numbered


def _lock(db: Connection, tenant_id: str, year: int) -> None:
    """Wait until no other batch of this office and year runs. An advisory lock, not the
    counter row's: a batch that finds nothing to number then commits without a flush."""
    db.execute(
        "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (LOCK_CLASS, f"{tenant_id}/{year}")
    )


def _number_batch(db: Connection, tenant_id: str, year: int) -> int:
    waiting = db.execute(
        "SELECT id, prefix FROM cases WHERE tenant_id = %s AND year = %s AND number IS NULL"
        " ORDER BY id",
        (tenant_id, year),
    ).fetchall()
    if not waiting:
        return 0
    counter = db.execute(
        "INSERT INTO case_counters VALUES (%s, %s, %s) ON CONFLICT (tenant_id, year)"
        " DO UPDATE SET last_number = case_counters.last_number + EXCLUDED.last_number"
        " RETURNING last_number",
        (tenant_id, year, len(waiting)),
    ).fetchone()
    assert counter is not None
    first = int(str(counter[0])) - len(waiting) + 1
    numbers = list(range(first, first + len(waiting)))
    db.execute(
        "UPDATE cases SET number = v.number, case_number = v.case_number"
        " FROM unnest(%s::bigint[], %s::integer[], %s::text[]) AS v (id, number, case_number)"
        " WHERE cases.id = v.id",
        (
            [row[0] for row in waiting],
            numbers,
            [case_number(str(row[1]), year, n) for row, n in zip(waiting, numbers, strict=True)],
        ),
    )
    return len(waiting)
