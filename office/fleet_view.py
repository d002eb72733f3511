"""The administrators' fleet page (`/flota`): one line per registered kiosk, in words.

Each line says when the kiosk was last heard from, what it runs, how old its catalogue
is, what waits in its outbox and how its printer is. A kiosk not heard from for
`stale_kiosk_after_s` (or never) is marked stale by a word and a sign, not by colour alone;
a revoked kiosk says "wycofany" with the date instead, and comes last.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from office.fleet_records import FleetKiosk

_UNITS = ((86400, "dni", "dzień"), (3600, "godz.", "godz."), (60, "min", "min"))


def duration(seconds: float) -> str:
    """A time span for people, coarse: "45 s", "12 min", "3 godz.", "1 dzień", "4 dni"."""
    seconds = max(0.0, seconds)
    for size, many, one in _UNITS:
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {one if count == 1 else many}"
    return f"{int(seconds)} s"


@dataclass(frozen=True)
class FleetLine:
    """What the fleet page shows of one kiosk; "" where the kiosk did not say."""

    kiosk_id: str
    offices: str
    stale: bool
    last_seen: dt.datetime | None
    last_seen_ago: str
    version: str
    catalogue: str
    catalogue_age: str
    outbox_queued: str
    oldest_queued: str
    printer: str
    has_public_key: bool
    image: str = ""  # "0.2.0, slot B" on the kiosk image, else ""
    image_problem: str = ""  # the last image update that did not take, in words
    revoked_at: dt.datetime | None = None  # out of service since (never stale)


def fleet_line(kiosk: FleetKiosk, now: dt.datetime, stale_after_s: float) -> FleetLine:
    beat = kiosk.beat
    stale = kiosk.stale(now, stale_after_s)
    if beat is None:
        return FleetLine(kiosk.kiosk_id, ", ".join(kiosk.offices), stale, None, "", "", "", "",
                         "", "", "", kiosk.has_public_key, revoked_at=kiosk.revoked_at)  # fmt: skip
    # The catalogue's age was measured when the kiosk sent the heartbeat: add the time since.
    since_sent = max(0.0, (now - beat.received_at).total_seconds())
    age = "" if beat.catalogue_age_s is None else duration(beat.catalogue_age_s + since_sent)
    oldest = "" if beat.oldest_queued_age_s is None else duration(beat.oldest_queued_age_s)
    return FleetLine(
        kiosk_id=kiosk.kiosk_id,
        offices=", ".join(kiosk.offices),
        stale=stale,
        last_seen=beat.received_at,
        last_seen_ago=duration((now - beat.received_at).total_seconds()),
        version=beat.version,
        catalogue=beat.catalogue_generation or "",
        catalogue_age=age,
        outbox_queued="" if beat.outbox_queued is None else str(beat.outbox_queued),
        oldest_queued=oldest if beat.outbox_queued else "",
        printer=beat.printer_state or "",
        has_public_key=kiosk.has_public_key,
        revoked_at=kiosk.revoked_at,
        **image_words(beat.body),
    )


# How a kiosk image's last update ended (kiosk/image_status.py), for the fleet page.
_UPDATE_PROBLEMS = {
    "rolled-back": "aktualizacja {version} nie uruchomiła się; kiosk wrócił do poprzedniej",
    "refused": "aktualizacja {version} odrzucona",
    "download-failed": "aktualizacja {version} nie pobrała się; kiosk ponowi próbę",
}


def image_words(body: str) -> dict[str, str]:
    """The image part of a heartbeat's body (already checked as JSON), as the page says it."""
    try:
        image: Any = json.loads(body).get("image")
    except (ValueError, AttributeError):
        return {}
    if not isinstance(image, dict):
        return {}
    version, slot = str(image.get("version", ""))[:64], str(image.get("slot", ""))[:1]
    words = {"image": f"{version}, slot {slot}" if slot else version}
    last = image.get("last_update")
    if isinstance(last, dict) and last.get("state") in _UPDATE_PROBLEMS:
        version = str(last.get("version") or "?")[:64]
        words["image_problem"] = _UPDATE_PROBLEMS[last["state"]].format(version=version)
    return words


def fleet_lines(fleet: list[FleetKiosk], now: dt.datetime, stale_after_s: float) -> list[FleetLine]:
    """Stale kiosks first (they need a technician), then the others in service, then the
    revoked ones; each by id."""
    lines = [fleet_line(kiosk, now, stale_after_s) for kiosk in fleet]
    return sorted(lines, key=_fleet_order)


def _fleet_order(line: FleetLine) -> tuple[bool, bool, str]:
    return (line.revoked_at is not None, not line.stale, line.kiosk_id)
