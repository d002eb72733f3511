"""Today's walk-in queue and the calls at the desks, in either store (sql_access.py).

Tickets are numbered per office, queue letter and Polish day (A001, A002...) by a counter
row upserted in the ticket's own transaction, as cases are numbered. "Call next" at a desk
takes the earliest booking of that desk that is due, else the first waiting ticket of the
desk's queues; a row is taken by `UPDATE ... WHERE state = <what was seen>`, so two clerks
(or instances) calling at once never call one person twice. Calling next ends the desk's
open call as served. Each call and its ending is an audit row of the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from office.sql_access import Row, SqlDatabase, SqlTransaction
from office.store_rows import moment
from office.visit_calendar import WARSAW, day_bounds
from office.visit_records import Call, CallOutcome, Ticket, ticket_label
from office.visit_store import audit

_CALL_COLUMNS = "id, desk, label, called_at, booking_id, outcome"
_RACES = 5  # times to look again when another desk took the row first


def _call(row: Row) -> Call:
    return Call(
        call_id=int(row[0]),
        desk=str(row[1]), label=str(row[2]), called_at=moment(row[3]),
        kind="booking" if row[4] is not None else "ticket", outcome=str(row[5]),
    )  # fmt: skip


class QueueStore:
    def __init__(self, db: SqlDatabase) -> None:
        self._db = db

    def take_ticket(
        self, tenant_id: str, queue: str, service_id: str, *, kiosk_id: str, key: str,
        now: dt.datetime,
    ) -> Ticket:  # fmt: skip
        day = now.astimezone(WARSAW).date().isoformat()
        with self._db.writing() as sql:
            rows = sql.rows(
                "SELECT queue, number, service_id, taken_at FROM visit_tickets"
                " WHERE kiosk_id = ? AND idempotency_key = ?",
                (kiosk_id, key),
            )
            created = not rows
            if created:
                (number,) = sql.rows(
                    "INSERT INTO visit_ticket_counters VALUES (?, ?, ?, 1)"
                    " ON CONFLICT (tenant_id, day, queue)"
                    " DO UPDATE SET last_number = visit_ticket_counters.last_number + 1"
                    " RETURNING last_number",
                    (tenant_id, day, queue),
                )[0]
                sql.run(
                    "INSERT INTO visit_tickets (tenant_id, day, queue, number, service_id,"
                    " kiosk_id, idempotency_key, taken_at, state)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waiting')",
                    (tenant_id, day, queue, number, service_id, kiosk_id, key, now),
                )
                rows = [(queue, number, service_id, now)]
            queue, number, service_id, taken_at = rows[0]
            ahead = _ahead(sql, tenant_id, day, str(queue), int(number))
        return Ticket(
            ticket_label(str(queue), int(number)), str(queue), int(number),
            str(service_id), moment(taken_at), ahead, created,
        )  # fmt: skip

    def waiting(self, tenant_id: str, now: dt.datetime) -> list[tuple[str, str]]:
        """Today's waiting tickets in order: (label, service id)."""
        day = now.astimezone(WARSAW).date().isoformat()
        with self._db.reading() as sql:
            rows = sql.rows(
                "SELECT queue, number, service_id FROM visit_tickets"
                " WHERE tenant_id = ? AND day = ? AND state = 'waiting' ORDER BY taken_at, id",
                (tenant_id, day),
            )
        return [(ticket_label(str(r[0]), int(r[1])), str(r[2])) for r in rows]

    def call_next(
        self, tenant_id: str, desk: str, queues: Sequence[str], *, due_by: dt.datetime,
        now: dt.datetime, clerk: str,
    ) -> Call | None:  # fmt: skip
        """Call the next person to `desk`: a booking due by `due_by`, else a ticket of
        `queues`; None when nobody waits (the desk's open call is ended all the same)."""
        # PostgreSQL: each desk takes the first row no other desk holds. Without SKIP LOCKED a
        # desk that lost five races in a row (12 calls at once) answered "nobody waits" while
        # a ticket still waited. SQLite writes one transaction at a time: no race to lose.
        lock = " FOR UPDATE SKIP LOCKED" if self._db.dialect == "postgresql" else ""
        with self._db.writing() as sql:
            _end_open_calls(sql, tenant_id, desk, now, clerk)
            called = _next_booking(sql, tenant_id, desk, due_by, now, lock=lock) or _next_ticket(
                sql, tenant_id, queues, now, lock
            )
            if called is None:
                return None
            label, booking_id, ticket_id = called
            (call_id,) = sql.rows(
                "INSERT INTO visit_calls (tenant_id, desk, label, booking_id, ticket_id,"
                " called_at, called_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (tenant_id, desk, label, booking_id, ticket_id, now, clerk),
            )[0]
            audit(sql, now, clerk, "call", f"{tenant_id}: {label} -> {desk}")
        kind: Literal["booking", "ticket"] = "booking" if booking_id is not None else "ticket"
        return Call(int(call_id), desk, label, now, kind, "called")

    def end_call(
        self, tenant_id: str, call_id: int, outcome: CallOutcome, now: dt.datetime, clerk: str
    ) -> bool:
        """Mark a call "did not come" or "done"; False when it had ended already."""
        with self._db.writing() as sql:
            rows = sql.rows(
                "SELECT desk FROM visit_calls"
                " WHERE id = ? AND tenant_id = ? AND outcome = 'called'",
                (call_id, tenant_id),
            )
            return bool(rows) and _end(sql, call_id, outcome, now, clerk) > 0

    def recent_calls(self, tenant_id: str, limit: int = 8) -> list[Call]:
        """The newest calls first (for the display and the clerks' page)."""
        with self._db.reading() as sql:
            rows = sql.rows(
                f"SELECT {_CALL_COLUMNS} FROM visit_calls WHERE tenant_id = ?"  # noqa: S608
                " ORDER BY id DESC LIMIT ?",
                (tenant_id, limit),
            )
        return [_call(row) for row in rows]

    def open_call(self, tenant_id: str, desk: str) -> Call | None:
        with self._db.reading() as sql:
            rows = sql.rows(
                f"SELECT {_CALL_COLUMNS} FROM visit_calls WHERE tenant_id = ? AND desk = ?"  # noqa: S608
                " AND outcome = 'called' ORDER BY id DESC LIMIT 1",
                (tenant_id, desk),
            )
        return _call(rows[0]) if rows else None

    def last_call_id(self, tenant_id: str) -> int:
        """The newest call's id (0 for none): what a display compares to see a new call."""
        with self._db.reading() as sql:
            rows = sql.rows("SELECT max(id) FROM visit_calls WHERE tenant_id = ?", (tenant_id,))
        return int(rows[0][0] or 0)


