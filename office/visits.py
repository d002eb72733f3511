"""The visit calendar and the queue of one service: settings, stores and clock together."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from office.intake import Clock
from office.settings import Office, OfficeSettings
from office.sql_access import SqlDatabase
from office.visit_calendar import (
    MAX_DAYS,
    WARSAW,
    Slot,
    closed_because,
    day_bounds,
    day_slots,
    free_slots,
    hours_on,
    polish_day,
)
from office.visit_queue import QueueStore
from office.visit_records import Booked, Call, NewBooking, Ticket
from office.visit_reminders import ReminderStore
from office.visit_settings import VisitService, time_of_day
from office.visit_store import VisitStore

BOOKING_DUE_EARLY = dt.timedelta(minutes=10)  # "call next" takes a booking this early


@dataclass(frozen=True)
class Visits:
    settings: OfficeSettings
    calendar: VisitStore
    queue: QueueStore
    reminders: ReminderStore
    clock: Clock

    @classmethod
    def build(cls, settings: OfficeSettings, db: SqlDatabase, clock: Clock) -> Visits:
        return cls(settings, VisitStore(db), QueueStore(db), ReminderStore(db), clock)

    def office(self, tenant_id: str) -> Office | None:
        return self.settings.office(tenant_id)

    def free_slots(
        self, office: Office, service: VisitService, first: dt.date, days: int
    ) -> list[Slot]:
        days = max(1, min(days, MAX_DAYS))
        last = first + dt.timedelta(days=days - 1)
        start, _ = day_bounds(first)
        _, end = day_bounds(last)
        off = self.calendar.days_off(office.tenant_id, first, last)
        taken = self.calendar.taken(office.tenant_id, start, end)
        return free_slots(office, service, first, days, self.clock(), days_off=off, taken=taken)

    def slot_problem(
        self, office: Office, service: VisitService, starts_at: dt.datetime
    ) -> str | None:
        """Why `starts_at` is no slot a resident may book (None when it is one)."""
        now = self.clock()
        day = polish_day(starts_at)
        if starts_at <= now:
            return "starts_at: that time has passed"
        if day > polish_day(now) + dt.timedelta(days=MAX_DAYS):
            return f"starts_at: visits are booked at most {MAX_DAYS} days ahead"
        off = self.calendar.days_off(office.tenant_id, day, day)
        if closed_because(office, day, off) is not None:
            return "starts_at: the office takes no visitors that day"
        if all(slot.starts_at != starts_at for slot in day_slots(office, service, day)):
            return "starts_at: not a start time of this service's slots (ask for its slots)"
        return None

    def book(self, new: NewBooking) -> Booked:
        return self.calendar.book(new, self.clock())

    def walk_in_problem(self, office: Office) -> str | None:
        """Why the office takes no walk-in tickets now, or None."""
        now = self.clock()
        day = polish_day(now)
        if closed_because(office, day, self.calendar.days_off(office.tenant_id, day, day)):
            return "the office takes no visitors today"
        hours = hours_on(office, day)
        closes = time_of_day(hours.closes) if hours else None
        if closes is not None and now.astimezone(WARSAW).time() >= closes:
            return "the office has closed for today"
        return None

    def take_ticket(
        self, office: Office, service: VisitService, kiosk_id: str, key: str
    ) -> tuple[Ticket, int]:
        """The ticket and its estimated wait in minutes."""
        ticket = self.queue.take_ticket(
            office.tenant_id,
            service.queue,
            service.service_id,
            kiosk_id=kiosk_id,
            key=key,
            now=self.clock(),
        )
        return ticket, wait_minutes(office, service.queue, ticket.ahead)

    def call_next(self, office: Office, desk: str, clerk: str) -> Call | None:
        now = self.clock()
        return self.queue.call_next(
            office.tenant_id, desk, desk_queues(office, desk), due_by=now + BOOKING_DUE_EARLY,
            now=now, clerk=clerk,
        )  # fmt: skip


def find_service(office: Office, service_id: str) -> VisitService | None:
    return next((s for s in office.visit_services if s.service_id == service_id), None)


def desks_of(office: Office) -> list[str]:
    """Every desk of the office's visit services, in the order the settings name them."""
    return list(dict.fromkeys(d for s in office.visit_services for d in s.desks))


def desk_queues(office: Office, desk: str) -> list[str]:
    """The walk-in queues a desk calls from: those of the services it handles."""
    return sorted({s.queue for s in office.visit_services if desk in s.desks})


def wait_minutes(office: Office, queue: str, ahead: int) -> int:
    """People ahead times a visit's minutes, shared by the desks serving the queue."""
    services = [s for s in office.visit_services if s.queue == queue]
    desks = {d for s in services for d in s.desks}
    minutes = max(s.slot_min for s in services) if services else 15
    return math.ceil(ahead * minutes / max(len(desks), 1))
