"""A real office service on loopback with Łańcut's visit calendar, for the kiosk's tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore
from office.visit_settings import VisitService
from tests.office.conftest import KIOSK, LANCUT, VISIT_OFFICES, SetClock
from tests.office.office_server import OfficeServer

# The demo catalogue's ids, so a card of the kiosk's demo offers "Umów wizytę".
ID_CARD = "gl-dowod-osobisty"
REGISTRATION = "gl-zameldowanie-na-pobyt-staly"
OFFICES = [
    dataclasses.replace(
        VISIT_OFFICES[0],
        visit_services=[
            VisitService(ID_CARD, "Dowód osobisty", ["Stanowisko 1", "Stanowisko 2"], 15, "A"),
            VisitService(REGISTRATION, "Zameldowanie na pobyt stały", ["Pokój 12"], 20, "B"),
        ],
    ),
    *VISIT_OFFICES[1:],
]
# Tuesday 24 November 2026, 8:00 in Łańcut: the office opens.
TUESDAY_8 = dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC)


@dataclass
class VisitOffice:
    url: str  # the visits API's start, as [visits] api_url
    token: str
    clock: SetClock
    server: OfficeServer
    store: CaseStore  # to add a clerk, as an administrator does


@contextmanager
def visit_office(folder: Path) -> Iterator[VisitOffice]:
    settings = OfficeSettings(data_dir=str(folder / "office"), offices=OFFICES)
    store = open_store(settings)
    clock = SetClock(TUESDAY_8)
    token = new_token()
    store.add_kiosk(KIOSK, [LANCUT], token_hash(token), TUESDAY_8)
    server = OfficeServer(settings, store, clock)
    try:
        yield VisitOffice(f"{server.url}/api/visits/", token, clock, server, store)
    finally:
        server.stop()
        store.close()


OFFICE = LANCUT


@pytest.fixture
def visits_office(tmp_path: Path) -> Iterator[VisitOffice]:
    """The office on loopback for one test (a conftest imports it to offer it)."""
    with visit_office(tmp_path) as running:
        yield running
