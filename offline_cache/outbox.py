"""The outbox of filed applications: durable before anything is printed or sent.

`enqueue` commits the submission (WAL, synchronous=FULL) before it returns its code; a
failed write raises OutboxWriteError and leaves nothing behind. A sender then moves each
submission from `queued` to `delivered` (with the office's case number) or `rejected`
(a technician must look), and `purge_personal_data` drops the answers of delivered
submissions after the retention period. Every state change is logged with the code, the
service and the reason; never with the answers.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from offline_cache.outbox_file import (
    OutboxDamagedError,
    OutboxReadError,
    OutboxWriteError,
    open_outbox_file,
    open_outbox_reader,
    read_failure,
    reason_of,
    write_transaction,
)
from offline_cache.outbox_records import STATES, Filed, NewSubmission, State, Submission
from offline_cache.outbox_rows import COLUMNS, new_row, submission, to_text, utc_now
from offline_cache.submission_code import display, new_code, normalise

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
DEFAULT_RETENTION = dt.timedelta(days=30)
_CODE_ATTEMPTS = 20


class SubmissionNotFound(LookupError):
    """No submission in the outbox has this code."""


class NotRetryable(ValueError):
    """The submission is delivered already; sending it again would make no sense."""


class Outbox:
    """One SQLite file of submissions, safe to share between the UI and sender threads."""

    def __init__(
        self,
        path: Path,
        clock: Clock = utc_now,
        make_code: Callable[[], str] = new_code,
        *,
        read_only: bool = False,
    ) -> None:
        """Open (and create) the file; `read_only` only looks: nothing is created, and a
        change raises OutboxWriteError."""
        self.path = path
        self._clock = clock
        self._make_code = make_code
        self._lock = threading.Lock()
        self._conn = open_outbox_reader(path) if read_only else open_outbox_file(path)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- filing ---------------------------------------------------------------------------

    def enqueue(self, new: NewSubmission) -> Filed:
        """Write the submission to disk and return its code; raise OutboxWriteError if not."""
        _check(new)
        now = self._clock()
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)  # as stored
        for _ in range(_CODE_ATTEMPTS):
            row = new_row(new, self._make_code(), now)
            try:
                self._insert(row)
            except sqlite3.IntegrityError:
                continue  # the code is taken: draw another
            except (sqlite3.Error, OSError) as exc:
                log.error("outbox: application for %s NOT saved: %s", new.service_id, exc)
                raise OutboxWriteError(
                    f"{self.path}: the application was not saved ({reason_of(exc)}); nothing "
                    f"was written. Free space or fix {self.path.parent}, then file again."
                ) from exc
            log.info("outbox %s (%s): queued", row["code"], new.service_id)
            return Filed(row["code"], now)
        raise OutboxWriteError(f"{self.path}: no free submission code after {_CODE_ATTEMPTS} draws")

    def _insert(self, row: dict[str, Any]) -> None:
        names = ", ".join(row)
        marks = ", ".join(f":{name}" for name in row)
        with self._lock, write_transaction(self._conn):
            self._conn.execute(f"INSERT INTO submissions ({names}) VALUES ({marks})", row)  # noqa: S608

    # -- reading --------------------------------------------------------------------------

    def get(self, code: str) -> Submission | None:
        """The submission with this code (typed form accepted), or None."""
        rows = self._select("WHERE code = ?", (normalise(code),))
        return rows[0] if rows else None

    def list(self, state: State | None = None) -> builtins.list[Submission]:
        """Every submission (or those in `state`), oldest first."""
        if state is None:
            return self._select("ORDER BY id", ())
        return self._select("WHERE state = ? ORDER BY id", (state,))

    def counts(self) -> dict[State, int]:
        """How many submissions are in each state (all states present, zeros included)."""
        with self._reading() as conn:
            rows = conn.execute("SELECT state, count(*) FROM submissions GROUP BY state").fetchall()
        found = {row[0]: int(row[1]) for row in rows}
        return {state: found.get(state, 0) for state in STATES}

    def oldest_queued_age(self, now: dt.datetime | None = None) -> dt.timedelta | None:
        """How long the oldest undelivered submission has waited; None when none waits."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT min(filed_at) FROM submissions WHERE state = 'queued'"
            ).fetchone()
        if row[0] is None:
            return None
        return (now or self._clock()) - dt.datetime.fromisoformat(row[0])

    def due(self, now: dt.datetime | None = None, limit: int = 50) -> builtins.list[Submission]:
        """Queued submissions whose next attempt time has come, in filing order."""
        moment = to_text(now or self._clock())
        return self._select(
            "WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
            (moment, limit),
        )

    def next_attempt_at(self) -> dt.datetime | None:
        """When the earliest queued submission is next due; None when nothing is queued."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT min(next_attempt_at) FROM submissions WHERE state = 'queued'"
            ).fetchone()
        return None if row[0] is None else dt.datetime.fromisoformat(row[0])

    def _select(self, where: str, params: tuple[object, ...]) -> builtins.list[Submission]:
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {COLUMNS} FROM submissions {where}",  # noqa: S608 - our own clauses
                params,
            ).fetchall()
        return [submission(row) for row in rows]

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection under the lock; SQLite's failures become OutboxReadError (a damaged
        file: OutboxDamagedError, whose message says what to do)."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise read_failure(self.path, exc) from exc

    # -- delivery results -----------------------------------------------------------------

    def mark_delivered(
        self, code: str, case_number: str, now: dt.datetime | None = None
    ) -> Submission:
        """The office has it: record its case number; no more attempts."""
        return self._change(
            code,
            "delivered",
            "state = 'delivered', case_number = :case, delivered_at = :now, last_error = '', "
            "next_attempt_at = NULL, attempts = attempts + 1",
            {"case": case_number},
            reason=f"case {case_number}",
            now=now,
        )

    def mark_try_later(
        self, code: str, reason: str, next_attempt_at: dt.datetime, now: dt.datetime | None = None
    ) -> Submission:
        """The office could not take it now: count the attempt, say when to try again."""
        return self._change(
            code,
            "queued",
            "attempts = attempts + 1, last_error = :reason, next_attempt_at = :next",
            {"reason": reason, "next": to_text(next_attempt_at)},
            reason=f"{reason}; next attempt {to_text(next_attempt_at)}",
            now=now,
        )

    def mark_rejected(self, code: str, reason: str, now: dt.datetime | None = None) -> Submission:
        """The office refused it: a technician must look (then `retry`)."""
        return self._change(
            code,
            "rejected",
            "state = 'rejected', attempts = attempts + 1, last_error = :reason, "
            "next_attempt_at = NULL",
            {"reason": reason},
            reason=reason,
            now=now,
        )

    def retry(self, code: str, now: dt.datetime | None = None) -> Submission:
        """Queue a rejected (or waiting) submission again, due at once, backoff restarted."""
        found = self.get(code)
        if found is None:
            raise SubmissionNotFound(f"no submission {display(code)} in the outbox")
        if found.state == "delivered":
            raise NotRetryable(
                f"{display(found.code)} was delivered already (case {found.case_number or '-'})"
            )
        return self._change(
            found.code,
            "queued",
            "state = 'queued', attempts = 0, next_attempt_at = :now",
            {},
            reason="retry asked by a technician",
            now=now,
            only_from=("queued", "rejected"),
        )

    def retry_all_rejected(self, now: dt.datetime | None = None) -> builtins.list[str]:
        """Queue every rejected submission again; returns their codes."""
        codes = [s.code for s in self.list("rejected")]
        for code in codes:
            self.retry(code, now)
        return codes

    def _change(
        self,
        code: str,
        state: State,
        assignments: str,
        params: dict[str, object],
        *,
        reason: str,
        now: dt.datetime | None,
        only_from: tuple[State, ...] = ("queued",),
    ) -> Submission:
        """One state change of one submission, committed, then logged."""
        moment = now or self._clock()
        values = {**params, "code": code, "now": to_text(moment)}
        allowed = ", ".join(f"'{s}'" for s in only_from)
        sql = (
            f"UPDATE submissions SET {assignments}, changed_at = :now "  # noqa: S608
            f"WHERE code = :code AND state IN ({allowed})"
        )
        try:
            with self._lock, write_transaction(self._conn):
                changed = self._conn.execute(sql, values).rowcount
        except (sqlite3.Error, OSError) as exc:
            raise OutboxWriteError(
                f"{self.path}: could not record {code} as {state}: {reason_of(exc)}"
            ) from exc
        after = self.get(code)
        if after is None:
            raise SubmissionNotFound(f"no submission with code {code} in the outbox")
        if changed:
            log.info("outbox %s (%s): %s: %s", code, after.service_id, state, reason)
        return after

    # -- retention ------------------------------------------------------------------------

    def purge_personal_data(
        self, now: dt.datetime | None = None, retention: dt.timedelta = DEFAULT_RETENTION
    ) -> int:
        """Delete the answers of submissions delivered more than `retention` ago.

        Code, service, times, state and case number stay. The WAL is checkpointed and
        truncated afterwards so no copy of the old pages is left in it.
        """
        moment = now or self._clock()
        cutoff = to_text(moment - retention)
        try:
            with self._lock:
                with write_transaction(self._conn):
                    purged = self._conn.execute(
                        "UPDATE submissions SET answers = NULL, purged_at = ? "
                        "WHERE state = 'delivered' AND answers IS NOT NULL AND delivered_at < ?",
                        (to_text(moment), cutoff),
                    ).rowcount
                if purged:
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except (sqlite3.Error, OSError) as exc:
            raise OutboxWriteError(f"{self.path}: purge failed: {reason_of(exc)}") from exc
        if purged:
            log.info("outbox: personal data of %d delivered submission(s) purged", purged)
        return purged


def _check(new: NewSubmission) -> None:
    """Refuse a malformed submission: a bug in the caller, not the resident's fault."""
    for name in ("kiosk_id", "tenant_id", "service_id", "service_name", "form_id", "language"):
        if not isinstance(getattr(new, name), str) or not getattr(new, name):
            raise ValueError(f"NewSubmission.{name} must be a non-empty text")
    for mapping_name in ("answers", "answer_labels"):
        mapping = getattr(new, mapping_name)
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
            raise ValueError(f"NewSubmission.{mapping_name} must map text to text")


__all__ = [
    "Filed",
    "NewSubmission",
    "NotRetryable",
    "Outbox",
    "OutboxDamagedError",
    "OutboxReadError",
    "OutboxWriteError",
    "State",
    "Submission",
    "SubmissionNotFound",
]
