"""What the visit calendar and the queue keep: bookings, tickets and calls at desks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

BookingState = Literal["booked", "cancelled", "called", "no_show", "served"]
BookingOutcome = Literal["created", "resent", "taken", "key_reused"]
CancelOutcome = Literal["cancelled", "already_cancelled", "unknown", "begun"]
CallOutcome = Literal["no_show", "served"]
ReminderState = Literal["none", "wanted", "sent", "refused"]
# For the clerks' pages, in Polish.
BOOKING_STATES = {"booked": "umówiona", "cancelled": "odwołana", "called": "wezwana",
                  "no_show": "nie przyszedł", "served": "obsłużona"}  # fmt: skip
CALL_OUTCOMES = {"called": "przy stanowisku", "no_show": "nie przyszedł", "served": "obsłużony"}


@dataclass(frozen=True)
class NewBooking:
    """A resident's request for a slot, as the kiosk sent it (checked)."""

    tenant_id: str
    service_id: str
    desks: tuple[str, ...]  # the desk asked for, or every desk of the service in order
    starts_at: dt.datetime
    kiosk_id: str
    idempotency_key: str
    request_sha256: str
    name: str
    contact: str
    language: str
    consent_version: str


@dataclass(frozen=True)
class Booked:
    outcome: BookingOutcome
    code: str = ""
    desk: str = ""
    starts_at: dt.datetime | None = None


@dataclass(frozen=True)
class Booking:
    code: str
    tenant_id: str
    service_id: str
    desk: str
    starts_at: dt.datetime
    state: BookingState
    name: str
    reminder: ReminderState = "none"  # a reminder by e-mail the day before (never its address)


@dataclass(frozen=True)
class Ticket:
    label: str  # A017
    queue: str
    number: int
    service_id: str
    taken_at: dt.datetime
    ahead: int  # people waiting before it (in its queue) when asked
    created: bool


@dataclass(frozen=True)
class Call:
    call_id: int
    desk: str
    label: str  # A017 for a ticket, 10:30 for a booking
    called_at: dt.datetime
    kind: Literal["booking", "ticket"]
    outcome: str


def ticket_label(queue: str, number: int) -> str:
    return f"{queue}{number:03d}"
