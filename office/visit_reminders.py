"""Reminders by e-mail the day before a visit, in either store: the resident sets or removes
the address on the visit's page; a sender claims tomorrow's and records what happened.

Each booking is reminded once, however many senders run at once (two instances' timers, a
run by hand beside the timer): a sender first claims its bookings in one short
transaction (`UPDATE ... RETURNING`, over `FOR UPDATE SKIP LOCKED` on PostgreSQL), so no
two senders hold the same one, and a claimed booking is skipped until its claim ends. A
sender that dies between the mail server's "250" and its record leaves the claim to lapse
after `LEASE`, and the next run sends again: the same Message-ID lets the mailbox see the
duplicate. The address is the resident's personal data: it goes when the booking is
cancelled or its data are purged, and when the resident removes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from office.sql_access import SqlDatabase
from office.store_rows import moment

LEASE = dt.timedelta(minutes=10)
BATCH = 50
_LIVE = "tenant_id = ? AND code = ? AND state = 'booked' AND starts_at > ?"


@dataclass(frozen=True)
class DueReminder:
    booking_id: int
    code: str
    tenant_id: str
    service_id: str
    desk: str
    starts_at: dt.datetime  # UTC
    email: str
    language: str


class ReminderStore:
    def __init__(self, db: SqlDatabase) -> None:
        self._db = db

    def set(
        self, tenant_id: str, code: str, *, email: str, language: str, consent: str,
        now: dt.datetime,
    ) -> bool:  # fmt: skip
        """Remind the booking's resident at `email`; False when the visit is cancelled or
        has begun. A reminder already sent stays sent (one per booking)."""
        with self._db.writing() as sql:
            return bool(
                sql.run(
                    "UPDATE visit_bookings SET reminder_email = ?, reminder_language = ?,"  # noqa: S608
                    " reminder_consent = ?, reminder_set_at = ?, reminder_state ="
                    " CASE WHEN reminder_state = 'sent' THEN 'sent' ELSE 'wanted' END"
                    f" WHERE {_LIVE}",
                    (email, language, consent, now, tenant_id, code, now),
                )
            )

    def remove(self, tenant_id: str, code: str) -> bool:
        """Forget the address (and the reminder, unless it was sent); False: no booking."""
        with self._db.writing() as sql:
            return bool(
                sql.run(
                    "UPDATE visit_bookings SET reminder_email = '', reminder_consent = '',"
                    " reminder_state ="
                    " CASE WHEN reminder_state = 'sent' THEN 'sent' ELSE 'none' END"
                    " WHERE tenant_id = ? AND code = ?",
                    (tenant_id, code),
                )
            )

    def claim(self, start: dt.datetime, end: dt.datetime, now: dt.datetime) -> list[DueReminder]:
        """Up to BATCH wanted reminders of live bookings starting in [start, end), each now
        this sender's for LEASE."""
        lock = " FOR UPDATE SKIP LOCKED" if self._db.dialect == "postgresql" else ""
        with self._db.writing() as sql:
            rows = sql.rows(
                "UPDATE visit_bookings SET reminder_claimed_until = ?"  # noqa: S608
                " WHERE id IN (SELECT id FROM visit_bookings WHERE reminder_state = 'wanted'"
                " AND state = 'booked' AND reminder_email <> ''"
                " AND starts_at >= ? AND starts_at < ?"
                " AND (reminder_claimed_until IS NULL OR reminder_claimed_until < ?)"
                f" ORDER BY id LIMIT ?{lock})"
                " RETURNING id, code, tenant_id, service_id, desk, starts_at, reminder_email,"
                " reminder_language",
                (now + LEASE, start, end, now, BATCH),
            )
        return [
            DueReminder(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]),
                        moment(r[5]).astimezone(dt.UTC), str(r[6]), str(r[7]))
            for r in rows
        ]  # fmt: skip

    def sent(self, reminder: DueReminder, now: dt.datetime) -> None:
        self._record(reminder, "reminder_state = 'sent', reminder_sent_at = ?,", (now,))

    def refused(self, reminder: DueReminder) -> None:
        """The mail server refused the address for good: the resident may give another."""
        self._record(reminder, "reminder_state = 'refused',", ())

    def later(self, reminder: DueReminder) -> None:
        """Not sent (the server could not be reached): the claim ends, the next run tries."""
        self._record(reminder, "", ())

    def _record(self, reminder: DueReminder, changes: str, params: tuple[object, ...]) -> None:
        with self._db.writing() as sql:
            sql.run(
                f"UPDATE visit_bookings SET {changes} reminder_claimed_until = NULL"  # noqa: S608
                " WHERE id = ? AND reminder_state = 'wanted'",
                (*params, reminder.booking_id),
            )
