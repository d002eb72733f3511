"""The routes of the status page, the status API and the heartbeats (issue 12)."""

from __future__ import annotations

from starlette.routing import Route

from office.heartbeats import HeartbeatDesk
from office.intake import Clock
from office.metrics import OfficeMetrics
from office.settings import OfficeSettings
from office.status_api import StatusApi
from office.status_cache import AnswerCache
from office.status_desk import StatusDesk
from office.status_page import StatusPage
from office.status_throttle import MissThrottle
from office.store import CaseStore


def status_routes(
    settings: OfficeSettings, store: CaseStore, metrics: OfficeMetrics
) -> list[Route]:
    """`/s/<CODE>` (the receipt's QR) and `/api/status/<CODE>` (the kiosks), one throttle."""
    throttle = MissThrottle(settings.status_misses_per_minute)
    cache = AnswerCache(store.status_watch())
    desk = StatusDesk(store, throttle, metrics.status_looked_up, cache)
    return [
        Route("/s/{code}", StatusPage(settings, desk).answer, methods=["GET"]),
        Route("/api/status/{code}", StatusApi(settings, desk).answer, methods=["GET"]),
    ]


def heartbeat_routes(
    settings: OfficeSettings, store: CaseStore, clock: Clock, metrics: OfficeMetrics
) -> list[Route]:
    desk = HeartbeatDesk(settings, store, clock, metrics)
    return [Route("/heartbeat", desk.receive, methods=["POST"])]
