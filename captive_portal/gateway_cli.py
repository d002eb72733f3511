"""`captive-portal gateway add|list|remove|rotate-key`: the gateway registry on the command
line. Secrets are printed once, when made; `list` shows none."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime

from captive_portal.gateway_registry import (
    FAS_LEVELS,
    KINDS,
    RegistryError,
    check_name,
    new_gateway,
    nftables_lines,
    opennds_lines,
    with_new_admin_token,
    with_new_faskey,
)
from captive_portal.settings import PortalSettings
from captive_portal.store import GatewayExists, GatewayRecord, SessionStore


def add_gateway_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    config: argparse.ArgumentParser,
) -> None:
    gateway = commands.add_parser(
        "gateway",
        help="the registry of gateways (routers) served under /g/NAME/",
        description="The registry of gateways: each router with its own faskey, admin token "
        "and terms version, in the portal's store.",
    )
    actions = gateway.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add", parents=[config], help="register a router; prints its faskey and admin token"
    )
    add.add_argument("name", help="1-32 lower-case letters, digits and '-', e.g. rynek")
    add.add_argument("--kind", choices=KINDS, required=True, help="the router's gateway")
    add.add_argument(
        "--address", required=True,
        help="openNDS: the router's gatewayaddress, e.g. 192.168.1.1:2050; nftables: where "
        "its portal answers, e.g. 192.168.1.1:8080",
    )  # fmt: skip
    add.add_argument(
        "--fas-level", type=int, choices=FAS_LEVELS, default=2,
        help="openNDS's fas_secure_enabled (default 2: only its key decrypts its calls)",
    )  # fmt: skip
    add.add_argument("--terms-version", help="this commune's terms version (default: the portal's)")
    actions.add_parser("list", parents=[config], help="the registered gateways (no secrets)")
    remove = actions.add_parser("remove", parents=[config], help="take a router off the registry")
    remove.add_argument("name")
    rotate = actions.add_parser(
        "rotate-key", parents=[config], help="give a router a new faskey (or admin token)"
    )
    rotate.add_argument("name")
    rotate.add_argument(
        "--admin-token", action="store_true", help="a new admin token instead of a new faskey"
    )


def run_gateway_command(
    args: argparse.Namespace, store: SessionStore, settings: PortalSettings
) -> int:
    """0 when done; 2 with a reason on stderr for a name or value the registry refuses.
    `settings`: the portal's, whose session and idle times the router's lines match."""
    try:
        if args.action == "add":
            _add(args, store, settings)
        elif args.action == "list":
            _list(store)
        elif args.action == "remove":
            _remove(check_name(args.name), store)
        else:
            _rotate(check_name(args.name), args.admin_token, store, settings)
    except RegistryError as exc:
        print(f"captive-portal: {exc}", file=sys.stderr)
        return 2
    return 0


def _add(args: argparse.Namespace, store: SessionStore, settings: PortalSettings) -> None:
    record, token = new_gateway(
        args.name, args.kind, args.address,
        fas_level=args.fas_level, terms_version=args.terms_version, now=time.time(),
    )  # fmt: skip
    try:
        store.add_gateway(record)
    except GatewayExists:
        raise RegistryError(
            f"gateway {record.name!r} is registered already: choose another name, or "
            f"'captive-portal gateway rotate-key {record.name}' for new secrets"
        ) from None
    terms = record.terms_version or "the portal's"
    level = f"FAS level {record.fas_level}, " if record.kind == "opennds" else ""
    print(f"Gateway {record.name!r} registered: {record.kind} at {record.address}, "
          f"{level}terms version {terms}.")  # fmt: skip
    _print_router_lines(record, settings)
    _print_token(record, token)


def _list(store: SessionStore) -> None:
    gateways = store.gateways()
    if not gateways:
        print("No gateways registered ('captive-portal gateway add NAME ...' adds one).")
        return
    print(f"{'NAME':32}  {'KIND':8}  {'ADDRESS':24}  FAS  {'TERMS':8}  ADDED (UTC)")
    for g in gateways:
        added = datetime.fromtimestamp(g.created_at, UTC).strftime("%Y-%m-%d %H:%M")
        terms = g.terms_version or "-"
        level = str(g.fas_level) if g.kind == "opennds" else "-"
        print(f"{g.name:32}  {g.kind:8}  {g.address:24}  {level:>3}  {terms:8}  {added}")


def _remove(name: str, store: SessionStore) -> None:
    if not store.remove_gateway(name):
        raise _unknown(name)
    print(f"Gateway {name!r} removed: /g/{name}/ now answers 404; its sessions ended, "
          "its consents stay.")  # fmt: skip


def _rotate(name: str, admin_token: bool, store: SessionStore, settings: PortalSettings) -> None:
    record = store.gateway(name)
    if record is None:
        raise _unknown(name)
    if admin_token:
        record, token = with_new_admin_token(record)
        store.replace_gateway(record)
        _print_token(record, token)
        return
    if record.kind != "opennds":
        raise RegistryError(
            f"gateway {name!r} is an nftables router, which has no faskey: "
            f"'captive-portal gateway rotate-key {name} --admin-token' gives it a new admin token"
        )
    record = with_new_faskey(record)
    store.replace_gateway(record)
    print(f"Gateway {name!r} has a new faskey; until the router has it, its phones are refused.")
    _print_router_lines(record, settings)


def _print_router_lines(record: GatewayRecord, settings: PortalSettings) -> None:
    if record.kind == "nftables":
        print('\nOn the router, in its portal\'s settings (gateway = "nftables" and this')
        print("database_url), then restart its portal:")
        for line in nftables_lines(record):
            print(f"    {line}")
        return
    print("\nOn the router, in opennds.conf (with fasremoteip or fasremotefqdn and fasport")
    print("where this portal answers), then restart openNDS:")
    for line in opennds_lines(record, settings.session_seconds, settings.idle_timeout_seconds):
        print(f"    {line}")
    print("openNDS takes no logout from a remote portal: a phone logged out here stays online")
    print('at the router until these timeouts (docs/gateways.md, "A remote openNDS router").')


def _print_token(record: GatewayRecord, token: str) -> None:
    print(f"\nAdmin token of gateway {record.name!r} (shown this once; the portal keeps only")
    print(f"its SHA-256), for /g/{record.name}/admin/:")
    print(f"    {token}")


def _unknown(name: str) -> RegistryError:
    return RegistryError(
        f"no gateway {name!r} in the registry: 'captive-portal gateway list' shows them"
    )
