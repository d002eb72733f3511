"""Clerks' accounts, their sessions and failed logins, in either store (sql_access.py).

Sessions and failures live in the store, not in a process, so several instances behind a
load balancer share logins and throttling. Session tokens are kept only as SHA-256.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from office.desk_records import Clerk, ClerkSession
from office.sql_access import SqlDatabase
from office.store_rows import moment


class ClerkExists(ValueError):
    """An account of this login exists already."""


class AccountStore:
    def __init__(self, db: SqlDatabase) -> None:
        self._db = db

    def add_clerk(
        self, login: str, password_hash: str, is_admin: bool, offices: Iterable[str],
        at: dt.datetime,
    ) -> None:  # fmt: skip
        with self._db.writing() as sql:
            if sql.rows("SELECT 1 FROM clerks WHERE login = ?", (login,)):
                raise ClerkExists(login)
            sql.run(
                "INSERT INTO clerks (login, password_hash, is_admin, created_at)"
                " VALUES (?, ?, ?, ?)",
                (login, password_hash, int(is_admin), at),
            )
            for tenant_id in sorted(set(offices)):
                sql.run("INSERT INTO clerk_offices VALUES (?, ?)", (login, tenant_id))

    def set_password(self, login: str, password_hash: str) -> bool:
        """Replace a clerk's password and end their sessions; False: no such clerk."""
        with self._db.writing() as sql:
            changed = sql.run(
                "UPDATE clerks SET password_hash = ? WHERE login = ?", (password_hash, login)
            )
            sql.run("DELETE FROM clerk_sessions WHERE login = ?", (login,))
        return changed > 0

    def clerk(self, login: str) -> Clerk | None:
        with self._db.reading() as sql:
            rows = sql.rows(
                "SELECT c.login, c.password_hash, c.is_admin, o.tenant_id FROM clerks c"
                " LEFT JOIN clerk_offices o ON o.login = c.login WHERE c.login = ?",
                (login,),
            )
        if not rows:
            return None
        offices = frozenset(str(row[3]) for row in rows if row[3] is not None)
        return Clerk(str(rows[0][0]), str(rows[0][1]), bool(rows[0][2]), offices)

    def clerks_of(self, tenant_id: str) -> list[str]:
        """Logins that may work on the office's cases: its clerks and administrators."""
        with self._db.reading() as sql:
            rows = sql.rows(
                "SELECT login FROM clerks WHERE is_admin = 1 OR login IN"
                " (SELECT login FROM clerk_offices WHERE tenant_id = ?) ORDER BY login",
                (tenant_id,),
            )
        return [str(row[0]) for row in rows]

    def open_session(self, token_sha256: str, login: str, csrf_token: str, at: dt.datetime) -> None:
        with self._db.writing() as sql:
            sql.run(
                "INSERT INTO clerk_sessions VALUES (?, ?, ?, ?, ?)",
                (token_sha256, login, csrf_token, at, at),
            )

    def session(self, token_sha256: str) -> ClerkSession | None:
        with self._db.reading() as sql:
            rows = sql.rows(
                "SELECT login, csrf_token, created_at, last_seen_at FROM clerk_sessions"
                " WHERE token_sha256 = ?",
                (token_sha256,),
            )
        if not rows:
            return None
        login, csrf, created, seen = rows[0]
        return ClerkSession(str(login), str(csrf), moment(created), moment(seen))

    def touch_session(self, token_sha256: str, at: dt.datetime) -> None:
        with self._db.writing() as sql:
            sql.run(
                "UPDATE clerk_sessions SET last_seen_at = ? WHERE token_sha256 = ?",
                (at, token_sha256),
            )

    def end_session(self, token_sha256: str) -> None:
        with self._db.writing() as sql:
            sql.run("DELETE FROM clerk_sessions WHERE token_sha256 = ?", (token_sha256,))

    def end_sessions_before(self, created_before: dt.datetime, seen_before: dt.datetime) -> int:
        """Drop sessions past their absolute or idle limit; how many went."""
        with self._db.writing() as sql:
            return sql.run(
                "DELETE FROM clerk_sessions WHERE created_at < ? OR last_seen_at < ?",
                (created_before, seen_before),
            )

    def record_failure(self, subjects: Iterable[str], at: dt.datetime, forget_before: dt.datetime
                       ) -> None:  # fmt: skip
        """Count a failed login against each subject; forget failures older than needed."""
        with self._db.writing() as sql:
            sql.run("DELETE FROM login_failures WHERE failed_at < ?", (forget_before,))
            for subject in subjects:
                sql.run("INSERT INTO login_failures (subject, failed_at) VALUES (?, ?)",
                        (subject, at))  # fmt: skip

    def failures_since(self, subject: str, since: dt.datetime) -> int:
        with self._db.reading() as sql:
            rows = sql.rows(
                "SELECT count(*) FROM login_failures WHERE subject = ? AND failed_at >= ?",
                (subject, since),
            )
        return int(rows[0][0])

    def forget_failures(self, subject: str) -> None:
        with self._db.writing() as sql:
            sql.run("DELETE FROM login_failures WHERE subject = ?", (subject,))
