"""Throttling of clerks' logins, per account and per client address, kept in the store.

Failures within the window are counted; at the limit further attempts are refused without
checking the password, until the oldest failures leave the window. A good password clears
the account's count (not the address's: one office's desks share an address).
"""

from __future__ import annotations

import datetime as dt

from office.accounts_store import AccountStore
from office.settings import OfficeSettings


class LoginThrottle:
    def __init__(self, accounts: AccountStore, settings: OfficeSettings) -> None:
        self._accounts = accounts
        self._window = dt.timedelta(minutes=settings.login_window_min)
        self._per_account = settings.login_attempts_per_account
        self._per_address = settings.login_attempts_per_address

    def refuses(self, login: str, address: str, now: dt.datetime) -> bool:
        since = now - self._window
        return (
            self._accounts.failures_since(_account(login), since) >= self._per_account
            or self._accounts.failures_since(_address(address), since) >= self._per_address
        )

    def failed(self, login: str, address: str, now: dt.datetime) -> None:
        self._accounts.record_failure(
            [_account(login), _address(address)], now, forget_before=now - self._window
        )

    def succeeded(self, login: str) -> None:
        self._accounts.forget_failures(_account(login))


def _account(login: str) -> str:
    return f"login:{login.casefold()}"


def _address(address: str) -> str:
    return f"address:{address}"
