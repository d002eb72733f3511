"""The visit calendar in either store: days off, bookings, cancelling (sql_access.py).

One live booking per desk and start time is a unique index of the store
(`visit_bookings_one_per_slot`), so instances booking at once cannot both win a slot: each
insert is `ON CONFLICT DO NOTHING`, and the one that inserted nothing tells the resident
the slot is taken. A kiosk's resend (the same Idempotency-Key) gets the same booking.
"""

from __future__ import annotations

import datetime as dt

from office.sql_access import SqlDatabase, SqlTransaction
from office.store_rows import moment
from office.visit_calendar import day_bounds
from office.visit_records import Booked, Booking, CancelOutcome, NewBooking
from offline_cache.submission_code import new_code

CODE_DRAWS = 3
_BOOKING_COLUMNS = "code, tenant_id, service_id, desk, starts_at, state, name, reminder_state"


def _booking(row: tuple[object, ...]) -> Booking:
    return Booking(
        code=str(row[0]), tenant_id=str(row[1]), service_id=str(row[2]), desk=str(row[3]),
        starts_at=moment(row[4]).astimezone(dt.UTC), state=row[5],  # type: ignore[arg-type]
        name=str(row[6]), reminder=row[7],  # type: ignore[arg-type]
    )  # fmt: skip


class VisitStore:
    def __init__(self, db: SqlDatabase) -> None:
        self._db = db

    def days_off(self, tenant_id: str, first: dt.date, last: dt.date) -> set[dt.date]:
        with self._db.reading() as sql:
            rows = sql.rows(
                "SELECT day FROM visit_days_off WHERE tenant_id = ? AND day >= ? AND day <= ?",
                (tenant_id, first.isoformat(), last.isoformat()),
            )
        return {dt.date.fromisoformat(str(row[0])) for row in rows}

    def set_day_off(
        self, tenant_id: str, day: dt.date, reason: str, by: str, at: dt.datetime
    ) -> int:
        """Close the office for visits on `day` (no new slot, no ticket); how many live
        bookings that day keeps (closing does not cancel them: someone must tell them)."""
        start, end = day_bounds(day)
        with self._db.writing() as sql:
            if sql.run(
                "INSERT INTO visit_days_off (tenant_id, day, reason, set_by, set_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (tenant_id, day.isoformat(), reason, by, at),
            ):
                audit(sql, at, by, "day_off", f"{tenant_id} {day.isoformat()}")
            (kept,) = sql.rows(
                "SELECT count(*) FROM visit_bookings WHERE tenant_id = ? AND starts_at >= ?"
                " AND starts_at < ? AND state = 'booked'",
                (tenant_id, start, end),
            )[0]
        return int(kept)

    def reopen_day(self, tenant_id: str, day: dt.date, by: str, at: dt.datetime) -> bool:
        """Take back a day off; False when the day was not closed."""
        with self._db.writing() as sql:
            removed = sql.run(
                "DELETE FROM visit_days_off WHERE tenant_id = ? AND day = ?",
                (tenant_id, day.isoformat()),
            )
            if removed:
                audit(sql, at, by, "day_reopened", f"{tenant_id} {day.isoformat()}")
        return bool(removed)

    def taken(
        self, tenant_id: str, start: dt.datetime, end: dt.datetime
    ) -> set[tuple[str, dt.datetime]]:
        """(desk, UTC start) of the live bookings starting in [start, end)."""
        with self._db.reading() as sql:
            rows = sql.rows(
                "SELECT desk, starts_at FROM visit_bookings WHERE tenant_id = ?"
                " AND starts_at >= ? AND starts_at < ? AND state <> 'cancelled'",
                (tenant_id, start, end),
            )
        return {(str(r[0]), moment(r[1]).astimezone(dt.UTC)) for r in rows}

    def book(self, new: NewBooking, now: dt.datetime) -> Booked:
        with self._db.writing() as sql:
            earlier = _by_key(sql, new)
            if earlier is not None:
                return earlier
            for desk in new.desks:
                for _draw in range(CODE_DRAWS):
                    code = new_code()
                    if _insert(sql, new, desk, code, now):
                        return Booked("created", code, desk, new.starts_at)
                    if _slot_taken(sql, new, desk):
                        break  # else the code was drawn before (1 in ~10^12): draw again
            # The same key may have won meanwhile in another instance (PostgreSQL).
            return _by_key(sql, new) or Booked("taken")

    def find(self, tenant_id: str, code: str) -> Booking | None:
        with self._db.reading() as sql:
            rows = sql.rows(
                f"SELECT {_BOOKING_COLUMNS} FROM visit_bookings"  # noqa: S608 - constant columns
                " WHERE tenant_id = ? AND code = ?",
                (tenant_id, code),
            )
        return _booking(rows[0]) if rows else None

    def cancel(self, tenant_id: str, code: str, now: dt.datetime) -> CancelOutcome:
        """Cancel a booking before its time; its slot is free again at once."""
        with self._db.writing() as sql:
            if sql.run(
                "UPDATE visit_bookings SET state = 'cancelled', cancelled_at = ?,"
                " reminder_email = '',"  # a sent reminder stays sent; a wanted one is off
                " reminder_state = CASE WHEN reminder_state = 'sent' THEN 'sent' ELSE 'none' END"
                " WHERE tenant_id = ? AND code = ? AND state = 'booked' AND starts_at > ?",
                (now, tenant_id, code, now),
            ):
                return "cancelled"
            rows = sql.rows(
                "SELECT state FROM visit_bookings WHERE tenant_id = ? AND code = ?",
                (tenant_id, code),
            )
        if not rows:
            return "unknown"
        return "already_cancelled" if rows[0][0] == "cancelled" else "begun"

    def bookings_between(
        self, tenant_id: str, start: dt.datetime, end: dt.datetime
    ) -> list[Booking]:
        """Every booking starting in [start, end), cancelled ones too, in time order."""
        with self._db.reading() as sql:
            rows = sql.rows(
                f"SELECT {_BOOKING_COLUMNS} FROM visit_bookings WHERE tenant_id = ?"  # noqa: S608
                " AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, desk",
                (tenant_id, start, end),
            )
        return [_booking(row) for row in rows]