def _ahead(sql: SqlTransaction, tenant_id: str, day: str, queue: str, number: int) -> int:
    (count,) = sql.rows(
        "SELECT count(*) FROM visit_tickets WHERE tenant_id = ? AND day = ? AND queue = ?"
        " AND state = 'waiting' AND number < ?",
        (tenant_id, day, queue, number),
    )[0]
    return int(count)


def _next_booking(
    sql: SqlTransaction, tenant_id: str, desk: str, due_by: dt.datetime, now: dt.datetime,
    *, lock: str,
) -> tuple[str, int | None, int | None] | None:  # fmt: skip
    day_start, _ = day_bounds(now.astimezone(WARSAW).date())
    for _race in range(_RACES):
        rows = sql.rows(
            "SELECT id, starts_at FROM visit_bookings WHERE tenant_id = ? AND desk = ?"  # noqa: S608 - the lock clause is ours
            " AND state = 'booked' AND starts_at >= ? AND starts_at <= ?"
            " ORDER BY starts_at LIMIT 1" + lock,
            (tenant_id, desk, day_start, due_by),
        )
        if not rows:
            return None
        booking_id, starts_at = int(rows[0][0]), moment(rows[0][1])
        if sql.run(
            "UPDATE visit_bookings SET state = 'called' WHERE id = ? AND state = 'booked'",
            (booking_id,),
        ):
            return starts_at.astimezone(WARSAW).strftime("%H:%M"), booking_id, None
    return None


def _next_ticket(
    sql: SqlTransaction, tenant_id: str, queues: Sequence[str], now: dt.datetime, lock: str
) -> tuple[str, int | None, int | None] | None:
    if not queues:
        return None
    day = now.astimezone(WARSAW).date().isoformat()
    marks = ", ".join("?" for _ in queues)
    for _race in range(_RACES):
        rows = sql.rows(
            "SELECT id, queue, number FROM visit_tickets WHERE tenant_id = ? AND day = ?"  # noqa: S608 - only placeholders
            f" AND state = 'waiting' AND queue IN ({marks}) ORDER BY taken_at, id LIMIT 1{lock}",
            (tenant_id, day, *queues),
        )
        if not rows:
            return None
        ticket_id, queue, number = rows[0]
        if sql.run(
            "UPDATE visit_tickets SET state = 'called' WHERE id = ? AND state = 'waiting'",
            (ticket_id,),
        ):
            return ticket_label(str(queue), int(number)), None, int(ticket_id)
    return None


def _end_open_calls(
    sql: SqlTransaction, tenant_id: str, desk: str, now: dt.datetime, clerk: str
) -> None:
    """Calling next at a desk means the person called before is done."""
    rows = sql.rows(
        "SELECT id FROM visit_calls WHERE tenant_id = ? AND desk = ? AND outcome = 'called'",
        (tenant_id, desk),
    )
    for (call_id,) in rows:
        _end(sql, int(call_id), "served", now, clerk)


def _end(
    sql: SqlTransaction, call_id: int, outcome: CallOutcome, now: dt.datetime, clerk: str
) -> int:
    changed = sql.run(
        "UPDATE visit_calls SET outcome = ?, ended_at = ? WHERE id = ? AND outcome = 'called'",
        (outcome, now, call_id),
    )
    if not changed:
        return 0
    tenant_id, label, booking_id, ticket_id = sql.rows(
        "SELECT tenant_id, label, booking_id, ticket_id FROM visit_calls WHERE id = ?",
        (call_id,),
    )[0]
    table, row_id = ("visit_bookings", booking_id) if booking_id is not None else (
        "visit_tickets", ticket_id)  # fmt: skip
    sql.run(f"UPDATE {table} SET state = ? WHERE id = ?", (outcome, row_id))  # noqa: S608 - one of two names
    audit(sql, now, clerk, outcome, f"{tenant_id}: {label}")
    return changed
