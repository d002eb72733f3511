"""The sweeps keep a registered router's phones away from the configured gateway.

A phone at a remote router may have the address of a phone at the portal's own hotspot
(10.0.0.7 behind both): handing its session to the local gateway would let the local
phone at that address through, and ending the local one must not end the remote one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from captive_portal.gateway import ClientContext, GatewayClient
from captive_portal.gateway_registry import new_gateway
from captive_portal.gateways.dry_run import DryRunGateway
from captive_portal.sessions import Acceptance, SessionBook
from captive_portal.sqlite_store import SqliteStore
from tests.captive_portal.portal_server import FakeClock

LOCAL = "dry-run"  # the configured gateway's clients


@pytest.fixture
def book(tmp_path: Path) -> Iterator[tuple[SessionBook, FakeClock]]:
    clock = FakeClock()
    store = SqliteStore(tmp_path / "portal.sqlite3")
    rynek, _ = new_gateway(
        "rynek", "opennds", "192.168.1.1:2050", fas_level=2, terms_version=None, now=clock()
    )
    store.add_gateway(rynek)
    book = SessionBook(store, clock)
    for gateway_id, ip, seconds in ((LOCAL, "10.0.0.7", 600), ("rynek", "10.0.0.7", 600),
                                    ("rynek", "10.0.0.8", 60), (LOCAL, "10.0.0.9", 60)):  # fmt: skip
        book.start(Acceptance(ClientContext(ip, None, gateway_id), None, "k1", "1"), seconds)
    yield book, clock
    store.close()


def test_a_restart_re_applies_only_the_configured_gateways_sessions(
    book: tuple[SessionBook, FakeClock],
) -> None:
    sessions, clock = book
    gateway = DryRunGateway()
    assert sessions.restore(gateway) == 2
    assert sorted(a.ip for a in gateway.actions) == ["10.0.0.7", "10.0.0.9"]
    assert {a.client.gateway_id for a in gateway.actions if a.client} == {LOCAL}
    lost = DryRunGateway()
    assert sessions.restore_lost([], lost) == 0  # one sweep: maybe being ended now
    clock.advance(1)
    assert sessions.restore_lost([], lost) == 2  # the local ones, never rynek's 10.0.0.8


def test_an_idle_local_phone_ends_without_the_remote_phone_at_its_address(
    book: tuple[SessionBook, FakeClock],
) -> None:
    sessions, _ = book
    idle = [GatewayClient("10.0.0.7", None, 500, idle_seconds=900)]
    assert sessions.end_idle(idle, DryRunGateway(), idle_limit=300) == 1
    left = sorted((s.gateway_id, s.ip) for s in sessions.valid())
    assert left == [(LOCAL, "10.0.0.9"), ("rynek", "10.0.0.7"), ("rynek", "10.0.0.8")]


def test_expired_remote_sessions_end_in_the_store_only(
    book: tuple[SessionBook, FakeClock],
) -> None:
    sessions, clock = book
    clock.advance(61)
    gateway = DryRunGateway()
    assert sessions.end_expired(gateway) == (2, 0)
    assert [(a.action, a.ip) for a in gateway.actions] == [("deauthorise", "10.0.0.9")]
    assert sorted((s.gateway_id, s.ip) for s in sessions.valid()) == [
        (LOCAL, "10.0.0.7"), ("rynek", "10.0.0.7"),
    ]  # fmt: skip
