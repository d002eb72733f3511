"""Removing residents' personal data from closed cases once `retention_days` have passed.

What stays: the case number, code, office, kiosk, service, form, the dates, the states and
who set them, and the audit log, so `/s/CODE` still answers and the register still counts.
What goes: the answers and their labels, the resident's language, the clerks' messages to
the resident (they may address the resident by name), the internal notes, and the
e-mails to the resident (address and text), sent or not. The document keeps its non-personal
parts, and `personal_data_purged_at` says when. Booked visits lose the resident's name,
phone or e-mail and reminder address `retention_days` after their time.

Each case is changed by one `UPDATE ... WHERE personal_data_purged_at IS NULL`, so two
instances purging at once (or a cron job beside `office serve`) purge every case once
and count it once. Each batch writes one audit row with its count, never what it removed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass

from office.sql_access import SqlDatabase, SqlTransaction
from office.visit_store import audit, purge_bookings

log = logging.getLogger("office.retention")
ACTOR = "system:retention"
BATCH = 200
# What a purged document keeps: nothing said or typed by the resident.
KEPT_KEYS = ("format", "code", "filed_at", "kiosk_id", "office", "service", "form",
             "consent_version")  # fmt: skip
_DUE = (
    " FROM cases c WHERE c.state = 'closed' AND c.personal_data_purged_at IS NULL"
    " AND (SELECT max(h.changed_at) FROM case_history h"
    " WHERE h.case_id = c.id AND h.state = 'closed') < ?"
)


@dataclass(frozen=True)
class PurgeReport:
    closed_before: dt.datetime
    purged: int
    bookings: int = 0  # visits booked before closed_before that lost name and contact


def without_personal_data(document: object) -> str:
    """The stored document with only its non-personal parts (and empty answers)."""
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            document = {}
    kept = (
        {k: v for k, v in document.items() if k in KEPT_KEYS} if isinstance(document, dict) else {}
    )
    return json.dumps({**kept, "answers": {}}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))  # fmt: skip


class RetentionPurge:
    def __init__(self, db: SqlDatabase, retention_days: int) -> None:
        self._db = db
        self._retention = dt.timedelta(days=retention_days)

    def due(self, now: dt.datetime) -> PurgeReport:
        """How many closed cases are past retention now (for --dry-run); nothing changes."""
        before = now - self._retention
        with self._db.reading() as sql:
            (count,) = sql.rows("SELECT count(*)" + _DUE, (before,))[0]
        return PurgeReport(before, int(count))

    def purge(self, now: dt.datetime) -> PurgeReport:
        """Purge every closed case past retention; how many this call purged."""
        before = now - self._retention
        total = 0
        while True:
            done, seen = self._purge_batch(before, now)
            total += done
            if seen < BATCH or not done:
                break
        bookings = self._purge_bookings(before, now)
        if total or bookings:
            self._db.forget_freed()
        if total:
            log.info("retention: personal data removed from %d cases closed before %s",
                     total, before.date().isoformat())  # fmt: skip
        return PurgeReport(before, total, bookings)

    def _purge_bookings(self, before: dt.datetime, now: dt.datetime) -> int:
        """Names and contacts of visits booked for before `before`, in one transaction."""
        with self._db.writing() as sql:
            done = purge_bookings(sql, before, now)
            if done:
                audit(sql, now, ACTOR, "purge", f"{done} visits before {before.date().isoformat()}")
        if done:
            log.info("retention: names and contacts removed from %d visits before %s",
                     done, before.date().isoformat())  # fmt: skip
        return done

    def _purge_batch(self, before: dt.datetime, now: dt.datetime) -> tuple[int, int]:
        """(cases purged, candidates seen) for one batch, in one transaction."""
        with self._db.writing() as sql:
            rows = sql.rows(f"SELECT c.id, c.document{_DUE} ORDER BY c.id LIMIT ?",
                            (before, BATCH))  # fmt: skip
            done = sum(_purge_case(sql, int(row[0]), row[1], now) for row in rows)
            if done:
                sql.run(
                    "INSERT INTO audit_log (at, actor, action, case_id, detail)"
                    " VALUES (?, ?, 'purge', NULL, ?)",
                    (now, ACTOR, f"{done} cases closed before {before.date().isoformat()}"),
                )
        return done, len(rows)


def _purge_case(sql: SqlTransaction, case_id: int, document: object, now: dt.datetime) -> int:
    """1 when this call purged the case, 0 when another instance did it first."""
    if not sql.run(
        "UPDATE cases SET document = ?, personal_data_purged_at = ?"
        " WHERE id = ? AND personal_data_purged_at IS NULL",
        (without_personal_data(document), now, case_id),
    ):
        return 0
    sql.run("UPDATE case_history SET message = '' WHERE case_id = ?", (case_id,))
    sql.run("DELETE FROM case_notes WHERE case_id = ?", (case_id,))
    sql.run("DELETE FROM resident_mail WHERE case_id = ?", (case_id,))
    return 1
