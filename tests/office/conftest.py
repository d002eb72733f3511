"""Fixtures of the office tests: both stores (SQLite, a real PostgreSQL), a kiosk, a client."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.settings import Office, OfficeSettings
from office.store import CaseStore
from office.visit_settings import OpeningHours, VisitService
from tests.office.office_server import OfficeServer, write_config
from tests.peers.postgres import (
    PostgresCluster,
    postgres,  # noqa: F401 (a fixture: the session's cluster)
)

KIOSK = "lancut-ratusz-1"
LANCUT = "gmina-miasto-lancut"
RZESZOW = "gmina-miasto-rzeszow"
OFFICES = [
    Office(LANCUT, "Urząd Miasta Łańcut", "UM"),
    Office(RZESZOW, "Urząd Miasta Rzeszowa", "UMR"),
]
STORES = ["sqlite", "postgresql"]


@pytest.fixture(params=STORES)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OfficeSettings]:
    """Settings of a fresh, empty store of each kind."""
    url = ""
    if request.param == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.new_database()
    yield OfficeSettings(data_dir=str(tmp_path / "office"), database_url=url, offices=OFFICES)
    if url:
        cluster.drop_database(url)


@pytest.fixture(params=STORES)
def config_file(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """A real office.toml over a fresh, empty store of each kind, for the `office` command."""
    url = ""
    if request.param == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.new_database()
    yield write_config(tmp_path, url)
    if url:
        cluster.drop_database(url)


@pytest.fixture
def store(settings: OfficeSettings) -> Iterator[CaseStore]:
    opened = open_store(settings)
    yield opened
    opened.close()


@pytest.fixture
def kiosk_token(store: CaseStore) -> str:
    """The token of kiosk lancut-ratusz-1, registered for Łańcut only."""
    token = new_token()
    store.add_kiosk(KIOSK, [LANCUT], token_hash(token), dt.datetime.now(dt.UTC))
    return token


@pytest.fixture
def office(settings: OfficeSettings, store: CaseStore) -> Iterator[OfficeServer]:
    """The office service over `store` on loopback, in this process."""
    server = OfficeServer(settings, store)
    yield server
    server.stop()


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        session.trust_env = False
        yield session


# Visits (issue 15): Łańcut books two services on weekdays 8:00-16:00.
ID_CARD = "gl-dowod-osobisty"
REGISTRATION = "gl-zameldowanie"
VISIT_SERVICES = [
    VisitService(ID_CARD, "Dowód osobisty", ["Stanowisko 1", "Stanowisko 2"], 15, "A"),
    VisitService(REGISTRATION, "Zameldowanie na pobyt stały", ["Pokój 12"], 20, "B"),
]
WEEKDAYS_8_TO_16 = [OpeningHours(day, "08:00", "16:00") for day in range(1, 6)]
VISIT_OFFICES = [
    dataclasses.replace(
        OFFICES[0], phone="+48 17 225 22 13", visit_services=VISIT_SERVICES,
        opening_hours=WEEKDAYS_8_TO_16,
    ),
    OFFICES[1],
]  # fmt: skip


@pytest.fixture
def visit_settings(settings: OfficeSettings) -> OfficeSettings:
    """`settings` (each store) with Łańcut's visit calendar."""
    return dataclasses.replace(settings, offices=VISIT_OFFICES)


class SetClock:
    """A clock the test moves: `clock.now = ...`."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now
