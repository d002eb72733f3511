"""The kiosks' visit API (docs/visits-api.md): services, free slots, bookings, tickets.

Authenticated as `POST /intake` is: a registered kiosk's bearer token (401), for an office
the kiosk files for (403). JSON answers; refusals are `{"error": "..."}` naming the field.
Logs carry the office, kiosk and booking code or ticket number, never a name or contact.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from office.errors import IntakeRefusal, bad_request
from office.intake import RETRY_AFTER_S
from office.kiosk_tokens import bearer_token, token_hash
from office.settings import Office
from office.store import CaseStore, Kiosk, StoreError
from office.visit_calendar import WARSAW, Slot, polish_day
from office.visit_records import NewBooking
from office.visit_requests import (
    idempotency_key,
    json_object,
    parse_booking,
    read_body,
    slot_query,
    text,
)
from office.visit_settings import VisitService, hours_by_days
from office.visits import Visits, find_service
from offline_cache.submission_code import is_valid, normalise

log = logging.getLogger("office.visits")
TAKEN = "starts_at: taken, choose another"


class VisitApi:
    def __init__(self, store: CaseStore, visits: Visits) -> None:
        self._store = store
        self._visits = visits

    def routes(self) -> list[BaseRoute]:
        base = "/api/visits/{office}"
        return [
            Route(base + "/services", self.services, methods=["GET"]),
            Route(base + "/bookings", self.book, methods=["POST"]),
            Route(base + "/bookings/{code}", self.cancel, methods=["DELETE"]),
            Route(base + "/bookings/{code}/cancel", self.cancel, methods=["POST"]),
            Route(base + "/tickets", self.ticket, methods=["POST"]),
            Route(base + "/{service}/slots", self.slots, methods=["GET"]),
        ]

    async def services(self, request: Request) -> JSONResponse:
        office, _ = await self._allowed(request)
        return JSONResponse({
            "office": _office_json(office),
            "hours": hours_by_days(office.opening_hours),
            "services": [_service_json(s) for s in office.visit_services],
        })  # fmt: skip

    async def slots(self, request: Request) -> JSONResponse:
        office, _ = await self._allowed(request)
        service = _service(office, request.path_params["service"], "service")
        first, days = slot_query(request.query_params, polish_day(self._visits.clock()))
        slots = await self._run(self._visits.free_slots, office, service, first, days)
        return JSONResponse({
            "service": _service_json(service), "from": first.isoformat(), "days": days,
            "slots": [_slot_json(slot) for slot in slots],
        })  # fmt: skip

    async def book(self, request: Request) -> JSONResponse:
        office, kiosk = await self._allowed(request)
        key = idempotency_key(request.headers)
        asked = parse_booking(await read_body(request))
        service = _service(office, asked.service_id, "service_id")
        if asked.desk and asked.desk not in service.desks:
            raise bad_request("desk: not a desk of this service")
        problem = await self._run(self._visits.slot_problem, office, service, asked.starts_at)
        if problem:
            raise bad_request(problem)
        new = NewBooking(
            tenant_id=office.tenant_id, service_id=service.service_id,
            desks=(asked.desk,) if asked.desk else tuple(service.desks),
            starts_at=asked.starts_at, kiosk_id=kiosk.kiosk_id, idempotency_key=key,
            request_sha256=asked.sha256, name=asked.name, contact=asked.contact,
            language=asked.language, consent_version=asked.consent_version,
        )  # fmt: skip
        booked = await self._run(self._visits.book, new)
        if booked.outcome == "taken":
            raise IntakeRefusal(409, TAKEN)
        if booked.outcome == "key_reused":
            raise IntakeRefusal(422, "Idempotency-Key: already used for a different booking")
        # Never the booking's code: whoever holds it can cancel the visit.
        log.info("visits: booking %s for %s at %s from kiosk %s", booked.outcome,
                 office.tenant_id, booked.desk, kiosk.kiosk_id)  # fmt: skip
        slot = Slot(booked.desk, booked.starts_at or new.starts_at)
        return JSONResponse(
            {"code": booked.code, "office": _office_json(office), "service": _service_json(service),
             **_slot_json(slot)},
            status_code=201 if booked.outcome == "created" else 200,
        )  # fmt: skip

    async def cancel(self, request: Request) -> JSONResponse:
        office, kiosk = await self._allowed(request)
        code = normalise(request.path_params["code"])
        if not is_valid(code):
            raise bad_request("code: not a booking code (10 characters with a check character)")
        outcome = await self._run(
            self._visits.calendar.cancel, office.tenant_id, code, self._visits.clock()
        )
        if outcome == "unknown":
            raise IntakeRefusal(404, "code: no booking of this office has this code")
        if outcome == "begun":
            raise IntakeRefusal(409, "code: the visit has begun or passed; it cannot be cancelled")
        log.info(
            "visits: a booking cancelled for %s from kiosk %s", office.tenant_id, kiosk.kiosk_id
        )
        return JSONResponse({"code": code, "state": "cancelled"})

    async def ticket(self, request: Request) -> JSONResponse:
        office, kiosk = await self._allowed(request)
        key = idempotency_key(request.headers)
        document = json_object(await read_body(request))
        service = _service(
            office, text(document, "service_id", most=100, needed=True), "service_id"
        )
        problem = await self._run(self._visits.walk_in_problem, office)
        if problem:
            raise IntakeRefusal(409, f"service_id: {problem}")
        ticket, wait = await self._run(
            self._visits.take_ticket, office, service, kiosk.kiosk_id, key
        )
        log.info("visits: ticket %s for %s from kiosk %s", ticket.label, office.tenant_id,
                 kiosk.kiosk_id)  # fmt: skip
        return JSONResponse(
            {"number": ticket.label, "queue": ticket.queue, "office": _office_json(office),
             "service": _service_json(service), "ahead": ticket.ahead, "wait_min": wait,
             "taken_at": ticket.taken_at.astimezone(WARSAW).isoformat(timespec="seconds")},
            status_code=201 if ticket.created else 200,
        )  # fmt: skip

    async def _allowed(self, request: Request) -> tuple[Office, Kiosk]:
        token = bearer_token(request.headers.get("authorization", ""))
        kiosk = await self._run(self._store.kiosk_by_token, token_hash(token)) if token else None
        if kiosk is None:
            raise IntakeRefusal(
                401, "Authorization: a registered kiosk's bearer token is needed",
                {"WWW-Authenticate": "Bearer"},
            )  # fmt: skip
        office = self._visits.office(request.path_params["office"])
        if office is None or office.tenant_id not in kiosk.offices:
            raise IntakeRefusal(403, "office: this kiosk does not serve that office")
        return office, kiosk

    async def _run(self, work: Any, *args: Any) -> Any:
        try:
            return await run_in_threadpool(work, *args)
        except StoreError as exc:
            log.error("visits: the register is unavailable: %s", exc)
            raise IntakeRefusal(
                503, "the register is unavailable; try later", {"Retry-After": RETRY_AFTER_S}
            ) from None


def _service(office: Office, service_id: str, field: str) -> VisitService:
    service = find_service(office, service_id)
    if service is None:
        raise IntakeRefusal(404, f"{field}: this office takes no visits for that service")
    return service


def _office_json(office: Office) -> dict[str, str]:
    return {"tenant_id": office.tenant_id, "name": office.name, "phone": office.phone}


def _service_json(service: VisitService) -> dict[str, Any]:
    return {"id": service.service_id, "name": service.name, "desks": service.desks,
            "slot_min": service.slot_min, "queue": service.queue}  # fmt: skip


def _slot_json(slot: Slot) -> dict[str, str]:
    local = slot.local
    return {"starts_at": local.isoformat(timespec="seconds"), "day": local.date().isoformat(),
            "time": local.strftime("%H:%M"), "desk": slot.desk}  # fmt: skip
