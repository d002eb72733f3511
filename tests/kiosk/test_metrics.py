"""Kiosk metrics scraped over real HTTP on loopback and read with Prometheus' own parser."""

from __future__ import annotations

import datetime as dt
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from prometheus_client import REGISTRY, Counter
from prometheus_client.parser import text_string_to_metric_families

from kiosk.catalogue_service import CatalogueInfo
from kiosk.composition import Services
from kiosk.config import KioskConfig
from kiosk.fleet_status import StatusReader, StatusSources
from kiosk.metrics import KioskMetrics, MetricsServer, resident_memory_bytes

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


@dataclass
class FakeSync:
    outcome: str | None = "failed"
    finished_at: str = "2026-11-22T11:59:00+00:00"
    last_success_at: str = "2026-11-22T10:00:00+00:00"
    failures: dict[str, int] = field(default_factory=lambda: {"network": 3, "signature": 1})


def info() -> CatalogueInfo:
    return CatalogueInfo("gen-000007.sqlite", 82, "2026-11-20T12:00:00Z", "", "bundled")


def scrape(server: MetricsServer) -> Samples:
    with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/metrics", timeout=5) as reply:
        assert reply.status == 200
        text = reply.read().decode("utf-8")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples[(name, frozenset(labels.items()))]


def names(samples: Samples) -> set[str]:
    return {name for name, _ in samples}


@pytest.fixture
def serve() -> Iterator[list[MetricsServer]]:
    servers: list[MetricsServer] = []
    yield servers
    for server in servers:
        server.stop()


def start(metrics: KioskMetrics, servers: list[MetricsServer]) -> MetricsServer:
    server = metrics.serve("127.0.0.1", 0)
    servers.append(server)
    return server


def test_every_metric_is_read_from_its_source_at_scrape_time(
    serve: list[MetricsServer],
) -> None:
    outbox: dict[str, int] = {"queued": 2, "delivered": 40, "rejected": 1}
    printer = ["ready"]
    ticks = iter([100.0, 160.5, 220.0])
    sources = StatusSources(
        catalogue=info,
        sync_status=FakeSync,
        outbox_counts=lambda: outbox,
        oldest_queued_age_s=lambda: 754.0,
        printer_state=lambda: printer[0],
    )
    reader = StatusReader("łańcut-ratusz-1", "9.9.9", sources, lambda: NOW, lambda: next(ticks))
    metrics = KioskMetrics(reader, memory=lambda: 123_456_789)
    server = start(metrics, serve)
    metrics.session_ended()
    for _ in range(3):
        metrics.search_started()
    metrics.service_opened()
    metrics.crash_recovered()
    metrics.frame_stalled()

    first = scrape(server)
    p = "infomat_kiosk_"
    assert value(first, p + "up") == 1
    assert value(first, p + "build_info", version="9.9.9", kiosk_id="łańcut-ratusz-1") == 1
    assert value(first, p + "uptime_seconds") == 60.5
    assert value(first, p + "resident_memory_bytes") == 123_456_789
    assert value(first, p + "resident_sessions_total") == 1
    assert value(first, p + "searches_total") == 3
    assert value(first, p + "services_opened_total") == 1
    assert value(first, p + "crash_recoveries_total") == 1
    assert value(first, p + "frame_stalls_total") == 1
    info_labels = {"generation": "gen-000007.sqlite", "generated": "2026-11-20T12:00:00Z"}
    assert value(first, p + "catalogue_info", **info_labels) == 1
    assert value(first, p + "catalogue_age_seconds") == 2 * 86400
    assert value(first, p + "catalogue_services") == 82
    assert value(first, p + "sync_last_result", outcome="failed") == 1
    assert value(first, p + "sync_last_result", outcome="updated") == 0
    assert value(first, p + "sync_last_timestamp_seconds") == NOW.timestamp() - 60
    assert value(first, p + "sync_last_success_timestamp_seconds") == NOW.timestamp() - 7200
    assert value(first, p + "sync_failures_total", kind="network") == 3
    assert value(first, p + "submissions", state="queued") == 2
    assert value(first, p + "submissions", state="delivered") == 40
    assert value(first, p + "submissions", state="rejected") == 1
    assert value(first, p + "oldest_queued_age_seconds") == 754
    assert value(first, p + "printer_state", state="ready") == 1
    assert value(first, p + "printer_state", state="paper_out") == 0

    # The services change; the next scrape sees it without anybody pushing an update.
    outbox["queued"] = 0
    printer[0] = "paper out"  # as the receipt printers spell it
    second = scrape(server)
    assert value(second, p + "submissions", state="queued") == 0
    assert value(second, p + "printer_state", state="paper_out") == 1
    assert value(second, p + "printer_state", state="ready") == 0
    assert value(second, p + "uptime_seconds") == 120


