"""Numbering filed cases on PostgreSQL in batches: gapless, once, per office and year.

A filing inserts its case without a number (postgres_store.py), in a transaction that no
other filing waits for, then asks here for its number. One batch at a time per process
numbers every case still waiting, of every office and year, in the order they were
inserted, and moves the counters on, in one transaction under an advisory lock per office
and year (so batches of several instances take turns). The filings that arrive while a
batch runs wait for it and the next one takes all of them: one commit flush numbers many
cases, where the counter's row lock held across the commit used to take one per case.

A crash between the insert and the batch leaves a case waiting, never a gap: the next
batch of any instance numbers it, and every instance runs one when it starts.
"""

from __future__ import annotations

import threading
from collections import Counter

import psycopg
from psycopg_pool import ConnectionPool

from office.store import case_number

Connection = psycopg.Connection[tuple[object, ...]]
LOCK_CLASS = 0x0FF1CE  # first key of the advisory lock; the second is the office and year


class CaseNumbering:
    def __init__(self, pool: ConnectionPool[Connection]) -> None:
        self._pool = pool
        self._turn = threading.Condition()
        self._running = False
        self._batches = 0  # batches finished in this process
        self._asking: Counter[str] = Counter()  # codes whose filings wait here
        self._numbers: dict[str, str] = {}  # what batches gave them

    def number_of(self, code: str) -> str | None:
        """The number of the case filed under `code` (inserted and committed before),
        numbering it if needed; None when there is no such case."""
        with self._turn:
            self._asking[code] += 1
        try:
            return self._wait_or_run(code)
        finally:
            with self._turn:
                self._asking[code] -= 1
                if not self._asking[code]:
                    del self._asking[code]
                    self._numbers.pop(code, None)

    def number_all_waiting(self) -> int:
        """Run one batch now (at start: cases a crash left waiting); how many it numbered."""
        with self._pool.connection() as db:
            return len(_number_batch(db))

    def _wait_or_run(self, code: str) -> str | None:
        while True:
            with self._turn:
                if code in self._numbers:
                    return self._numbers[code]
                if self._running:  # it may have started before our case was in: see after
                    self._wait_for_batch(self._batches)
                    continue
                self._running = True
            numbered: dict[str, str] = {}
            try:
                with self._pool.connection() as db:
                    numbered = _number_batch(db)
                    found = db.execute(
                        "SELECT case_number FROM cases WHERE code = %s", (code,)
                    ).fetchone()
            finally:
                with self._turn:
                    self._numbers.update((c, n) for c, n in numbered.items() if c in self._asking)
                    self._running = False
                    self._batches += 1
                    self._turn.notify_all()
            # Ours, or numbered by another instance's batch (ours ran after our insert).
            return None if found is None else str(found[0])

    def _wait_for_batch(self, running: int) -> None:
        """Wait (holding _turn) until the batch running now has finished."""
        self._turn.wait_for(lambda: self._batches != running)


def _number_batch(db: Connection) -> dict[str, str]:
    """Number every waiting case of every office and year; their codes and numbers."""
    with db.transaction():
        offices = db.execute(
            "SELECT DISTINCT tenant_id, year FROM cases WHERE number IS NULL ORDER BY 1, 2"
        ).fetchall()
        for tenant_id, year in offices:  # always in this order: no deadlock between batches
            db.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                (LOCK_CLASS, f"{tenant_id}/{year}"),
            )
        locked = set(offices)
        waiting = [
            row
            for row in db.execute(
                "SELECT id, code, tenant_id, year, prefix FROM cases WHERE number IS NULL"
                " ORDER BY id"
            ).fetchall()
            if (row[2], row[3]) in locked  # an office's first case since we looked waits
        ]
        numbered: list[tuple[object, str, int, str]] = []
        for tenant_id, year in offices:
            theirs = [row for row in waiting if (row[2], row[3]) == (tenant_id, year)]
            if theirs:
                numbered += _numbers_for(db, str(tenant_id), int(str(year)), theirs)
        if numbered:
            db.execute(
                "UPDATE cases SET number = v.number, case_number = v.case_number"
                " FROM unnest(%s::bigint[], %s::integer[], %s::text[]) AS v (id, number,"
                " case_number) WHERE cases.id = v.id",
                ([n[0] for n in numbered], [n[2] for n in numbered], [n[3] for n in numbered]),
            )
    return {code: text for _, code, _, text in numbered}


def _numbers_for(
    db: Connection, tenant_id: str, year: int, waiting: list[tuple[object, ...]]
) -> list[tuple[object, str, int, str]]:
    """Move the office's counter on by len(waiting): (id, code, number, case number)."""
    counter = db.execute(
        "INSERT INTO case_counters VALUES (%s, %s, %s) ON CONFLICT (tenant_id, year)"
        " DO UPDATE SET last_number = case_counters.last_number + EXCLUDED.last_number"
        " RETURNING last_number",
        (tenant_id, year, len(waiting)),
    ).fetchone()
    assert counter is not None
    first = int(str(counter[0])) - len(waiting) + 1
    return [
        (row[0], str(row[1]), first + i, case_number(str(row[4]), year, first + i))
        for i, row in enumerate(waiting)
    ]
