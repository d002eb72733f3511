"""Prometheus metrics of one kiosk, served on a local port for the fleet's Prometheus.

Counters that only the screens know about (resident sessions, searches, services opened,
crash recoveries) are bumped through plain methods of `KioskMetrics`. Everything that lives
in another service (catalogue, last sync, outbox, printer) is read at scrape time through
`StatusReader`, so a scrape always shows the current state and nothing has to push updates.
The registry is the kiosk's own: nothing registered elsewhere in the process leaks in.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from wsgiref.simple_server import WSGIServer

from prometheus_client import CollectorRegistry, Counter, generate_latest, start_http_server
from prometheus_client.metrics_core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    InfoMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector

from kiosk.fleet_status import KioskStatus, StatusReader, parse_time
from kiosk.image_status import UPDATE_STATES

log = logging.getLogger(__name__)

PREFIX = "infomat_kiosk_"
SYNC_OUTCOMES = ("updated", "unchanged", "failed")
SUBMISSION_STATES = ("queued", "delivered", "rejected")
# Printer states the alert rules and the dashboard know (the receipt printers' statuses,
# "paper out" written paper_out); any other state a printer reports is exported as well.
PRINTER_STATES = (
    "ready",
    "paper_near_end",
    "paper_out",
    "cover_open",
    "offline",
    "error",
    "unknown",
)


def resident_memory_bytes(status_file: Path = Path("/proc/self/status")) -> int | None:
    """VmRSS of this process in bytes (None where /proc is not there)."""
    try:
        text = status_file.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key == "VmRSS":
            return int(value.split()[0]) * 1024
    return None


class KioskMetrics:
    """The kiosk's registry: counters the UI bumps plus a collector that reads the services."""

    def __init__(
        self,
        reader: StatusReader,
        memory: Callable[[], int | None] = resident_memory_bytes,
    ) -> None:
        self.registry = CollectorRegistry(auto_describe=False)

        def counter(name: str, doc: str) -> Counter:
            return Counter(PREFIX + name, doc, registry=self.registry)

        self._sessions = counter("resident_sessions", "Resident sessions ended by the idle reset.")
        self._searches = counter("searches", "Searches started (first letter of a new query).")
        self._opened = counter("services_opened", "Service cards opened by residents.")
        self._crashes = counter(
            "crash_recoveries", "Unexpected errors the kiosk recovered from (back to home)."
        )
        self._stalls = counter(
            "frame_stalls",
            "Touches or keys after which the app drew no frame for a second (Wayland).",
        )
        self.registry.register(_StatusCollector(reader, memory))

    def session_ended(self) -> None:
        self._sessions.inc()

    def search_started(self) -> None:
        self._searches.inc()

    def service_opened(self) -> None:
        self._opened.inc()

    def crash_recovered(self) -> None:
        self._crashes.inc()

    def frame_stalled(self) -> None:
        self._stalls.inc()

    def text(self) -> bytes:
        """The exposition text, as a scrape would get it."""
        return generate_latest(self.registry)

    def serve(self, bind: str, port: int) -> MetricsServer:
        """Serve /metrics on `bind`:`port` from a daemon thread (port 0: any free port)."""
        server, thread = start_http_server(port, bind, self.registry)
        log.info("metrics served on http://%s:%d/metrics", bind, server.server_port)
        return MetricsServer(server, thread)


@dataclass(frozen=True)
class MetricsServer:
    server: WSGIServer
    thread: threading.Thread

    @property
    def port(self) -> int:
        return int(self.server.server_port)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


class _StatusCollector(Collector):
    """Reads the kiosk's status at scrape time and turns it into metric families."""

    def __init__(self, reader: StatusReader, memory: Callable[[], int | None]) -> None:
        self._reader = reader
        self._memory = memory

    def describe(self) -> list[Metric]:
        return []  # values are read at scrape time; nothing to describe up front

    def collect(self) -> Iterator[Metric]:
        status = self._reader.read()
        yield GaugeMetricFamily(PREFIX + "up", "1 while the kiosk app runs.", value=1)
        yield InfoMetricFamily(
            PREFIX + "build",
            "Version of the kiosk software and the kiosk's name.",
            value={"version": status.version, "kiosk_id": status.kiosk_id},
        )
        yield GaugeMetricFamily(
            PREFIX + "uptime_seconds", "Seconds since the app started.", value=status.uptime_s
        )
        memory = self._memory()
        if memory is not None:
            yield GaugeMetricFamily(
                PREFIX + "resident_memory_bytes", "Resident memory (VmRSS).", value=memory
            )
        yield from _catalogue(status)
        yield from _sync(status)
        yield from _outbox(status)
        yield from _printer(status)
        yield from _image(status)


