"""The `kiosk` command: technicians' and publishers' entry point.

Every sub-command reads the same config file, has --help, and exits non-zero with a
one-line reason on bad input: 1 when the work failed, 2 when the command line or the
config file is wrong.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk import __version__, cli_catalogue
from kiosk.composition import Services
from kiosk.config import ConfigError
from kiosk.fleet_apply import load_effective_config
from kiosk.logs import setup_logging

log = logging.getLogger("kiosk")

Handler = Callable[[argparse.Namespace], int]


Extension = Callable[[argparse._SubParsersAction], None]  # type: ignore[type-arg]


def build_parser(extend: Extension | None = None, core: bool = True) -> argparse.ArgumentParser:
    """The command tree; `extend` adds commands from outside the core (the UI's `run`).
    Without the `core` commands the tree is the extension's alone: the kiosk app's start
    does not import the technicians' tools (~25 ms of its cold start)."""
    parser = _with_options(
        argparse.ArgumentParser(prog="kiosk", description="Infomat kiosk: catalogue and tools.")
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    if core:
        _add_core_commands(commands)
    if extend is not None:
        extend(commands)
    return parser


def _with_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--config", type=Path, help="kiosk TOML config file (default: the built-in demo)"
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log every step (default: warnings only)"
    )
    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The command `argv` names (its first word after the options); None without one or
    when the options are wrong (the whole parser then says what is wrong)."""
    reader = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    reader.add_argument("--config")
    reader.add_argument("-v", "--verbose", action="store_true")
    reader.add_argument("command", nargs="?")
    try:
        known, _ = reader.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    command: str | None = known.command
    return command


def _add_core_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from kiosk import cli_fleet, cli_heartbeat, cli_outbox  # noqa: PLC0415 - see build_parser

    sync = commands.add_parser("sync", help="fetch, verify and swap in the catalogue once")
    sync.set_defaults(handler=_sync)
    config = commands.add_parser("config", help="list every config option with its default")
    config.set_defaults(handler=_config)
    admin = commands.add_parser("admin", help="technician tools")
    admin_tools = admin.add_subparsers(dest="tool", required=True, metavar="TOOL")
    hash_pin = admin_tools.add_parser(
        "hash-pin", help="PIN on stdin -> admin.pin_hash for the config"
    )
    hash_pin.set_defaults(handler=_hash_pin)
    cli_catalogue.add_commands(commands)
    cli_outbox.add_commands(commands)
    cli_heartbeat.add_commands(commands)
    cli_fleet.add_commands(commands)


def main(
    argv: Sequence[str] | None = None, extend: Extension | None = None, core: bool = True
) -> int:
    parser = build_parser(extend, core)
    args = parser.parse_args(argv)
    try:
        effective = load_effective_config(args.config)
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    # One-shot tools print their result; their log stays quiet unless asked. The app and
    # `sync` are what services and technicians run, so they log at the configured level.
    quiet = (
        args.command
        in (
            "catalogue",
            "config",
            "admin",
            "screenshot",
            "outbox",
            "heartbeat",
            "fleet",
            "self-test",
            "compile-qml",
        )
        and not args.verbose
    )
    config = effective.config
    setup_logging("WARNING" if quiet else config.log_level)
    if effective.problem:
        log.warning("%s", effective.problem)
    elif effective.fleet is not None:
        log.info("fleet config of group %s applied", effective.fleet.group)
    args.effective = effective
    args.services = Services(config, effective.local)
    handler: Handler = args.handler
    try:
        return handler(args)
    except Exception as exc:
        if not _told(exc):
            raise
    return 1


def _told(exc: Exception) -> bool:
    """Prints an error a technician can act on; False for a bug (it goes on as a traceback).

    The error classes are imported here, after the fact: a module that raised one is loaded
    already, and `kiosk run` does not pay for validation, signing and HTTP at its start."""
    from offline_cache.catalogue_load import CatalogueRejected, DiskFullError  # noqa: PLC0415
    from offline_cache.catalogue_store import StoreError  # noqa: PLC0415
    from offline_cache.outbox_file import OutboxReadError, OutboxWriteError  # noqa: PLC0415
    from offline_cache.signing import SignatureError  # noqa: PLC0415
    from offline_cache.validation import BundleError  # noqa: PLC0415

    if isinstance(exc, CatalogueRejected):
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        print(f"kiosk: {exc.args[0]}", file=sys.stderr)
    elif isinstance(
        exc,
        BundleError
        | SignatureError
        | DiskFullError
        | StoreError
        | OutboxWriteError
        | OutboxReadError
        | cli_catalogue.UsageError,
    ):
        print(f"kiosk: {exc}", file=sys.stderr)
    elif isinstance(exc, OSError):
        print(f"kiosk: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
    else:
        return False
    return True


def _sync(args: argparse.Namespace) -> int:
    services: Services = args.services
    sync = services.catalogue_sync
    if sync is None:
        print("kiosk: no catalogue.url in the config; nothing to sync from", file=sys.stderr)
        return 2
    status = sync.run_once()
    print(f"{status.outcome}: {status.reason}")
    return 0 if status.outcome != "failed" else 1


def _hash_pin(args: argparse.Namespace) -> int:
    """Read the PIN from stdin (never from the command line, which shells keep in history)."""
    from kiosk.admin_pin import hash_pin  # noqa: PLC0415 - only this command needs it

    if sys.stdin.isatty():
        import getpass  # noqa: PLC0415

        pin = getpass.getpass("PIN (4-12 digits): ")
    else:
        pin = sys.stdin.readline().strip()
    try:
        print(f'pin_hash = "{hash_pin(pin)}"')
    except ValueError as exc:
        raise cli_catalogue.UsageError(str(exc)) from exc
    return 0


def _config(args: argparse.Namespace) -> int:
    from kiosk.config import describe  # noqa: PLC0415 - only this command needs it

    for option in describe():
        print(f"{option.key} = {option.default}  # {option.type}: {option.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
