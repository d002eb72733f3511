"""Revoking a kiosk and giving it a new token, written once for both stores (sql_access.py).

A revoked kiosk keeps its row (its cases name it, the fleet page lists it): `revoked_at`
is set, and the token lookup of the intake and the visit API skips it, as the heartbeats
refuse its key. Nothing of the kiosks is kept in a process, so every instance sharing
the store refuses it from the commit on. A new token replaces the hash in the same row,
so the old token is no kiosk's from then on, and lifts the revocation.

Both are technicians' actions on the register, so each writes an audit row in its own
transaction, as the clerks' actions and the retention purge do.
"""

from __future__ import annotations

import datetime as dt

from office.fleet_records import KioskUnknown
from office.sql_access import SqlDatabase, SqlTransaction
from office.store import Revocation
from office.store_rows import moment
from office.visit_store import audit

_READ = "SELECT revoked_at FROM kiosks WHERE kiosk_id = ?"
_LOCKED = _READ + " FOR UPDATE"


def revoke(db: SqlDatabase, kiosk_id: str, at: dt.datetime, actor: str) -> Revocation:
    with db.writing() as sql:
        before = _revoked_at(sql, db, kiosk_id)
        if before is not None:
            return Revocation(before, already=True)
        sql.run("UPDATE kiosks SET revoked_at = ? WHERE kiosk_id = ?", (at, kiosk_id))
        audit(sql, at, actor, "kiosk_revoke", kiosk_id)
    return Revocation(at, already=False)


def replace_token(
    db: SqlDatabase, kiosk_id: str, token_sha256: str, at: dt.datetime, actor: str
) -> dt.datetime | None:
    with db.writing() as sql:
        before = _revoked_at(sql, db, kiosk_id)
        sql.run(
            "UPDATE kiosks SET token_sha256 = ?, revoked_at = NULL WHERE kiosk_id = ?",
            (token_sha256, kiosk_id),
        )
        detail = kiosk_id if before is None else f"{kiosk_id}, back in service"
        audit(sql, at, actor, "kiosk_token", detail)
    return before


def _revoked_at(sql: SqlTransaction, db: SqlDatabase, kiosk_id: str) -> dt.datetime | None:
    """The kiosk's revocation time (None: in service), its row locked for the transaction
    (SQLite's BEGIN IMMEDIATE holds the whole file already); raises KioskUnknown."""
    rows = sql.rows(_LOCKED if db.dialect == "postgresql" else _READ, (kiosk_id,))
    if not rows:
        raise KioskUnknown(kiosk_id)
    return None if rows[0][0] is None else moment(rows[0][0])
