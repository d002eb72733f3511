"""`office kiosk list`: every registered kiosk as a plain table for a terminal.

Its id, offices, when it was registered, whether its heartbeat key is known, when it was
revoked and when it was last heard from (Polish time); never a token, which the register
does not hold anyway (only its hash).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from office.cli_kiosk_access import local_time
from office.fleet_records import FleetKiosk
from office.open_store import open_store
from office.settings import OfficeSettings

HEADINGS = ("KIOSK", "OFFICES", "REGISTERED", "HEARTBEAT KEY", "REVOKED", "LAST HEARTBEAT")


def add_list_parser(kiosk_commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    lister = kiosk_commands.add_parser(
        "list",
        help="every registered kiosk: offices, key, revoked, last heartbeat (no tokens)",
        description="List the registered kiosks, revoked ones too, by id; times are Polish.",
    )
    lister.add_argument("--config", type=Path, help="office TOML file (default: built-in)")


def list_kiosks(settings: OfficeSettings) -> str:
    """The table to print, with a closing line of counts."""
    store = open_store(settings)
    try:
        fleet = store.fleet()
    finally:
        store.close()
    if not fleet:
        return "no kiosks registered (office kiosk add registers one)"
    rows = [HEADINGS, *(_row(kiosk) for kiosk in fleet)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADINGS))]
    lines = [_line(row, widths) for row in rows]
    revoked = sum(1 for kiosk in fleet if kiosk.revoked_at is not None)
    lines.append(f"{len(fleet)} kiosks: {len(fleet) - revoked} in service, {revoked} revoked")
    return "\n".join(lines)


def _line(row: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()


def _row(kiosk: FleetKiosk) -> tuple[str, ...]:
    return (
        kiosk.kiosk_id,
        ",".join(kiosk.offices) or "-",
        local_time(kiosk.registered_at) if kiosk.registered_at else "-",
        "yes" if kiosk.has_public_key else "no",
        local_time(kiosk.revoked_at) if kiosk.revoked_at else "-",
        local_time(kiosk.beat.received_at) if kiosk.beat else "never",
    )
