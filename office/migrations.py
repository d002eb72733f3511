"""Numbered schema migrations in office/migrations, one SQL file per step.

`0002_fleet.sql` serves both databases; where they differ, `0001_cases.sqlite.sql` and
`0001_cases.postgresql.sql` replace it; two files of one number (for one dialect) are
refused. Each store applies the missing ones at start, inside one transaction under a
lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), and records each in
`schema_version`, so two instances starting at once apply every step exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Dialect = Literal["sqlite", "postgresql"]
FOLDER = Path(__file__).parent / "migrations"
_NAME = re.compile(r"(\d{4})_([a-z0-9_]+)(?:\.(sqlite|postgresql))?\.sql")

SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(dialect: Dialect, folder: Path = FOLDER) -> list[Migration]:
    """The steps for `dialect` in order; a dialect's own file wins over a shared one."""
    chosen: dict[int, tuple[str, Path]] = {}
    seen: set[tuple[int, str | None]] = set()
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.fullmatch(path.name)
        if match is None:
            raise ValueError(f"{path.name}: a migration is named NNNN_name[.dialect].sql")
        number, name, only = int(match[1]), match[2], match[3]
        if (number, only) in seen:  # e.g. two branches merged with the same number
            raise ValueError(f"{path.name}: two migrations are numbered {number:04d}")
        seen.add((number, only))
        if (only is None and number not in chosen) or only == dialect:
            chosen[number] = (name, path)
    steps = [Migration(n, name, p.read_text(encoding="utf-8")) for n, (name, p) in chosen.items()]
    steps.sort(key=lambda step: step.version)
    # A gap is allowed: work developed side by side takes numbers apart (0002 and 0003),
    # and each store applies every step it has not recorded, whenever it arrives.
    return steps
