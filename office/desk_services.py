"""What every clerks' page handler needs, built once per app from the settings and store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from office.accounts_store import AccountStore
from office.clerk_sessions import SessionKeeper
from office.desk_pages import DeskPages
from office.desk_store import DeskStore
from office.due_dates import due_date, is_overdue, overdue_before
from office.fleet_records import FleetKiosk
from office.intake import Clock
from office.login_throttle import LoginThrottle
from office.settings import Office, OfficeSettings
from office.store import CaseState, CaseStore


@dataclass(frozen=True)
class DeskServices:
    settings: OfficeSettings
    accounts: AccountStore
    cases: DeskStore
    sessions: SessionKeeper
    throttle: LoginThrottle
    pages: DeskPages
    clock: Clock
    fleet: Callable[[], list[FleetKiosk]]

    def deadline(
        self, tenant_id: str, received_at: dt.datetime, state: CaseState
    ) -> tuple[dt.date, bool]:
        """A case's due date and whether it is overdue now."""
        days = self.processing_days(tenant_id)
        return due_date(received_at, days), is_overdue(state, received_at, days, self.clock())

    def overdue_cutoffs(
        self, offices: frozenset[str] | None
    ) -> tuple[tuple[str, dt.datetime], ...]:
        """For the inbox's "overdue" filter: each office and its overdue_before moment."""
        tenants = offices if offices is not None else {o.tenant_id for o in self.settings.offices}
        now = self.clock()
        return tuple((t, overdue_before(now, self.processing_days(t))) for t in sorted(tenants))

    def processing_days(self, tenant_id: str) -> int:
        office = self.settings.office(tenant_id)
        return (office or Office()).processing_days

    @classmethod
    def build(cls, settings: OfficeSettings, store: CaseStore, clock: Clock) -> DeskServices:
        sql = store.sql()
        accounts = AccountStore(sql)
        return cls(
            settings=settings,
            accounts=accounts,
            cases=DeskStore(sql),
            sessions=SessionKeeper(accounts, settings),
            throttle=LoginThrottle(accounts, settings),
            pages=DeskPages(),
            clock=clock,
            fleet=store.fleet,
        )
