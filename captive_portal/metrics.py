"""Prometheus metrics of one portal app, in its own registry (no global state)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest


class PortalMetrics:
    def __init__(self, probe_systems: Iterable[str], count_clients: Callable[[], int]) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        clients = Gauge(
            "captive_portal_clients_authorised",
            "Clients with a valid session now.",
            registry=self.registry,
        )
        clients.set_function(lambda: float(count_clients()))
        self.accepts = Counter(
            "captive_portal_accepts", "Accepted terms (sessions started or extended).",
            registry=self.registry,
        )  # fmt: skip
        probes = Counter(
            "captive_portal_probe_hits", "OS connectivity probes answered, by system.",
            ["os"], registry=self.registry,
        )  # fmt: skip
        self.probe_hits = {system: probes.labels(system) for system in probe_systems}
        self.redirects = Counter(
            "captive_portal_catch_all_redirects", "Other requests sent to the splash page.",
            registry=self.registry,
        )  # fmt: skip
        self.gateway_errors = Counter(
            "captive_portal_gateway_errors", "Gateway calls that failed.", registry=self.registry
        )

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
