"""A kiosk's real heartbeat sender (kiosk/heartbeat.py) aimed at an office on loopback."""

from __future__ import annotations

import datetime as dt

import requests

from kiosk.catalogue_service import CatalogueInfo
from kiosk.fleet_status import StatusReader, StatusSources
from kiosk.heartbeat import Heartbeat
from kiosk.image_status import ImageStatus
from tests.office.conftest import KIOSK
from tests.office.office_server import RECEIVED

VERSION = "0.1.0"
GENERATION = "20261118T0600-3f2a"
GENERATED = "2026-11-18T06:00:00+00:00"


def kiosk_heartbeat(
    url: str, http: requests.Session, key: bytes, kiosk_id: str = KIOSK,
    at: dt.datetime = RECEIVED, *, with_catalogue: bool = False, image: ImageStatus | None = None,
) -> Heartbeat:  # fmt: skip
    """The heartbeat of a kiosk with two applications queued and no paper in its printer."""
    catalogue = CatalogueInfo(GENERATION, 42, GENERATED, GENERATED, "bundled")
    sources = StatusSources(
        catalogue=(lambda: catalogue) if with_catalogue else None,
        outbox_counts=lambda: {"queued": 2, "delivered": 5, "rejected": 1},
        oldest_queued_age_s=lambda: 42.0,
        printer_state=lambda: "paper out",
        image=(lambda: image) if image else None,
    )
    reader = StatusReader(kiosk_id, VERSION, sources, clock=lambda: at)
    return Heartbeat(reader, url + "/heartbeat", key, http)
