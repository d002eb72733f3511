"""The office service's app factory: settings, store and clock in, a Starlette app out.

Nothing happens at import time; the caller owns the store (opens and closes it).
"""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from office.desk_routes import desk_error_handlers, desk_routes
from office.desk_services import DeskServices
from office.desk_visits import VisitDesk
from office.errors import IntakeRefusal
from office.intake import Clock, Intake
from office.metrics import OfficeMetrics
from office.routes_status_fleet import StatusEndpoints, heartbeat_routes
from office.settings import OfficeSettings
from office.status_throttle import MissThrottle
from office.store import CaseStore, StoreError
from office.visit_api import VisitApi
from office.visit_display import WaitingRoomDisplay
from office.visit_page import VisitPage
from office.visit_page_reminder import ReminderForm
from office.visits import Visits

log = logging.getLogger("office")


def create_app(
    settings: OfficeSettings,
    store: CaseStore,
    clock: Clock,
    metrics: OfficeMetrics | None = None,
) -> ASGIApp:
    intake = Intake(settings, store, clock)
    metrics = metrics or OfficeMetrics(store, clock, settings.stale_kiosk_after_s)
    desk = DeskServices.build(settings, store, clock)
    visits = Visits.build(settings, store.sql(), clock)
    status = StatusEndpoints.build(settings, store, metrics)

    async def health(request: Request) -> Response:
        """204 while the case register answers (for load balancers), else 503."""
        try:
            await run_in_threadpool(store.ping)
        except StoreError:
            return Response(status_code=503)
        return Response(status_code=204)

    app = Starlette(
        routes=[
            Route("/intake", metrics.counting_intake(intake.receive), methods=["POST"]),
            Route("/healthz", health, methods=["GET"]),
            *status.routes(),
            *heartbeat_routes(settings, store, clock, metrics),
            *desk_routes(desk),
            *VisitApi(store, visits).routes(),
            *VisitDesk(desk, visits).routes(),
            *WaitingRoomDisplay(visits).routes(),
            *visit_page_routes(settings, visits),
        ],
        exception_handlers={IntakeRefusal: _refusal, **desk_error_handlers(desk)},  # type: ignore[dict-item]
    )
    return status.kept_first(app)


def visit_page_routes(settings: OfficeSettings, visits: Visits) -> list[Route]:
    """The resident's visit page (its misses throttled) and its reminder form (every form
    throttled, on its own)."""
    per_minute = settings.status_misses_per_minute
    page = VisitPage(settings, visits, MissThrottle(per_minute))
    return [
        *page.routes(),
        *ReminderForm(settings, visits, MissThrottle(per_minute), page).routes(),
    ]


async def _refusal(request: Request, refusal: IntakeRefusal) -> Response:
    return JSONResponse({"error": refusal.reason}, refusal.status, refusal.headers)
