"""The routes of the status page, the status API and the heartbeats (issue 12)."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.routing import Route
from starlette.types import ASGIApp

from office.heartbeats import HeartbeatDesk
from office.intake import Clock
from office.metrics import OfficeMetrics
from office.settings import OfficeSettings
from office.status_api import StatusApi
from office.status_cache import AnswerCache
from office.status_desk import StatusDesk
from office.status_fast_path import StatusFirst
from office.status_html import StatusHtml
from office.status_page import StatusPage
from office.status_throttle import MissThrottle
from office.store import CaseStore


@dataclass(frozen=True)
class StatusEndpoints:
    """`/s/<CODE>` (the receipt's QR) and `/api/status/<CODE>` (the kiosks), one throttle
    and one cache of answers."""

    page: StatusPage
    api: StatusApi

    @classmethod
    def build(
        cls, settings: OfficeSettings, store: CaseStore, metrics: OfficeMetrics
    ) -> StatusEndpoints:
        throttle = MissThrottle(settings.status_misses_per_minute)
        cache = AnswerCache(store.status_watch())
        reader = store.status_reader()
        desk = StatusDesk(store, throttle, metrics.status_looked_up, cache, reader)
        return cls(StatusPage(StatusHtml(settings), desk), StatusApi(settings, desk))

    def routes(self) -> list[Route]:
        return [
            Route("/s/{code}", self.page, methods=["GET"]),
            Route("/api/status/{code}", self.api.answer, methods=["GET"]),
        ]

    def kept_first(self, app: ASGIApp) -> ASGIApp:
        """`app` with the page, and the API's kept answers, before its middleware and routing."""
        return StatusFirst(app, self.page, self.api.kept)


def heartbeat_routes(
    settings: OfficeSettings, store: CaseStore, clock: Clock, metrics: OfficeMetrics
) -> list[Route]:
    desk = HeartbeatDesk(settings, store, clock, metrics)
    return [Route("/heartbeat", desk.receive, methods=["POST"])]
