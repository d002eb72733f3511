"""What the clerks' pages read from the store: accounts, sessions, inbox rows, a case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from office.store import CaseState


@dataclass(frozen=True)
class Clerk:
    """An account: a clerk of `offices`, or an administrator (every office)."""

    login: str
    password_hash: str
    is_admin: bool
    offices: frozenset[str]

    def may_see(self, tenant_id: str) -> bool:
        return self.is_admin or tenant_id in self.offices


@dataclass(frozen=True)
class ClerkSession:
    login: str
    csrf_token: str
    created_at: dt.datetime
    last_seen_at: dt.datetime


@dataclass(frozen=True)
class InboxQuery:
    """The inbox's filters; `offices` None means every office (an administrator)."""

    offices: frozenset[str] | None
    state: str = ""
    service_id: str = ""
    kiosk_id: str = ""
    code: str = ""
    case_number: str = ""
    surname: str = ""
    # Only unsettled cases received before their office's moment (due_dates.overdue_before).
    overdue_before: tuple[tuple[str, dt.datetime], ...] = ()
    page: int = 1
    per_page: int = 50


@dataclass(frozen=True)
class InboxRow:
    case_number: str
    code: str
    tenant_id: str
    kiosk_id: str
    service_id: str
    service_name: str
    state: CaseState
    received_at: dt.datetime
    assignee: str


@dataclass(frozen=True)
class InboxPage:
    rows: list[InboxRow]
    total: int


@dataclass(frozen=True)
class HistoryEntry:
    state: CaseState
    changed_at: dt.datetime
    actor: str
    message: str


@dataclass(frozen=True)
class Note:
    author: str
    written_at: dt.datetime
    text: str


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    case_number: str
    detail: str


@dataclass(frozen=True)
class MailNote:
    """An e-mail to the resident as the clerk sees it: when, how it went (never to whom)."""

    queued_at: dt.datetime
    state: str  # queued, sent, failed
    attempts: int
    sent_at: dt.datetime | None
    last_error: str  # for the administrator (English, as in the log); never the address
    next_attempt_at: dt.datetime


@dataclass(frozen=True)
class CaseFile:
    """A case with everything a clerk sees: the stored document, history, notes."""

    case_id: int
    case_number: str
    code: str
    tenant_id: str
    kiosk_id: str
    service_id: str
    state: CaseState
    filed_at: dt.datetime
    received_at: dt.datetime
    assignee: str
    document: str
    history: list[HistoryEntry] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    personal_data_purged_at: dt.datetime | None = None
    mails: list[MailNote] = field(default_factory=list)
