"""build/monitoring: promtool checks the rules and their unit tests, and every metric named by
a rule or a dashboard panel is one the kiosk or the hotspot portal really exports."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from captive_portal.metrics import PortalMetrics
from captive_portal.probes import PROBE_SYSTEMS
from kiosk.catalogue_service import CatalogueInfo
from kiosk.fleet_status import StatusReader, StatusSources
from kiosk.image_status import ImageStatus
from kiosk.metrics import KioskMetrics
from tests.kiosk.test_metrics import FakeSync

MONITORING = Path(__file__).resolve().parents[2] / "build" / "monitoring"
METRIC = re.compile(r"\binfomat_kiosk_\w+")
PORTAL_METRIC = re.compile(r"\bcaptive_portal_\w+")
needs_promtool = pytest.mark.skipif(
    not shutil.which("promtool"), reason="needs Debian's prometheus package (make test-debs)"
)


def exported_names() -> set[str]:
    """Sample names of a kiosk with every source wired (what a real fleet scrapes)."""
    sources = StatusSources(
        catalogue=lambda: CatalogueInfo("gen-000001.sqlite", 1, "2026-11-20T00:00:00Z", "", ""),
        sync_status=FakeSync,
        outbox_counts=lambda: {"queued": 1},
        oldest_queued_age_s=lambda: 1.0,
        printer_state=lambda: "ready",
        image=lambda: ImageStatus("0.1.0", "A", None),
    )
    text = KioskMetrics(StatusReader("k", "1", sources)).text().decode()
    return {s.name for f in text_string_to_metric_families(text) for s in f.samples}


def portal_names(folder: Path) -> set[str]:
    metrics = PortalMetrics(folder, PROBE_SYSTEMS, lambda: 1)
    metrics.accepted()
    text = metrics.exposition().decode()
    metrics.close()
    return {s.name for f in text_string_to_metric_families(text) for s in f.samples}


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["promtool", *args], cwd=MONITORING, capture_output=True, text=True, timeout=60, check=False
    )


@needs_promtool
def test_promtool_accepts_the_rules_and_the_config() -> None:
    rules = promtool("check", "rules", "infomat-kiosk-rules.yml")
    assert rules.returncode == 0, rules.stdout + rules.stderr
    assert "SUCCESS: 11 rules found" in rules.stdout
    portal = promtool("check", "rules", "infomat-portal-rules.yml")
    assert portal.returncode == 0, portal.stdout + portal.stderr
    assert "SUCCESS: 3 rules found" in portal.stdout
    config = promtool("check", "config", "prometheus.yml")
    assert config.returncode == 0, config.stdout + config.stderr


@needs_promtool
def test_the_alerts_fire_when_they_should(tmp_path: Path) -> None:
    for tests in ("infomat-kiosk-rules.test.yml", "infomat-portal-rules.test.yml"):
        done = promtool("test", "rules", tests)
        assert done.returncode == 0, done.stdout + done.stderr
    # The unit tests can fail: a stricter threshold makes the printer alert not fire.
    rules = (MONITORING / "infomat-kiosk-rules.yml").read_text()
    (tmp_path / "infomat-kiosk-rules.yml").write_text(rules.replace("for: 2m", "for: 30m"))
    shutil.copy(MONITORING / "infomat-kiosk-rules.test.yml", tmp_path)
    changed = subprocess.run(
        ["promtool", "test", "rules", "infomat-kiosk-rules.test.yml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert changed.returncode != 0
    assert "InfomatPrinterOutOfPaper" in changed.stdout + changed.stderr


def test_every_metric_in_rules_and_dashboard_is_exported() -> None:
    exported = exported_names()
    dashboard = json.loads((MONITORING / "grafana-dashboard.json").read_text(encoding="utf-8"))
    expressions = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    assert len(expressions) == len(dashboard["panels"]) >= 10
    rules = (MONITORING / "infomat-kiosk-rules.yml").read_text(encoding="utf-8")
    named = {m for text in [*expressions, rules] for m in METRIC.findall(text)}
    assert "infomat_kiosk_printer_state" in named
    assert sorted(named - exported) == []


def test_every_portal_metric_in_rules_and_dashboard_is_exported(tmp_path: Path) -> None:
    dashboard = json.loads((MONITORING / "grafana-dashboard.json").read_text(encoding="utf-8"))
    expressions = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    rules = (MONITORING / "infomat-portal-rules.yml").read_text(encoding="utf-8")
    named = {m for text in [*expressions, rules] for m in PORTAL_METRIC.findall(text)}
    assert {"captive_portal_accepts_total", "captive_portal_gateway_errors_total"} <= named
    assert sorted(named - portal_names(tmp_path)) == []
    assert len({p["id"] for p in dashboard["panels"]}) == len(dashboard["panels"])
