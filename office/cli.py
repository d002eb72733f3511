"""The `office` command: serve the office service, register kiosks and their keys, revoke
them, give them new tokens, list them.

Exits 2 with a one-line reason when the command line or the config file is wrong (an
unknown kiosk too), 1 when the work failed (the case register cannot be opened, the kiosk
exists already).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from office.cli_kiosk_access import (
    KioskCommandError,
    add_access_parsers,
    local_time,
    replace_token,
    revoke_kiosk,
)
from office.cli_kiosk_key import (
    PUBLIC_KEY_HELP,
    KeyCommandError,
    add_key_parser,
    checked_key,
    key_is_free,
    set_key,
    store_key,
)
from office.cli_kiosk_list import add_list_parser, list_kiosks
from office.kiosk_tokens import new_token, token_hash
from office.metrics_listener import ListenError
from office.open_store import open_store
from office.purge_command import add_purge_parser, run_purge
from office.serve import serve, utc_now
from office.settings import OfficeSettings
from office.settings_checks import SettingsError
from office.settings_file import load_settings
from office.settings_mail import MailSettingsError
from office.store import KioskExists, KioskRevoked, StoreError
from office.user_cli import add_user_parser, run_user_command
from office.visit_reminder_command import add_visits_parser, run_remind

KIOSK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class CommandError(Exception):
    """A wrong command line: exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="office", description="The office service: applications from the kiosks, cases."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve_command = commands.add_parser(
        "serve",
        help="serve the intake for the kiosks",
        description="Serve the office service. Settings: the TOML file, then --host/--port.",
    )
    _config_option(serve_command)
    serve_command.add_argument("--host", help="address to listen on (default: 127.0.0.1)")
    serve_command.add_argument("--port", type=int, help="TCP port to listen on (default: 8090)")
    add_user_parser(commands)
    kiosk = commands.add_parser("kiosk", help="register, revoke and list the kiosks that file here")
    kiosk_commands = kiosk.add_subparsers(dest="kiosk_command", required=True, metavar="COMMAND")
    add = kiosk_commands.add_parser(
        "add",
        help="register a kiosk and print its intake token (shown only this once)",
        description="Register a kiosk for one or more offices; prints the token for the "
        "kiosk's [intake] token. Only its hash is stored.",
    )
    add.add_argument(
        "kiosk_id", metavar="KIOSK_ID", help="the kiosk's kiosk_id, e.g. lancut-ratusz-1"
    )
    add.add_argument(
        "--office", action="append", required=True, metavar="TENANT",
        help="tenant_id of an office the kiosk files for (repeat for more)",
    )  # fmt: skip
    add.add_argument("--public-key", metavar="KEY", help=PUBLIC_KEY_HELP)
    _config_option(add)
    add_key_parser(kiosk_commands)
    add_access_parsers(kiosk_commands)
    add_list_parser(kiosk_commands)
    add_purge_parser(commands)
    add_visits_parser(commands)
    return parser


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="office TOML file (default: built-in)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "user":
        return run_user_command(args)
    try:
        overrides: dict[str, Any] = {}
        if args.command == "serve":
            overrides = {k: v for k in ("host", "port") if (v := getattr(args, k)) is not None}
        settings = load_settings(args.config, overrides)
        if args.command == "serve":
            serve(settings)
        elif args.command == "purge":
            print(run_purge(settings, args.dry_run))
        elif args.command == "visits":
            line, status = run_remind(settings)
            print(line)
            return status
        else:
            run_kiosk_command(settings, args)
    except (
        SettingsError, MailSettingsError, CommandError, KeyCommandError, KioskCommandError,
    ) as exc:  # fmt: skip
        print(f"office: {exc}", file=sys.stderr)
        return 2
    except (StoreError, KioskExists, ListenError) as exc:
        print(f"office: {exc}", file=sys.stderr)
        return 1
    return 0


def run_kiosk_command(settings: OfficeSettings, args: argparse.Namespace) -> None:
    if args.kiosk_command == "key":
        set_key(settings, args.kiosk_id, args.public_key)
    elif args.kiosk_command == "revoke":
        revoke_kiosk(settings, args.kiosk_id)
    elif args.kiosk_command == "token":
        replace_token(settings, args.kiosk_id)
    elif args.kiosk_command == "list":
        print(list_kiosks(settings))
    else:
        add_kiosk(settings, args.kiosk_id, args.office, args.public_key or "")


def add_kiosk(
    settings: OfficeSettings, kiosk_id: str, offices: list[str], public_key: str = ""
) -> None:
    if not KIOSK_ID.fullmatch(kiosk_id):
        raise CommandError(f"{kiosk_id!r} is not a kiosk id (letters, digits, '.', '_', '-')")
    for tenant_id in offices:
        if settings.office(tenant_id) is None:
            known = ", ".join(o.tenant_id for o in settings.offices)
            raise CommandError(f"no office {tenant_id!r} in the config (known: {known})")
    key = checked_key(public_key) if public_key else ""
    if key:
        key_is_free(settings, key)
    token = new_token()
    store = open_store(settings)
    try:
        store.add_kiosk(kiosk_id, sorted(set(offices)), token_hash(token), utc_now())
        if key:
            store_key(store, kiosk_id, key)
    except KioskRevoked as revoked:
        raise KioskExists(
            f"kiosk {kiosk_id!r} was revoked on {local_time(revoked.revoked_at)}; to put it"
            f" back in service give it a new token: office kiosk token {kiosk_id}"
        ) from None
    except KioskExists:
        raise KioskExists(f"kiosk {kiosk_id!r} is registered already") from None
    finally:
        store.close()
    print(token)
    print(
        f"kiosk {kiosk_id} may file for {', '.join(sorted(set(offices)))}; put the line above"
        " in its config as [intake] token (it is not shown again)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    sys.exit(main())
