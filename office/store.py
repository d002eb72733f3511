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


class StoreError(RuntimeError):
    """The store cannot be reached or written (database down, disk full, a timeout)."""


class KeyReused(ValueError):
    """This submission code is already the key of a different application."""


class KioskExists(ValueError):
    """A kiosk of this id is registered already."""


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
        """Register a kiosk (raises KioskExists when the id is taken)."""
        ...

    def kiosk_by_token(self, token_sha256: str) -> Kiosk | None: ...

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

    def kiosk_by_public_key(self, public_key: str) -> Kiosk | None: ...

    def record_heartbeat(self, beat: KioskBeat) -> None:
        """Keep `beat` as the kiosk's last heartbeat, unless the kept one was sent later."""
        ...

    def fleet(self) -> list[FleetKiosk]:
        """Every registered kiosk with its offices and last heartbeat, by id."""
        ...

    def sql(self) -> SqlDatabase:
        """Plain SQL on this store, for the clerks' pages (office/desk_store.py)."""
        ...

    def status_watch(self) -> StatusWatch:
        """Which cases changed what a resident sees, as this process learns it."""
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
