"""`office purge [--dry-run]`: remove the personal data of closed cases past retention,
once (for cron; `office serve` does the same every `purge_interval_min`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from office.open_store import open_store
from office.retention import RetentionPurge
from office.serve import utc_now
from office.settings import OfficeSettings


def add_purge_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    purge = commands.add_parser(
        "purge",
        help="remove residents' personal data from cases closed retention_days ago",
        description="Remove the answers, messages and notes of cases closed more than "
        "retention_days ago (case numbers, dates and states stay). Safe beside running "
        "instances and when run twice.",
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="only count the cases that would be purged"
    )
    purge.add_argument("--config", type=Path, help="office TOML file (default: built-in)")


def run_purge(settings: OfficeSettings, dry_run: bool) -> str:
    """Purge (or count) once; the line to print."""
    store = open_store(settings)
    try:
        retention = RetentionPurge(store.sql(), settings.retention_days)
        now = utc_now()
        report = retention.due(now) if dry_run else retention.purge(now)
    finally:
        store.close()
    before = report.closed_before.date().isoformat()
    if dry_run:
        return f"would remove personal data from {report.purged} cases closed before {before}"
    return f"removed personal data from {report.purged} cases closed before {before}"
