"""Fixtures of the portal tests: a real portal on loopback per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.captive_portal.portal_server import PortalServer
from tests.peers.postgres import postgres  # noqa: F401 (a fixture: PostgreSQL for the store tests)


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[PortalServer]:
    server = PortalServer(tmp_path / "data")
    yield server
    server.stop()
