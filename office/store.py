"""The case register's one interface, whichever database holds it (SQLite or PostgreSQL).

`open_store` picks the implementation from `database_url`; the intake and the commands
see only `CaseStore`. Both implementations number cases per office and per year with no
gaps and no repeats, however many instances file at once: SQLite in the transaction that
inserts the case, PostgreSQL in batches just after it (postgres_numbering.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from office.sql_access import SqlDatabase

if TYPE_CHECKING:
    from office.fleet_records import FleetKiosk, KioskBeat
    from office.status_changes import StatusWatch
    from office.status_reads import StatusReader
    from office.status_records import CaseStatusRecord

CaseState = Literal["received", "in_progress", "needs_more", "ready", "closed"]
FIRST_STATE: CaseState = "received"


@dataclass(frozen=True)
class NewCase:
    """An application as the intake accepted it. `document` is its canonical JSON."""

    code: str
    body_sha256: str
    tenant_id: str
    prefix: str
    kiosk_id: str
    service_id: str
    form_id: str
    form_version: str
    filed_at: dt.datetime
    document: str


@dataclass(frozen=True)
class Filing:
    """The case an application became; `created` is False for a resend of the same one."""

    case_number: str
    created: bool


@dataclass(frozen=True)
class Case:
    """A registered case without the resident's answers."""

    case_number: str
    code: str
    tenant_id: str
    kiosk_id: str
    service_id: str
    state: CaseState
    filed_at: dt.datetime
    received_at: dt.datetime


@dataclass(frozen=True)
class Kiosk:
    kiosk_id: str
    offices: frozenset[str]
    revoked_at: dt.datetime | None = None  # `office kiosk revoke`: refused from then on


@dataclass(frozen=True)
class Revocation:
    """A kiosk's revocation: since when, and whether it was revoked before this command."""

    revoked_at: dt.datetime
    already: bool


class StoreError(RuntimeError):
    """The store cannot be reached or written (database down, disk full, a timeout)."""


class KeyReused(ValueError):
    """This submission code is already the key of a different application."""


class KioskExists(ValueError):
    """A kiosk of this id is registered already."""


class KioskRevoked(KioskExists):
    """A kiosk of this id was registered and then revoked (`office kiosk token` restores it)."""

    def __init__(self, kiosk_id: str, revoked_at: dt.datetime) -> None:
        super().__init__(kiosk_id)
        self.revoked_at = revoked_at


class CaseStore(Protocol):
    def file_case(self, new: NewCase, received_at: dt.datetime) -> Filing:
        """Register `new` once: a resend with the same body gets the same case number;
        the same code with another body raises KeyReused."""
        ...

    def find_case(self, code: str) -> Case | None: ...

    def cases_of(self, tenant_id: str) -> list[Case]:
        """The office's cases in the order of their numbers."""
        ...

    def add_kiosk(
        self, kiosk_id: str, offices: Iterable[str], token_sha256: str, added_at: dt.datetime
    ) -> None:
        """Register a kiosk (raises KioskExists when the id is taken, KioskRevoked when
        it was taken by a kiosk since revoked)."""
        ...

    def kiosk_by_token(self, token_sha256: str) -> Kiosk | None:
        """The kiosk in service with this token; a revoked kiosk's token is no kiosk's."""
        ...

    def revoke_kiosk(self, kiosk_id: str, at: dt.datetime, actor: str) -> Revocation:
        """Refuse the kiosk's token and heartbeat key from `at` on, on every instance
        sharing the store (its row, cases and last heartbeat stay); an audit row by
        `actor`. Revoked before: nothing changes (`already`). Raises KioskUnknown."""
        ...

    def replace_kiosk_token(
        self, kiosk_id: str, token_sha256: str, at: dt.datetime, actor: str
    ) -> dt.datetime | None:
        """Give the kiosk a new token (the old one is refused at once) and lift its
        revocation; an audit row by `actor`. When it had been revoked (None: it was in
        service). Raises KioskUnknown."""
        ...

    def ping(self) -> None:
        """Raise StoreError unless the store answers."""
        ...

    def close(self) -> None: ...

    def status_of(self, code: str) -> CaseStatusRecord | None:
        """What a resident may see of the case filed under `code` (no personal data)."""
        ...

    def cases_by_state(self) -> dict[str, int]:
        """How many cases are in each state, over all offices (for the metrics)."""
        ...

    def set_kiosk_key(self, kiosk_id: str, public_key: str) -> None:
        """Register (or replace) the kiosk's heartbeat public key; raises KioskUnknown,
        or PublicKeyTaken when another kiosk has it."""
        ...

    def kiosk_by_public_key(self, public_key: str) -> Kiosk | None:
        """The kiosk registered with this heartbeat key, revoked or not (`revoked_at`
        says): the key stays taken by a revoked kiosk."""
        ...

    def record_heartbeat(self, beat: KioskBeat) -> None:
        """Keep `beat` as the kiosk's last heartbeat, unless the kept one was sent later."""
        ...

    def fleet(self) -> list[FleetKiosk]:
        """Every registered kiosk, revoked ones too, with its offices and last heartbeat,
        by id."""
        ...

    def sql(self) -> SqlDatabase:
        """Plain SQL on this store, for the clerks' pages (office/desk_store.py)."""
        ...

    def status_watch(self) -> StatusWatch:
        """Which cases changed what a resident sees, as this process learns it."""
        ...

    def status_reader(self) -> StatusReader:
        """`status_of` for the event loop: it never keeps the loop waiting on the store."""
        ...


def case_number(prefix: str, year: int, number: int) -> str:
    """The office's number for a case: UM-2026/00017."""
    return f"{prefix}-{year}/{number:05d}"


def registration_year(received_at: dt.datetime) -> int:
    """The year a case is numbered in: the office's (Polish) calendar year at receipt."""
    try:
        return received_at.astimezone(ZoneInfo("Europe/Warsaw")).year
    except ZoneInfoNotFoundError:
        return received_at.astimezone(dt.UTC).year
