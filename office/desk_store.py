"""The clerks' reads and writes of cases, in either store (sql_access.py).

Every change a clerk makes is written with its audit row in one transaction. A state
change names the state the clerk saw: when another clerk moved the case meanwhile, nothing
changes and the caller says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, cast

from office.desk_records import (
    AuditEntry,
    CaseFile,
    HistoryEntry,
    InboxPage,
    InboxQuery,
    InboxRow,
    MailNote,
    Note,
)
from office.resident_mail import OutgoingMail
from office.sql_access import SqlDatabase, SqlTransaction
from office.store import CaseState
from office.store_rows import moment

_INBOX_COLUMNS = "case_number, code, tenant_id, kiosk_id, service_id, state, received_at, assignee"
_FILE_COLUMNS = (
    "id, case_number, code, tenant_id, kiosk_id, service_id, state, filed_at, received_at,"
    " assignee, document, personal_data_purged_at"
)


class DeskStore:
    def __init__(self, db: SqlDatabase) -> None:
        self._db = db

    def inbox(self, query: InboxQuery) -> InboxPage:
        """The cases matching `query`, newest first, one page of them and their total."""
        where, params = _where(query)
        order = " ORDER BY received_at DESC, id DESC"
        with self._db.reading() as sql:
            if query.surname:
                rows = sql.rows(
                    f"SELECT {_INBOX_COLUMNS}, document FROM cases{where}{order}",  # noqa: S608
                    params,
                )
                rows = [row for row in rows if _answers_name(row[8], query.surname)]
                total = len(rows)
                start = (query.page - 1) * query.per_page
                rows = rows[start : start + query.per_page]
            else:
                total = int(sql.rows(f"SELECT count(*) FROM cases{where}", params)[0][0])  # noqa: S608
                rows = sql.rows(
                    f"SELECT {_INBOX_COLUMNS}, document FROM cases{where}{order}"  # noqa: S608
                    " LIMIT ? OFFSET ?",
                    [*params, query.per_page, (query.page - 1) * query.per_page],
                )
        return InboxPage([_inbox_row(row) for row in rows], total)

    def state_counts(self, offices: frozenset[str] | None) -> dict[str, int]:
        where, params = _where(InboxQuery(offices))
        with self._db.reading() as sql:
            rows = sql.rows(f"SELECT state, count(*) FROM cases{where} GROUP BY state", params)  # noqa: S608
        return {str(state): int(count) for state, count in rows}

    def choices(self, offices: frozenset[str] | None, column: str) -> list[str]:
        """The distinct services or kiosks of the offices' cases, for the inbox's filters."""
        assert column in ("service_id", "kiosk_id")
        where, params = _where(InboxQuery(offices))
        with self._db.reading() as sql:
            rows = sql.rows(
                f"SELECT DISTINCT {column} FROM cases{where} ORDER BY {column}",  # noqa: S608
                params,
            )
        return [str(row[0]) for row in rows]

    def case_file(self, code: str) -> CaseFile | None:
        with self._db.reading() as sql:
            rows = sql.rows(
                f"SELECT {_FILE_COLUMNS} FROM cases"  # noqa: S608
                " WHERE code = ? AND case_number IS NOT NULL",
                (code,),
            )
            if not rows:
                return None
            row = rows[0]
            history = sql.rows(
                "SELECT state, changed_at, actor, message FROM case_history WHERE case_id = ?"
                " ORDER BY changed_at, id",
                (row[0],),
            )
            notes = sql.rows(
                "SELECT author, written_at, text FROM case_notes WHERE case_id = ?"
                " ORDER BY written_at, id",
                (row[0],),
            )
            mails = sql.rows(
                "SELECT queued_at, state, attempts, sent_at, last_error, next_attempt_at"
                " FROM resident_mail"
                " WHERE case_id = ? ORDER BY queued_at, id",
                (row[0],),
            )
        found = _case_file(row, history, notes)
        return dataclasses.replace(found, mails=[_mail_note(m) for m in mails])

    def move(
        self, case_id: int, seen: CaseState, to: CaseState, *, actor: str, message: str,
        at: dt.datetime, mail: OutgoingMail | None = None,
    ) -> bool:  # fmt: skip
        """Move the case from `seen` to `to`, queueing `mail` to the resident in the same
        transaction; False when the case is no longer in `seen`."""
        with self._db.writing() as sql:
            if not sql.run(
                "UPDATE cases SET state = ? WHERE id = ? AND state = ?", (to, case_id, seen)
            ):
                return False
            sql.run(
                "INSERT INTO case_history (case_id, state, changed_at, actor, message)"
                " VALUES (?, ?, ?, ?, ?)",
                (case_id, to, at, f"clerk:{actor}", message),
            )
            _audit(sql, at, actor, "move", case_id=case_id, detail=f"{seen} -> {to}")
            if mail is not None:
                _queue_mail(sql, case_id, mail, at)
        return True

    def add_note(self, case_id: int, author: str, text: str, at: dt.datetime) -> None:
        with self._db.writing() as sql:
            sql.run(
                "INSERT INTO case_notes (case_id, author, written_at, text) VALUES (?, ?, ?, ?)",
                (case_id, author, at, text),
            )
            _audit(sql, at, author, "note", case_id=case_id, detail="")

    def assign(self, case_id: int, assignee: str, actor: str, at: dt.datetime) -> None:
        with self._db.writing() as sql:
            sql.run("UPDATE cases SET assignee = ? WHERE id = ?", (assignee, case_id))
            _audit(sql, at, actor, "assign", case_id=case_id, detail=assignee or "-")

    def audit(
        self, actor: str, action: str, at: dt.datetime, case_id: int | None = None,
        detail: str = "",
    ) -> None:  # fmt: skip
        """One audit row (log-in, log-out, a case viewed, printed or downloaded)."""
        with self._db.writing() as sql:
            _audit(sql, at, actor, action, case_id=case_id, detail=detail)

    def last_action(self, case_id: int, action: str) -> dt.datetime | None:
        """When the case last had this action in the audit log (e.g. "forward")."""
        with self._db.reading() as sql:
            rows = sql.rows(
                "SELECT max(at) FROM audit_log WHERE case_id = ? AND action = ?", (case_id, action)
            )
        return moment(rows[0][0]) if rows and rows[0][0] is not None else None

    def audit_log(self, limit: int = 200) -> list[AuditEntry]:
        """The newest audit rows, newest first."""
        with self._db.reading() as sql:
            rows = sql.rows(
                "SELECT a.at, a.actor, a.action, coalesce(c.case_number, ''), a.detail"
                " FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id"
                " ORDER BY a.at DESC, a.id DESC LIMIT ?",
                (limit,),
            )
        return [AuditEntry(moment(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]


def _audit(
    sql: SqlTransaction, at: dt.datetime, actor: str, action: str, *, case_id: int | None,
    detail: str,
) -> None:  # fmt: skip
    sql.run(
        "INSERT INTO audit_log (at, actor, action, case_id, detail) VALUES (?, ?, ?, ?, ?)",
        (at, actor, action, case_id, detail),
    )


def _queue_mail(sql: SqlTransaction, case_id: int, mail: OutgoingMail, at: dt.datetime) -> None:
    sql.run(
        "INSERT INTO resident_mail (case_id, message_id, recipient, language, subject, body,"
        " queued_at, state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued',"
        " 0, ?)",
        (case_id, mail.message_id, mail.recipient, mail.language, mail.subject, mail.body,
         at, at),
    )  # fmt: skip


def _mail_note(row: Sequence[Any]) -> MailNote:
    sent = moment(row[3]) if row[3] is not None else None
    return MailNote(moment(row[0]), str(row[1]), int(row[2]), sent, str(row[4]), moment(row[5]))


def _where(query: InboxQuery) -> tuple[str, list[object]]:
    # A case is the clerks' once numbered (PostgreSQL numbers it just after the insert).
    clauses: list[str] = ["case_number IS NOT NULL"]
    params: list[object] = []
    if query.offices is not None:
        if not query.offices:
            return " WHERE 1 = 0", []
        clauses.append(f"tenant_id IN ({', '.join('?' for _ in query.offices)})")
        params += sorted(query.offices)
    for column, value in (("state", query.state), ("service_id", query.service_id),
                          ("kiosk_id", query.kiosk_id), ("code", query.code),
                          ("case_number", query.case_number)):  # fmt: skip
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if query.overdue_before:
        late = " OR ".join("(tenant_id = ? AND received_at < ?)" for _ in query.overdue_before)
        clauses.append(f"state NOT IN ('ready', 'closed') AND ({late})")
        params += [value for pair in query.overdue_before for value in pair]
    return " WHERE " + " AND ".join(clauses), params


def _document(text: object) -> dict[str, Any]:
    """The stored document (jsonb comes back parsed from PostgreSQL, text from SQLite)."""
    if isinstance(text, dict):
        return text
    try:
        parsed = json.loads(str(text)) if text is not None else {}
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _answers_name(document: object, surname: str) -> bool:
    """Whether any answer holds `surname` (case and Polish capitals folded)."""
    answers = _document(document).get("answers")
    if not isinstance(answers, dict):
        return False
    wanted = surname.casefold()
    return any(isinstance(v, str) and wanted in v.casefold() for v in answers.values())


def _inbox_row(row: Sequence[Any]) -> InboxRow:
    service = _document(row[8]).get("service")
    name = service.get("name") if isinstance(service, dict) else None
    return InboxRow(
        case_number=str(row[0]), code=str(row[1]), tenant_id=str(row[2]), kiosk_id=str(row[3]),
        service_id=str(row[4]), service_name=str(name or row[4]), state=cast(CaseState, row[5]),
        received_at=moment(row[6]), assignee=str(row[7]),
    )  # fmt: skip


def _case_file(
    row: Sequence[Any], history: list[tuple[Any, ...]], notes: list[tuple[Any, ...]]
) -> CaseFile:
    document = row[10]
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    return CaseFile(
        case_id=int(row[0]), case_number=str(row[1]), code=str(row[2]), tenant_id=str(row[3]),
        kiosk_id=str(row[4]), service_id=str(row[5]), state=cast(CaseState, row[6]),
        filed_at=moment(row[7]), received_at=moment(row[8]), assignee=str(row[9]),
        document=text,
        history=[HistoryEntry(cast(CaseState, h[0]), moment(h[1]), str(h[2]), str(h[3]))
                 for h in history],
        notes=[Note(str(n[0]), moment(n[1]), str(n[2])) for n in notes],
        personal_data_purged_at=moment(row[11]) if row[11] is not None else None,
    )  # fmt: skip
