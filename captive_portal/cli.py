"""The `captive-portal` command: serve the hotspot portal; manage its gateway registry.

Exits 2 with a one-line reason when the command line, the config file or the
environment is wrong, 1 when the store cannot be opened, the gateway cannot be set up
(e.g. no walled-garden host resolves) or the metrics listener cannot be opened.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from captive_portal.gateway import GatewayError
from captive_portal.gateway_cli import add_gateway_parser, run_gateway_command
from captive_portal.open_store import open_store
from captive_portal.serve import ListenError, serve
from captive_portal.settings import PortalSettings
from captive_portal.settings_checks import SettingsError
from captive_portal.settings_file import CONFIG_VARIABLE, env_name, load_settings
from captive_portal.store import StoreError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="captive-portal", description="Captive portal for the municipal Wi-Fi hotspots."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    config = argparse.ArgumentParser(add_help=False)
    config.add_argument("--config", type=Path, help="portal TOML file (default: built-in)")
    serve = commands.add_parser(
        "serve",
        parents=[config],
        help="serve the hotspot portal (splash, OS probes, RFC 8908 API, admin API)",
        description="Serve the hotspot portal. Settings: the TOML file, then "
        "CAPTIVE_PORTAL_<KEY> environment variables, then --host/--port.",
    )
    serve.add_argument("--host", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, help="TCP port to listen on (default: 8080)")
    add_gateway_parser(commands, config)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    environ = dict(os.environ)
    if args.config is not None:
        environ[CONFIG_VARIABLE] = str(args.config.resolve())
    if args.command == "serve" and args.host is not None:
        environ[env_name("host")] = args.host
    if args.command == "serve" and args.port is not None:
        environ[env_name("port")] = str(args.port)
    try:
        settings = load_settings(None, environ)
    except SettingsError as exc:
        print(f"captive-portal: {exc}", file=sys.stderr)
        return 2
    if args.command == "gateway":
        return _gateway_command(args, settings)
    try:
        serve(settings, environ)
    except SettingsError as exc:
        print(f"captive-portal: {exc}", file=sys.stderr)
        return 2
    except (StoreError, GatewayError, ListenError) as exc:
        print(f"captive-portal: {exc}", file=sys.stderr)
        return 1
    return 0


def _gateway_command(args: argparse.Namespace, settings: PortalSettings) -> int:
    try:
        store = open_store(settings)
    except StoreError as exc:
        print(f"captive-portal: {exc}", file=sys.stderr)
        return 1
    try:
        return run_gateway_command(args, store, settings)
    except StoreError as exc:
        print(f"captive-portal: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
