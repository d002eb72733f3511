"""`office user add|passwd`: clerks' accounts, the password read from stdin or a prompt.

A password never comes from the command line (other users see it in `ps`, the shell keeps
it in history): at a terminal it is asked twice without echo, otherwise the first line of
stdin is read (`printf '%s\\n' "$PASSWORD" | office user add ...`).
"""

from __future__ import annotations

import getpass
import re
import sys
from collections.abc import Sequence
from typing import TextIO

from office.accounts_store import AccountStore, ClerkExists
from office.open_store import open_store
from office.passwords import WeakPassword, hash_password
from office.serve import utc_now
from office.settings import OfficeSettings

LOGIN = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")


class UserCommandError(ValueError):
    """A wrong login, office or password: exit status 2."""


def add_user(
    settings: OfficeSettings, login: str, offices: Sequence[str], is_admin: bool,
    stdin: TextIO = sys.stdin,
) -> None:  # fmt: skip
    _check_login(login)
    if not offices and not is_admin:
        raise UserCommandError("a clerk needs --office TENANT (or --admin for every office)")
    for tenant_id in offices:
        if settings.office(tenant_id) is None:
            known = ", ".join(o.tenant_id for o in settings.offices)
            raise UserCommandError(f"no office {tenant_id!r} in the config (known: {known})")
    password_hash = _new_password_hash(stdin)
    store = open_store(settings)
    try:
        AccountStore(store.sql()).add_clerk(login, password_hash, is_admin, offices, utc_now())
    except ClerkExists:
        raise ClerkExists(f"an account {login!r} exists already") from None
    finally:
        store.close()
    role = "administrator" if is_admin else "clerk of " + ", ".join(sorted(set(offices)))
    print(f"account {login} added: {role}", file=sys.stderr)


def change_password(settings: OfficeSettings, login: str, stdin: TextIO = sys.stdin) -> None:
    password_hash = _new_password_hash(stdin)
    store = open_store(settings)
    try:
        changed = AccountStore(store.sql()).set_password(login, password_hash)
    finally:
        store.close()
    if not changed:
        raise UserCommandError(f"no account {login!r}")
    print(f"password of {login} changed; its sessions ended", file=sys.stderr)


def _check_login(login: str) -> None:
    if not LOGIN.fullmatch(login):
        raise UserCommandError(
            f"{login!r} is not a login (2 to 64 lower-case letters, digits, '.', '_', '-')"
        )


def _new_password_hash(stdin: TextIO) -> str:
    if stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise UserCommandError("the two passwords differ")
    else:
        password = stdin.readline().rstrip("\r\n")
    try:
        return hash_password(password)
    except WeakPassword as exc:
        raise UserCommandError(str(exc)) from None
