"""Prometheus metrics of the portal, the same whichever worker process answers /metrics.

Counts are kept in per-process counter files in `<data dir>/metrics/` (counter_files.py)
and added up at scrape time; the authorised clients come from the store. Each app has its
own registry (no global state). The probe and the catch-all count without a lock: they
run on the event loop's thread only; accepts and gateway errors, which also come from
worker threads, count under one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

from captive_portal.counter_files import CounterFile

_ACCEPTS, _REDIRECTS, _GATEWAY_ERRORS = "accepts", "redirects", "gateway_errors"


class PortalMetrics:
    def __init__(
        self, folder: Path, probe_systems: Iterable[str], count_clients: Callable[[], int]
    ) -> None:
        self._systems = tuple(probe_systems)
        names = [_ACCEPTS, _REDIRECTS, _GATEWAY_ERRORS, *(f"probe:{s}" for s in self._systems)]
        self._counts = CounterFile(folder, names)
        self._slots = self._counts.slots
        self._probe_slot = {s: self._counts.slot_of[f"probe:{s}"] for s in self._systems}
        self._redirect_slot = self._counts.slot_of[_REDIRECTS]
        self._count_clients = count_clients
        self._lock = threading.Lock()
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(self)

    def probe_answered(self, system: str) -> None:
        self._slots[self._probe_slot[system]] += 1

    def redirected(self) -> None:
        self._slots[self._redirect_slot] += 1

    def accepted(self) -> None:
        with self._lock:
            self._counts.add(_ACCEPTS)

    def gateway_failed(self, times: int = 1) -> None:
        with self._lock:
            self._counts.add(_GATEWAY_ERRORS, times)

    def collect(self) -> Iterator[Metric]:
        """The registry's view: every worker's counts, summed."""
        totals = self._counts.totals()
        yield GaugeMetricFamily(
            "captive_portal_clients_authorised",
            "Clients with a valid session now.",
            value=float(self._count_clients()),
        )
        yield CounterMetricFamily(
            "captive_portal_accepts",
            "Accepted terms (sessions started or extended).",
            value=totals[_ACCEPTS],
        )
        probes = CounterMetricFamily(
            "captive_portal_probe_hits", "OS connectivity probes answered, by system.",
            labels=["os"],
        )  # fmt: skip
        for system in self._systems:
            probes.add_metric([system], totals[f"probe:{system}"])
        yield probes
        yield CounterMetricFamily(
            "captive_portal_catch_all_redirects",
            "Other requests sent to the splash page.",
            value=totals[_REDIRECTS],
        )
        yield CounterMetricFamily(
            "captive_portal_gateway_errors",
            "Gateway calls that failed.",
            value=totals[_GATEWAY_ERRORS],
        )

    def exposition(self) -> bytes:
        return generate_latest(self.registry)

    def close(self) -> None:
        self._counts.close()
