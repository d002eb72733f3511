"""Fixtures of the office tests: both stores (SQLite, a real PostgreSQL), a kiosk, a client."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from office.kiosk_tokens import new_token, token_hash
from office.open_store import open_store
from office.settings import Office, OfficeSettings
from office.store import CaseStore
from tests.office.office_server import OfficeServer
from tests.peers.postgres import PostgresCluster, binaries

KIOSK = "lancut-ratusz-1"
LANCUT = "gmina-miasto-lancut"
RZESZOW = "gmina-miasto-rzeszow"
OFFICES = [
    Office(LANCUT, "Urząd Miasta Łańcut", "UM"),
    Office(RZESZOW, "Urząd Miasta Rzeszowa", "UMR"),
]
STORES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    bin_dir = binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL's server is not installed (Debian: apt-get install postgresql)")
    cluster = PostgresCluster(bin_dir)
    cluster.start()
    yield cluster
    cluster.stop()


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
