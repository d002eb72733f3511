"""Namespaces for the gateway journeys; skipped with the reason when they cannot be made."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from tests.peers import netns
from tests.peers.postgres import postgres  # noqa: F401 (a fixture: the county test's store)
from tests.peers.web import WebServer, fixed

UPSTREAM_BODY = "Zażółć gęślą jaźń — upstream".encode()


def skip_unless(*binaries: str) -> None:
    reason = netns.can_use_namespaces()
    if reason:
        pytest.skip(reason)
    missing = [name for name in binaries if shutil.which(name) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} installed")


@pytest.fixture
def hotspot() -> Iterator[netns.Hotspot]:
    skip_unless("ip")
    with netns.hotspot() as hs:
        yield hs


@pytest.fixture
def upstream(hotspot: netns.Hotspot) -> Iterator[WebServer]:
    server = WebServer(hotspot.upstream, 80, fixed(UPSTREAM_BODY))
    yield server
    server.stop()
