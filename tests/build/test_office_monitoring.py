"""build/monitoring for the office service: promtool checks its rules and their unit tests,
and every office metric a rule or a dashboard panel names is one the office exports."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from office.metrics import OfficeMetrics
from office.sqlite_store import SqliteCaseStore
from tests.build.test_monitoring import MONITORING, needs_promtool, promtool

OFFICE_METRIC = re.compile(r"\boffice_\w+")


def office_names(folder: Path) -> set[str]:
    store = SqliteCaseStore(folder / "office.sqlite3")
    try:
        metrics = OfficeMetrics(store, lambda: dt.datetime.now(dt.UTC), 900)
        metrics.intake_answered(201)
        metrics.heartbeat_answered(204)
        metrics.status_looked_up("found")
        text = metrics.exposition().decode()
    finally:
        store.close()
    return {s.name for f in text_string_to_metric_families(text) for s in f.samples}


@needs_promtool
def test_promtool_accepts_the_office_rules_and_their_tests() -> None:
    rules = promtool("check", "rules", "infomat-office-rules.yml")
    assert rules.returncode == 0, rules.stdout + rules.stderr
    assert "SUCCESS: 4 rules found" in rules.stdout
    tested = promtool("test", "rules", "infomat-office-rules.test.yml")
    assert tested.returncode == 0, tested.stdout + tested.stderr


def test_every_office_metric_in_rules_and_dashboard_is_exported(tmp_path: Path) -> None:
    dashboard = json.loads((MONITORING / "grafana-dashboard.json").read_text(encoding="utf-8"))
    expressions = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    rules = (MONITORING / "infomat-office-rules.yml").read_text(encoding="utf-8")
    named = {m for text in [*expressions, rules] for m in OFFICE_METRIC.findall(text)}
    assert {"office_cases", "office_kiosks_stale", "office_intake_answers_total"} <= named
    assert sorted(named - office_names(tmp_path)) == []
