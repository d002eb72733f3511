"""`kiosk heartbeat ...`: the kiosk's own signing key and a one-off heartbeat to test the path.

The heartbeat has a key of its own per kiosk, not the catalogue publisher's key: the
publisher's key never sits on a kiosk, and one stolen kiosk key can be dropped alone.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from kiosk.cli_catalogue import UsageError


def add_commands(commands: Any) -> None:
    group = commands.add_parser("heartbeat", help="signed status for sites without Prometheus")
    tools = group.add_subparsers(dest="tool", required=True, metavar="TOOL")
    keygen = tools.add_parser(
        "keygen", help="make this kiosk's signing key; prints the public key for the receiver"
    )
    keygen.add_argument("--out", type=Path, required=True, help="private key file to create")
    keygen.set_defaults(handler=_keygen)
    send = tools.add_parser("send", help="POST one heartbeat now; prints the receiver's answer")
    send.add_argument(
        "--print", action="store_true", help="print the JSON body that is signed and sent"
    )
    send.set_defaults(handler=_send)


def _keygen(args: argparse.Namespace) -> int:
    from offline_cache.signing import generate_private_key, public_key_text  # noqa: PLC0415

    out: Path = args.out
    if out.exists():
        raise UsageError(f"{out}: already exists; a kiosk keeps its key (remove it to replace)")
    pem = generate_private_key()
    # Created readable by its owner only, before a byte of the key is written.
    descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    print(public_key_text(pem))
    return 0


def _send(args: argparse.Namespace) -> int:
    from kiosk.heartbeat import HeartbeatKeyError  # noqa: PLC0415

    try:
        heartbeat = args.services.heartbeat
    except HeartbeatKeyError as exc:
        raise UsageError(str(exc)) from exc
    if heartbeat is None:
        print("kiosk: no heartbeat.url in the config; nowhere to send to", file=sys.stderr)
        return 2
    if args.print:
        print(heartbeat.body().decode("utf-8"))
    result = heartbeat.send_once()
    print(f"{'sent' if result.ok else 'failed'}: {result.reason}")
    return 0 if result.ok else 1
