"""`/wizyty`: a clerk's desk for visits: today's bookings and the walk-in queue of one desk,
"wezwij następnego", "nie przyszedł", "obsłużony"; administrators also close days.

The office and desk are in the address (`?urzad=...&stanowisko=...`), so each clerk's
browser keeps its own desk. Every form carries the session's CSRF token; every call and
its end is an audit row written with it (visit_queue.py). The log names the clerk, the
desk and the ticket or time, never a resident's name.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from office.desk_auth import SignedIn, checked_form, signed_in
from office.desk_errors import DeskError
from office.desk_services import DeskServices
from office.settings import Office
from office.visit_calendar import MAX_DAYS, day_bounds, polish_day
from office.visit_records import CallOutcome
from office.visits import Visits, desk_queues, desks_of

log = logging.getLogger("office.desk")
OUTCOMES: dict[str, CallOutcome] = {"nie_przyszedl": "no_show", "obsluzony": "served"}
MAX_REASON = 200


@dataclass(frozen=True)
class Place:
    office: Office
    desk: str


class VisitDesk:
    def __init__(self, desk: DeskServices, visits: Visits) -> None:
        self._desk = desk
        self._visits = visits
        if any(o.visit_services for o in desk.settings.offices):
            desk.pages.offer_visits()

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/wizyty", self.page, methods=["GET"]),
            Route("/wizyty/wezwij", self.call_next, methods=["POST"]),
            Route("/wizyty/zakoncz", self.end_call, methods=["POST"]),
            Route("/wizyty/dzien-wolny", self.day_off, methods=["POST"]),
        ]

    async def page(self, request: Request) -> Response:
        who = await signed_in(self._desk, request)
        place = self._place(who, request.query_params.get("urzad", ""),
                            request.query_params.get("stanowisko", ""))  # fmt: skip
        view = await run_in_threadpool(self._today, place)
        return self._desk.pages.render(
            "visits.html", signed_in=who, place=place, offices=self._offices(who),
            desks=desks_of(place.office), service_names=_service_names(place.office),
            notice=notice(request.query_params.get("info", "")), **view,
        )  # fmt: skip

    async def call_next(self, request: Request) -> Response:
        who, _, place = await self._posted(request)
        call = await run_in_threadpool(
            self._visits.call_next, place.office, place.desk, who.clerk.login
        )
        if call is not None:
            log.info("desk: %s called %s to %s (%s)", who.clerk.login, call.label, place.desk,
                     place.office.tenant_id)  # fmt: skip
        return _back(place, "" if call else "nikt")

    async def end_call(self, request: Request) -> Response:
        who, form, place = await self._posted(request)
        outcome = OUTCOMES.get(str(form.get("wynik", "")))
        call_id = str(form.get("wezwanie", ""))
        if outcome is None or not call_id.isdigit():
            raise DeskError(400, "Wybierz „nie przyszedł” albo „obsłużony”.")
        ended = await run_in_threadpool(
            self._visits.queue.end_call, place.office.tenant_id, int(call_id), outcome,
            self._desk.clock(), who.clerk.login,
        )  # fmt: skip
        if not ended:
            raise DeskError(409, "To wezwanie zostało już zakończone. Otwórz stronę ponownie.")
        log.info("desk: %s marked call %s %s", who.clerk.login, call_id, outcome)
        return _back(place, "")

    async def day_off(self, request: Request) -> Response:
        who, form, place = await self._posted(request)
        if not who.clerk.is_admin:
            raise DeskError(403, "Dni wolne ustawiają tylko administratorzy.")
        try:
            day = dt.date.fromisoformat(str(form.get("dzien", "")))
        except ValueError:
            raise DeskError(400, "Podaj dzień jako RRRR-MM-DD, np. 2026-12-31.") from None
        tenant, now = place.office.tenant_id, self._desk.clock()
        if form.get("otworz"):
            await run_in_threadpool(
                self._visits.calendar.reopen_day, tenant, day, who.clerk.login, now
            )
            log.info("desk: %s reopened %s for visits on %s", who.clerk.login, tenant, day)
            return _back(place, "")
        reason = str(form.get("powod", "")).strip()[:MAX_REASON]
        kept = await run_in_threadpool(
            self._visits.calendar.set_day_off, tenant, day, reason, who.clerk.login, now
        )
        log.info("desk: %s closed %s for visits on %s", who.clerk.login, tenant, day)
        return _back(place, f"zamkniety:{day.isoformat()}:{kept}")

    async def _posted(self, request: Request) -> tuple[SignedIn, FormData, Place]:
        who = await signed_in(self._desk, request)
        form = await checked_form(request, who.session.csrf_token)
        place = self._place(who, str(form.get("urzad", "")), str(form.get("stanowisko", "")))
        return who, form, place

    def _offices(self, who: SignedIn) -> list[Office]:
        return [
            o for o in self._desk.settings.offices
            if o.visit_services and who.clerk.may_see(o.tenant_id)
        ]  # fmt: skip

    def _place(self, who: SignedIn, tenant_id: str, desk: str) -> Place:
        offices = self._offices(who)
        if not offices:
            raise DeskError(404, "Żaden z Twoich urzędów nie przyjmuje wizyt (visit_services).")
        office = next((o for o in offices if o.tenant_id == tenant_id), offices[0])
        desks = desks_of(office)
        return Place(office, desk if desk in desks else desks[0])

    def _today(self, place: Place) -> dict[str, Any]:
        now = self._desk.clock()
        today = polish_day(now)
        start, end = day_bounds(today)
        tenant = place.office.tenant_id
        bookings = self._visits.calendar.bookings_between(tenant, start, end)
        queues = desk_queues(place.office, place.desk)
        waiting = [w for w in self._visits.queue.waiting(tenant, now) if w[0][0] in queues]
        days_off = sorted(self._visits.calendar.days_off(
            tenant, today, today + dt.timedelta(days=MAX_DAYS)))  # fmt: skip
        return {
            "now": now, "today": today, "days_off": days_off,
            "bookings": [b for b in bookings if b.desk == place.desk and b.state != "cancelled"],
            "waiting": waiting, "open_call": self._visits.queue.open_call(tenant, place.desk),
            "recent": self._visits.queue.recent_calls(tenant, 10),
        }  # fmt: skip


def notice(info: str) -> str:
    """The line a form's redirect asks the page to show (`?info=...`), in Polish."""
    if info == "nikt":
        return "Nikt nie czeka na to stanowisko: nie ma wizyty na teraz ani numerka w kolejce."
    kind, _, rest = info.partition(":")
    day, _, kept = rest.partition(":")
    if kind == "zamkniety" and kept.isdigit():
        text = f"Dzień {day} zamknięty dla nowych wizyt i numerków."
        if int(kept):
            text += (f" Umówione na ten dzień wizyty ({kept}) nie zostały odwołane: "
                     "zawiadom te osoby.")  # fmt: skip
        return text
    return ""


def _service_names(office: Office) -> dict[str, str]:
    return {s.service_id: s.name for s in office.visit_services}


def _back(place: Place, note: str) -> Response:
    query = {"urzad": place.office.tenant_id, "stanowisko": place.desk}
    if note:
        query["info"] = note
    return RedirectResponse("/wizyty?" + urlencode(query), status_code=303)
