"""`GET /flota`: the fleet page, for administrators only (a clerk gets 403)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from office.desk_auth import signed_in
from office.desk_errors import DeskError
from office.desk_services import DeskServices
from office.fleet_view import duration, fleet_lines


async def fleet_page(desk: DeskServices, request: Request) -> Response:
    who = await signed_in(desk, request)
    if not who.clerk.is_admin:
        raise DeskError(403, "Stronę floty kiosków widzą tylko administratorzy.")
    fleet = await run_in_threadpool(desk.fleet)
    now = desk.clock()
    after_s = desk.settings.stale_kiosk_after_s
    lines = fleet_lines(fleet, now, after_s)
    revoked = sum(1 for line in lines if line.revoked_at is not None)
    return desk.pages.render(
        "fleet.html", signed_in=who, lines=lines, now=now, stale_after=duration(after_s),
        stale_count=sum(1 for line in lines if line.stale), in_service=len(lines) - revoked,
        revoked_count=revoked,
    )  # fmt: skip
