"""Prometheus metrics of the office service, served on their own listener (metrics_listener.py).

Answers (intake, heartbeats, status lookups) are counted in this process: every instance
is scraped on its own listener, so sum them over instances. Cases by state and kiosks come
from the shared register at scrape time, so every instance reports the same numbers: take
max(), not sum(), of those. Each app has its own registry (no global state).
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from starlette.requests import Request
from starlette.responses import Response

from office.errors import IntakeRefusal
from office.fleet_records import FleetKiosk
from office.intake import Clock
from office.store import CaseStore, StoreError

log = logging.getLogger("office.metrics")
STATES = ("received", "in_progress", "needs_more", "ready", "closed")
Endpoint = Callable[[Request], Awaitable[Response]]


class OfficeMetrics:
    def __init__(self, store: CaseStore, clock: Clock, stale_after_s: float) -> None:
        self._store = store
        self._clock = clock
        self._stale_after_s = stale_after_s
        self._lock = threading.Lock()
        self._intake: Counter[str] = Counter()
        self._heartbeats: Counter[str] = Counter()
        self._lookups: Counter[str] = Counter()
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(self)

    def intake_answered(self, status: int) -> None:
        with self._lock:
            self._intake[str(status)] += 1

    def heartbeat_answered(self, status: int) -> None:
        with self._lock:
            self._heartbeats[str(status)] += 1

    def status_looked_up(self, outcome: str) -> None:
        with self._lock:
            self._lookups[outcome] += 1

    def counting_intake(self, receive: Endpoint) -> Endpoint:
        """The intake endpoint, counting its answers by HTTP status."""

        async def counted(request: Request) -> Response:
            try:
                response = await receive(request)
            except IntakeRefusal as refusal:
                self.intake_answered(refusal.status)
                raise
            self.intake_answered(response.status_code)
            return response

        return counted

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            counts = {
                "office_intake_answers": ("Answers to kiosks' applications, by HTTP status.",
                                          "status", dict(self._intake)),
                "office_heartbeats": ("Heartbeats answered, by HTTP status (204: kept).",
                                      "status", dict(self._heartbeats)),
                "office_status_lookups": ("Status page and API lookups, by outcome.",
                                          "outcome", dict(self._lookups)),
            }  # fmt: skip
        for name, (doc, label, values) in counts.items():
            family = CounterMetricFamily(name, doc, labels=[label])
            for value, count in sorted(values.items()):
                family.add_metric([value], count)
            yield family
        yield from self._from_store()

    def _from_store(self) -> Iterator[Metric]:
        try:
            by_state = self._store.cases_by_state()
            fleet = self._store.fleet()
        except StoreError as exc:
            log.warning("metrics: the register is unavailable: %s", exc)
            yield GaugeMetricFamily("office_store_up", "1 when the register answers.", value=0)
            return
        yield GaugeMetricFamily("office_store_up", "1 when the register answers.", value=1)
        cases = GaugeMetricFamily("office_cases", "Cases by state (all offices).", labels=["state"])
        for state in STATES:
            cases.add_metric([state], by_state.get(state, 0))
        yield cases
        yield from self._kiosks(fleet)

    def _kiosks(self, fleet: list[FleetKiosk]) -> Iterator[Metric]:
        now = self._clock()
        stale = sum(1 for kiosk in fleet if kiosk.stale(now, self._stale_after_s))
        revoked = sum(1 for kiosk in fleet if kiosk.revoked_at is not None)
        yield GaugeMetricFamily(
            "office_kiosks",
            "Registered kiosks in service (not revoked).",
            value=len(fleet) - revoked,
        )
        yield GaugeMetricFamily(
            "office_kiosks_stale",
            "Kiosks in service without a heartbeat for stale_kiosk_after_s.",
            value=stale,
        )
        yield GaugeMetricFamily(
            "office_kiosks_revoked", "Kiosks revoked (office kiosk revoke).", value=revoked
        )

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
