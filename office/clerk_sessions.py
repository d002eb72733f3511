"""Clerks' sessions: a random token in an HttpOnly cookie, the session in the store.

The cookie holds 32 random bytes; the store keeps only their SHA-256, with the login, the
session's CSRF token, and when it began and was last used. A session ends on logout, after
`session_idle_min` without a request, or `session_max_hours` after login, whichever comes
first.
"""

from __future__ import annotations

import datetime as dt
import secrets

from office.accounts_store import AccountStore
from office.desk_records import ClerkSession
from office.kiosk_tokens import token_hash
from office.settings import OfficeSettings

COOKIE = "infomat_office_session"
TOUCH_EVERY = dt.timedelta(seconds=30)  # fewer writes; idle limits are minutes


class SessionKeeper:
    def __init__(self, accounts: AccountStore, settings: OfficeSettings) -> None:
        self._accounts = accounts
        self._idle = dt.timedelta(minutes=settings.session_idle_min)
        self._longest = dt.timedelta(hours=settings.session_max_hours)

    def open(self, login: str, now: dt.datetime) -> str:
        """A new session's cookie value (the old one, if any, is for the caller to end)."""
        token = secrets.token_urlsafe(32)
        self._accounts.open_session(token_hash(token), login, secrets.token_urlsafe(32), now)
        return token

    def resume(self, token: str, now: dt.datetime) -> ClerkSession | None:
        """The live session of a cookie value, or None (unknown, idle or too old: ended)."""
        if not token or len(token) > 100:
            return None
        key = token_hash(token)
        session = self._accounts.session(key)
        if session is None:
            return None
        if now - session.last_seen_at > self._idle or now - session.created_at > self._longest:
            self._accounts.end_session(key)
            return None
        if now - session.last_seen_at > TOUCH_EVERY:
            self._accounts.touch_session(key, now)
        return session

    def forget_ended(self, now: dt.datetime) -> None:
        """Drop every session past its idle or absolute limit (run at each login)."""
        self._accounts.end_sessions_before(now - self._longest, now - self._idle)

    def end(self, token: str) -> None:
        if token and len(token) <= 100:
            self._accounts.end_session(token_hash(token))
