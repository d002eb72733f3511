"""The technician guide lists every config option as the config declares it, and more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.config import describe
from kiosk.config_doc import BEGIN, END, options_table, with_options

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "technician-guide.md"
MONITORING = Path(__file__).resolve().parents[2] / "build" / "monitoring"
ALERTS = [
    MONITORING / "infomat-kiosk-rules.yml",
    MONITORING / "infomat-portal-rules.yml",
    MONITORING / "infomat-office-rules.yml",
]


def test_the_options_table_is_current() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert with_options(guide) == guide, "stale: run make technician-guide"
    for option in describe():
        assert f"| `{option.key}` | `{option.default}` |" in guide


def test_a_stale_table_is_noticed_and_rewritten() -> None:
    stale = f"intro\n{BEGIN}\n| `old_key` | `1` | x | y |\n{END}\nrest\n"
    fresh = with_options(stale)
    assert "old_key" not in fresh
    assert fresh == f"intro\n{BEGIN}\n{options_table()}{END}\nrest\n"
    with pytest.raises(ValueError, match="lacks the markers"):
        with_options("no markers here")


def test_every_alert_is_explained() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    alerts = [a for path in ALERTS for a in re.findall(r"alert: (\w+)", path.read_text("utf-8"))]
    assert len(alerts) == 18
    assert [a for a in alerts if f"| {a} |" not in guide] == []
