"""docs/office.md and the README keep up with the office's commands and settings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from office.cli import build_parser
from office.settings import Office, OfficeSettings
from tests.test_docs import command_names

ROOT = Path(__file__).resolve().parents[2]
OFFICE_DOC = (ROOT / "docs" / "office.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_office_command_is_in_the_readme_and_the_office_doc() -> None:
    names = command_names(build_parser(), "office")
    assert names == [
        "office serve", "office user add", "office user passwd", "office kiosk add",
        "office kiosk key", "office kiosk revoke", "office kiosk token", "office kiosk list",
        "office purge", "office visits remind",
    ]  # fmt: skip
    for text in (README, OFFICE_DOC):
        assert [name for name in names if f"`{name}" not in text] == []


def test_every_setting_is_documented() -> None:
    keys = [f.name for f in dataclasses.fields(OfficeSettings)]
    keys += [f.name for f in dataclasses.fields(Office)]
    assert [key for key in keys if f"`{key}`" not in OFFICE_DOC] == []


def test_every_metric_is_documented(tmp_path: Path) -> None:
    from office.metrics import OfficeMetrics
    from office.sqlite_store import SqliteCaseStore

    store = SqliteCaseStore(tmp_path / "office.sqlite3")
    try:
        metrics = OfficeMetrics(store, lambda: dt.datetime.now(dt.UTC), 900)
        for status in (201, 204):
            metrics.intake_answered(status)
            metrics.heartbeat_answered(status)
        metrics.status_looked_up("found")
        names = {m.name for m in metrics.registry.collect()}
    finally:
        store.close()
    assert len(names) == 8
    assert [name for name in sorted(names) if f"`{name}" not in OFFICE_DOC] == []


def test_every_intake_answer_is_documented() -> None:
    for status in (200, 201, 400, 401, 403, 413, 422, 503):
        assert f"\n| {status} " in OFFICE_DOC
