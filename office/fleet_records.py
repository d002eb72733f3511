"""What the office keeps of its kiosks' heartbeats, and the fleet view built from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


class KioskUnknown(LookupError):
    """No kiosk of this id is registered."""


class PublicKeyTaken(ValueError):
    """Another kiosk is registered with this heartbeat public key."""


@dataclass(frozen=True)
class KioskBeat:
    """A kiosk's last accepted heartbeat; None where the kiosk did not know the value."""

    kiosk_id: str
    received_at: dt.datetime  # the office's clock
    sent_at: dt.datetime  # the kiosk's clock ("time" in the heartbeat)
    version: str
    uptime_s: float | None
    catalogue_generation: str | None
    catalogue_age_s: float | None
    outbox_queued: int | None
    outbox_rejected: int | None
    oldest_queued_age_s: float | None
    printer_state: str | None
    body: str  # the heartbeat as received (its signature was checked over these bytes)


@dataclass(frozen=True)
class FleetKiosk:
    """One registered kiosk for the fleet page: its offices, key, last heartbeat, and when
    it was registered and revoked."""

    kiosk_id: str
    offices: tuple[str, ...]
    has_public_key: bool
    beat: KioskBeat | None
    registered_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None  # `office kiosk revoke`: out of service

    def stale(self, now: dt.datetime, after_s: float) -> bool:
        """In service and no heartbeat, or none for `after_s` seconds (a revoked kiosk is
        silent on purpose: nobody needs to look for it)."""
        if self.revoked_at is not None:
            return False
        if self.beat is None:
            return True
        return (now - self.beat.received_at).total_seconds() > after_s