def _by_key(sql: SqlTransaction, new: NewBooking) -> Booked | None:
    rows = sql.rows(
        "SELECT code, desk, starts_at, request_sha256 FROM visit_bookings"
        " WHERE kiosk_id = ? AND idempotency_key = ?",
        (new.kiosk_id, new.idempotency_key),
    )
    if not rows:
        return None
    code, desk, starts_at, sha = rows[0]
    if sha != new.request_sha256:
        return Booked("key_reused")
    return Booked("resent", str(code), str(desk), moment(starts_at).astimezone(dt.UTC))


def _slot_taken(sql: SqlTransaction, new: NewBooking, desk: str) -> bool:
    return bool(
        sql.rows(
            "SELECT 1 FROM visit_bookings WHERE tenant_id = ? AND desk = ? AND starts_at = ?"
            " AND state <> 'cancelled'",
            (new.tenant_id, desk, new.starts_at),
        )
    )


def _insert(sql: SqlTransaction, new: NewBooking, desk: str, code: str, now: dt.datetime) -> int:
    # An e-mail sent with the booking is for its reminder (docs/visits-api.md).
    email = new.contact if "@" in new.contact else ""
    return sql.run(
        "INSERT INTO visit_bookings (code, tenant_id, service_id, desk, starts_at, kiosk_id,"
        " idempotency_key, request_sha256, name, contact, language, consent_version,"
        " booked_at, state, reminder_email, reminder_language, reminder_consent,"
        " reminder_state, reminder_set_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        (code, new.tenant_id, new.service_id, desk, new.starts_at, new.kiosk_id,
         new.idempotency_key, new.request_sha256, new.name, new.contact, new.language,
         new.consent_version, now, email, new.language, new.consent_version if email else "",
         "wanted" if email else "none", now if email else None),
    )  # fmt: skip


def audit(sql: SqlTransaction, at: dt.datetime, actor: str, action: str, detail: str) -> None:
    """An audit row in the caller's transaction (the visit actions have no case)."""
    sql.run(
        "INSERT INTO audit_log (at, actor, action, case_id, detail) VALUES (?, ?, ?, NULL, ?)",
        (at, actor, action, detail),
    )


def purge_bookings(sql: SqlTransaction, before: dt.datetime, now: dt.datetime) -> int:
    """Remove names, contacts and reminder addresses of bookings whose time is before
    `before` (retention)."""
    return sql.run(
        "UPDATE visit_bookings SET name = '', contact = '', reminder_email = '',"
        " reminder_state = CASE WHEN reminder_state = 'sent' THEN 'sent' ELSE 'none' END,"
        " personal_data_purged_at = ?"
        " WHERE starts_at < ? AND personal_data_purged_at IS NULL",
        (now, before),
    )
