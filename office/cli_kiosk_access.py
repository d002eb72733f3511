"""`office kiosk revoke KIOSK_ID` and `office kiosk token KIOSK_ID`: take a kiosk out of
service (stolen, scrapped, moved away), or give it a new token (a leaked one, or back in
service after a revocation).

Both act on the shared register, so every instance refuses the old token from the commit
on. An unknown kiosk exits 2, as `office kiosk key` does; revoking a revoked kiosk
changes nothing and exits 0 (the kiosk is out of service, as asked).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from office.fleet_records import KioskUnknown
from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.serve import utc_now
from office.settings import OfficeSettings


class KioskCommandError(ValueError):
    """A kiosk that is not registered: exit status 2."""


def add_access_parsers(kiosk_commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    revoke = kiosk_commands.add_parser(
        "revoke",
        help="take a kiosk out of service: its token and heartbeats are refused at once",
        description="Revoke a kiosk (stolen, scrapped, moved to another commune): from now "
        "on its token gets 401 at the intake and its heartbeats are refused, on every "
        "instance. Its cases and its fleet row stay. `office kiosk token` restores it.",
    )
    token = kiosk_commands.add_parser(
        "token",
        help="give a kiosk a new intake token (printed once); the old one stops working",
        description="Print a new token for the kiosk's [intake] token; the old token is "
        "refused at once. A revoked kiosk is back in service with it.",
    )
    for command in (revoke, token):
        command.add_argument(
            "kiosk_id", metavar="KIOSK_ID", help="a kiosk registered with `kiosk add`"
        )
        command.add_argument("--config", type=Path, help="office TOML file (default: built-in)")


def revoke_kiosk(settings: OfficeSettings, kiosk_id: str) -> None:
    store = open_store(settings)
    try:
        revocation = store.revoke_kiosk(kiosk_id, utc_now(), cli_actor())
    except KioskUnknown:
        raise _unknown(kiosk_id) from None
    finally:
        store.close()
    if revocation.already:
        print(
            f"kiosk {kiosk_id} was revoked already on {local_time(revocation.revoked_at)};"
            " nothing changed",
            file=sys.stderr,
        )
        return
    print(
        f"kiosk {kiosk_id} revoked: its token and heartbeats are refused from now on (its"
        f" cases stay); to put it back in service: office kiosk token {kiosk_id}",
        file=sys.stderr,
    )


def replace_token(settings: OfficeSettings, kiosk_id: str) -> None:
    token = new_token()
    store = open_store(settings)
    try:
        was_revoked = store.replace_kiosk_token(kiosk_id, token_hash(token), utc_now(), cli_actor())
    except KioskUnknown:
        raise _unknown(kiosk_id) from None
    finally:
        store.close()
    print(token)
    if was_revoked is not None:
        print(
            f"kiosk {kiosk_id} is in service again (revoked on {local_time(was_revoked)})",
            file=sys.stderr,
        )
    print(
        f"kiosk {kiosk_id} has a new token and its old one is refused; put the line above"
        " in its config as [intake] token (it is not shown again)",
        file=sys.stderr,
    )


def cli_actor() -> str:
    """Who ran the command, for the audit log: `cli:` and the system user."""
    try:
        return "cli:" + getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or in passwd
        return f"cli:uid {os.getuid()}"


def local_time(moment: dt.datetime) -> str:
    """2026-12-06 17:02, in Polish time (UTC where the tz database is missing)."""
    try:
        moment = moment.astimezone(ZoneInfo("Europe/Warsaw"))
    except ZoneInfoNotFoundError:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M")


def _unknown(kiosk_id: str) -> KioskCommandError:
    return KioskCommandError(f"no kiosk {kiosk_id!r} is registered (office kiosk list shows them)")
