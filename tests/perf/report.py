"""How the figure-list benchmarks end: the machine, a table with the targets, the JSON file."""

from __future__ import annotations

import json
import platform
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def machine() -> str:
    return f"{platform.machine()} {platform.python_version()} sqlite {sqlite3.sqlite_version}"


def report(figures: dict[str, Any], targets: Mapping[str, str], results: Path) -> None:
    """Add the machine, print `figure  value  target` rows and write `results` as JSON."""
    figures["machine"] = machine()
    width = max(28, *(len(name) for name in figures))
    print(f"{'figure':{width}} {'value':>12} {'target':>10}")
    for name, value in figures.items():
        shown = f"{value:12.3f}" if isinstance(value, float) else f"{value!s:>12}"
        print(f"{name:{width}} {shown} {targets.get(name, ''):>10}")
    results.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(f"written: {results}")
