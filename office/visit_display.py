"""`/display/<office>`: the waiting room's screen, and its stream of calls.

The page lists the office's last calls (number and desk), large and high-contrast, and
works without JavaScript: a `<meta refresh>` in `<noscript>` reloads it every few seconds.
With JavaScript (static/display.js) it listens to `/display/<office>/events`, server-sent
events: each instance looks at the store's newest call id every POLL_S, so a call made
on any instance reaches every display within a second; the new number is then read out
by the browser's speech synthesis in Polish where the browser allows it. Nothing
personal is shown: a ticket's number or a booking's time, and the desk.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from office.display_texts import LABELS, spoken
from office.settings import Office
from office.store import StoreError
from office.visit_records import Call
from office.visits import Visits

TEMPLATES = Path(__file__).with_name("templates") / "display"
SHOWN = 6  # the newest call big, five earlier ones below
POLL_S = 0.25
STREAM_S = 300  # then the browser reconnects (EventSource does it by itself)
REFRESH_S = 5  # without JavaScript
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self';"
    " connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class WaitingRoomDisplay:
    def __init__(self, visits: Visits) -> None:
        self._visits = visits
        self._env = Environment(
            loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True,
        )  # fmt: skip

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/display/{office}", self.page, methods=["GET"]),
            Route("/display/{office}/events", self.events, methods=["GET"]),
        ]

    async def page(self, request: Request) -> Response:
        office = self._office(request)
        if office is None:
            return HTMLResponse("Nie ma takiego urzędu.", 404, headers=HEADERS)
        calls = await self._calls(office)
        html = self._env.get_template("display.html").render(
            office=office, calls=calls, labels=LABELS, refresh_s=REFRESH_S,
            newest=calls[0].call_id if calls else 0,
        )  # fmt: skip
        return HTMLResponse(html, headers=HEADERS)

    async def events(self, request: Request) -> Response:
        office = self._office(request)
        if office is None:
            return Response(status_code=404, headers=HEADERS)
        return StreamingResponse(
            self._stream(request, office), media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )  # fmt: skip

    async def _stream(self, request: Request, office: Office) -> AsyncIterator[str]:
        yield "retry: 1000\n\n"
        seen = -1
        ends = time.monotonic() + STREAM_S
        while time.monotonic() < ends and not await request.is_disconnected():
            try:
                newest = await run_in_threadpool(self._visits.queue.last_call_id, office.tenant_id)
                if newest != seen:
                    seen = newest
                    yield _event(await self._calls(office))
            except StoreError:
                yield ": the register is unavailable\n\n"  # a comment: the page keeps its calls
            await asyncio.sleep(POLL_S)

    async def _calls(self, office: Office) -> list[Call]:
        calls: list[Call] = await run_in_threadpool(
            self._visits.queue.recent_calls, office.tenant_id, SHOWN
        )
        return calls

    def _office(self, request: Request) -> Office | None:
        office = self._visits.office(request.path_params["office"])
        return office if office is not None and office.visit_services else None


def _event(calls: list[Call]) -> str:
    data = {
        "calls": [{"id": c.call_id, "label": c.label, "desk": c.desk} for c in calls],
        "speech": spoken(calls[0]) if calls else "",
    }
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"
