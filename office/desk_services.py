"""What every clerks' page handler needs, built once per app from the settings and store."""

from __future__ import annotations

from dataclasses import dataclass

from office.accounts_store import AccountStore
from office.clerk_sessions import SessionKeeper
from office.desk_pages import DeskPages
from office.desk_store import DeskStore
from office.intake import Clock
from office.login_throttle import LoginThrottle
from office.settings import OfficeSettings
from office.store import CaseStore


@dataclass(frozen=True)
class DeskServices:
    settings: OfficeSettings
    accounts: AccountStore
    cases: DeskStore
    sessions: SessionKeeper
    throttle: LoginThrottle
    pages: DeskPages
    clock: Clock

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
        )
