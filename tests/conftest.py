"""Shared fixtures. Qt must be told to render offscreen before any QApplication exists."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"  # the kiosk's in-window keyboard

from kiosk.catalogue_service import demo_catalogue_path
from offline_cache.catalogue_load import load
from offline_cache.catalogue_store import CatalogueStore
from offline_cache.generations import GenerationFolder
from tests.peers.catalogue_server import CatalogueServer
from tests.peers.intake_server import IntakeServer
from tests.peers.mail_server import MailServer

# Property tests check what the code answers, not how fast: on two shared cores under -n 2 one
# example once took longer than Hypothesis's default 200 ms deadline and failed the run.
settings.register_profile("infomat", deadline=None)
settings.load_profile("infomat")


@pytest.fixture(scope="session")
def demo_bytes() -> bytes:
    return demo_catalogue_path().read_bytes()


@pytest.fixture
def demo_bundle(demo_bytes: bytes) -> dict[str, Any]:
    bundle: dict[str, Any] = json.loads(demo_bytes)
    return bundle


@pytest.fixture(scope="session")
def demo_store(
    tmp_path_factory: pytest.TempPathFactory, demo_bytes: bytes
) -> Iterator[CatalogueStore]:
    folder = GenerationFolder(tmp_path_factory.mktemp("demo-catalogue"))
    store = CatalogueStore(load(demo_bytes, folder, "demo", {}).path)
    yield store
    store.close()


@pytest.fixture
def generations(tmp_path: Path) -> GenerationFolder:
    return GenerationFolder(tmp_path / "catalogue")


@pytest.fixture
def catalogue_server() -> Iterator[CatalogueServer]:
    server = CatalogueServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def office() -> Iterator[IntakeServer]:
    """A real HTTP intake of an office on loopback (the outbox's peer)."""
    server = IntakeServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        yield session


@pytest.fixture
def mailbox() -> Iterator[MailServer]:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""
    server = MailServer()
    server.start()
    yield server
    server.stop()
