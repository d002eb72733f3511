"""The `office user` command line: its parser and its run, apart from the other commands.

Exits as they do: 2 with a one-line reason for a wrong command line, config, login or
password; 1 when the work failed (the store cannot be opened, the account exists).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from office.accounts_store import ClerkExists
from office.settings_checks import SettingsError
from office.settings_file import load_settings
from office.store import StoreError
from office.user_command import UserCommandError, add_user, change_password


def add_user_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = commands.add_parser("user", help="clerks' accounts for the office's pages")
    user_commands = user.add_subparsers(dest="user_command", required=True, metavar="COMMAND")
    add = user_commands.add_parser(
        "add",
        help="add a clerk's account (password from stdin or a prompt)",
        description="Add an account: a clerk of the --office offices, or with --admin an "
        "administrator of every office. The password is read from stdin or asked for.",
    )
    add.add_argument("login", metavar="LOGIN", help="the clerk's login, e.g. anna.nowak")
    add.add_argument(
        "--office", action="append", default=[], metavar="TENANT",
        help="tenant_id of an office whose cases the clerk handles (repeat for more)",
    )  # fmt: skip
    add.add_argument("--admin", action="store_true", help="an administrator: every office")
    passwd = user_commands.add_parser(
        "passwd",
        help="set a clerk's new password (from stdin or a prompt); ends their sessions",
        description="Set a new password for LOGIN, read from stdin or asked for.",
    )
    passwd.add_argument("login", metavar="LOGIN", help="the clerk's login")
    for command in (add, passwd):
        command.add_argument("--config", type=Path, help="office TOML file (default: built-in)")


def run_user_command(args: argparse.Namespace) -> int:
    """Run `office user add|passwd`; the exit status."""
    try:
        settings = load_settings(args.config)
        if args.user_command == "add":
            add_user(settings, args.login, args.office, args.admin)
        else:
            change_password(settings, args.login)
    except (SettingsError, UserCommandError) as exc:
        print(f"office: {exc}", file=sys.stderr)
        return 2
    except (StoreError, ClerkExists) as exc:
        print(f"office: {exc}", file=sys.stderr)
        return 1
    return 0