def test_services_that_are_not_wired_are_absent_not_zero(serve: list[MetricsServer]) -> None:
    metrics = KioskMetrics(StatusReader("k", "1", StatusSources(catalogue=info)))
    samples = scrape(start(metrics, serve))
    present = names(samples)
    assert "infomat_kiosk_catalogue_age_seconds" in present
    for absent in ("submissions", "oldest_queued_age_seconds", "printer_state", "sync_last_result"):
        assert f"infomat_kiosk_{absent}" not in present
    assert value(samples, "infomat_kiosk_resident_sessions_total") == 0


def test_a_failing_source_leaves_only_its_own_metrics_out(
    serve: list[MetricsServer], caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> Mapping[str, int]:
        raise OSError("database is locked")

    sources = StatusSources(
        catalogue=info, outbox_counts=broken, printer_state=lambda: "Paper Jammed"
    )
    samples = scrape(start(KioskMetrics(StatusReader("k", "1", sources)), serve))
    assert "infomat_kiosk_submissions" not in names(samples)
    assert value(samples, "infomat_kiosk_catalogue_services") == 82
    # A state the alert rules do not know is exported too, beside the known ones.
    assert value(samples, "infomat_kiosk_printer_state", state="paper_jammed") == 1
    assert value(samples, "infomat_kiosk_printer_state", state="ready") == 0
    assert "could not read the outbox counts" in caplog.text


def test_the_registry_is_the_kiosks_own(serve: list[MetricsServer]) -> None:
    stray = Counter("stray_global_counter", "registered on the global registry", registry=REGISTRY)
    try:
        samples = scrape(start(KioskMetrics(StatusReader("k", "1", StatusSources())), serve))
    finally:
        REGISTRY.unregister(stray)
    assert not [n for n in names(samples) if not n.startswith("infomat_kiosk_")]
    assert not [n for n in names(samples) if n.startswith("python_")]


def test_composition_root_reads_the_real_demo_catalogue(
    tmp_path: Path, serve: list[MetricsServer]
) -> None:
    services = Services(KioskConfig(data_dir=str(tmp_path)))
    server = start(services.metrics, serve)
    assert "infomat_kiosk_catalogue_services" not in names(scrape(server)), "nothing loaded yet"
    # Opened on this thread, as the GUI thread opens it; scraped on the server's thread.
    assert services.catalogue.info().services == 82
    samples = scrape(server)
    assert value(samples, "infomat_kiosk_catalogue_services") == 82
    assert value(samples, "infomat_kiosk_catalogue_age_seconds") > 0
    assert value(samples, "infomat_kiosk_build_info", version="0.1.0", kiosk_id="demo-kiosk") == 1
    # The outbox and the printer, as the composition root wires them.
    assert value(samples, "infomat_kiosk_submissions", state="queued") == 0
    assert value(samples, "infomat_kiosk_printer_state", state="unknown") == 1  # not asked yet
    assert services.receipt_desk.test_print()  # the demo's virtual printer
    samples = scrape(server)
    assert value(samples, "infomat_kiosk_printer_state", state="ready") == 1
    assert value(samples, "infomat_kiosk_printer_state", state="unknown") == 0


def test_resident_memory_comes_from_proc(tmp_path: Path) -> None:
    own = resident_memory_bytes()
    assert own is not None and 10_000_000 < own < 4_000_000_000
    fake = tmp_path / "status"
    fake.write_text("Name:\tkiosk\nVmHWM:\t  9000 kB\nVmRSS:\t  2048 kB\n")
    assert resident_memory_bytes(fake) == 2048 * 1024
    assert resident_memory_bytes(tmp_path / "missing") is None