def _gauge(name: str, doc: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(PREFIX + name, doc, value=value)


def _catalogue(status: KioskStatus) -> Iterator[Metric]:
    if status.catalogue_generation is None:
        return
    yield InfoMetricFamily(
        PREFIX + "catalogue",
        "Catalogue generation in use and when its publisher generated it.",
        value={
            "generation": status.catalogue_generation,
            "generated": status.catalogue_generated or "",
        },
    )
    if status.catalogue_age_s is not None:
        yield _gauge(
            "catalogue_age_seconds",
            "Seconds since the catalogue in use was generated.",
            status.catalogue_age_s,
        )
    if status.catalogue_services is not None:
        yield _gauge(
            "catalogue_services", "Services in the catalogue in use.", status.catalogue_services
        )


def _sync(status: KioskStatus) -> Iterator[Metric]:
    last = status.last_sync
    if last is None:
        return
    result = GaugeMetricFamily(
        PREFIX + "sync_last_result",
        "1 for the outcome of the last catalogue sync, 0 for the others.",
        labels=["outcome"],
    )
    for outcome in SYNC_OUTCOMES:
        result.add_metric([outcome], 1 if last.outcome == outcome else 0)
    yield result
    for name, iso, doc in (
        ("sync_last_timestamp_seconds", last.finished_at, "When the last sync finished."),
        ("sync_last_success_timestamp_seconds", last.last_success_at, "When a sync last worked."),
    ):
        moment = parse_time(iso) if iso else None
        if moment is not None:
            yield _gauge(name, doc + " (Unix time)", moment.timestamp())
    failures = CounterMetricFamily(
        PREFIX + "sync_failures", "Failed catalogue syncs by kind of failure.", labels=["kind"]
    )
    for kind, count in sorted(last.failures.items()):
        failures.add_metric([kind], count)
    yield failures


def _outbox(status: KioskStatus) -> Iterator[Metric]:
    if status.outbox is not None:
        submissions = GaugeMetricFamily(
            PREFIX + "submissions",
            "Filed applications in the outbox by delivery state.",
            labels=["state"],
        )
        for state in sorted({*SUBMISSION_STATES, *status.outbox}):
            submissions.add_metric([state], status.outbox.get(state, 0))
        yield submissions
    if status.oldest_queued_age_s is not None:
        yield _gauge(
            "oldest_queued_age_seconds",
            "Seconds the oldest undelivered application has waited.",
            status.oldest_queued_age_s,
        )


def printer_state_label(state: str) -> str:
    """ "paper out" -> paper_out: one spelling for label values, rules and dashboards."""
    return "_".join(state.strip().lower().replace("-", " ").split()) or "unknown"


def _printer(status: KioskStatus) -> Iterator[Metric]:
    if status.printer_state is None:
        return
    current = printer_state_label(status.printer_state)
    states = GaugeMetricFamily(
        PREFIX + "printer_state",
        "1 for the receipt printer's current state, 0 for the others.",
        labels=["state"],
    )
    for state in (*PRINTER_STATES, *{current} - set(PRINTER_STATES)):
        states.add_metric([state], 1 if state == current else 0)
    yield states


def _image(status: KioskStatus) -> Iterator[Metric]:
    """The image's version and slot, and how the last update ended (absent off the image)."""
    image = status.image
    if image is None:
        return
    yield InfoMetricFamily(
        PREFIX + "image",
        "Version of the kiosk image and the slot (A or B) it booted from.",
        value={"version": image.version, "slot": image.slot},
    )
    last = image.last_update
    states = GaugeMetricFamily(
        PREFIX + "image_update_state",
        "1 for how the last image update ended (rolled-back: the new slot did not come up; "
        "refused: the bundle was not installed; download-failed: the group's bundle did not come "
        "over the network, tried again later), 0 for the others; all 0 before any update.",
        labels=["state"],
    )
    for state in UPDATE_STATES:
        states.add_metric([state], 1 if last is not None and last.state == state else 0)
    yield states
