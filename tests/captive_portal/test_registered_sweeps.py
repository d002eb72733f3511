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
from captive_portal.gateways.opennds import OpenNdsGateway
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


@pytest.fixture
def two_routers(tmp_path: Path) -> Iterator[tuple[SqliteStore, FakeClock]]:
    """Two nftables routers, 'park' and 'zamek', each its own portal on one store, and a
    phone at 10.0.0.7 behind each; zamek's accepted 60 s before park's."""
    clock = FakeClock()
    store = SqliteStore(tmp_path / "portal.sqlite3")
    for name in ("park", "zamek"):
        record, _ = new_gateway(
            name, "nftables", "10.0.0.1:8080", fas_level=2, terms_version=None, now=clock()
        )
        store.add_gateway(record)
    for name, seconds in (("zamek", 60), ("park", 600)):
        book = SessionBook(store, clock, gateway_id=name)
        book.start(Acceptance(ClientContext("10.0.0.7", None, name), None, "k1", "1"), seconds)
    yield store, clock
    store.close()


def test_a_router_hands_its_table_only_its_own_phones(
    two_routers: tuple[SqliteStore, FakeClock],
) -> None:
    store, clock = two_routers
    park, zamek = DryRunGateway("park"), DryRunGateway("zamek")
    book = SessionBook(store, clock, gateway_id="park")
    assert book.restore(park) == 1
    assert [(a.action, a.client.gateway_id if a.client else None) for a in park.actions] == [
        ("reapply", "park")
    ]
    assert book.restore_lost([], zamek) == 0
    clock.advance(1)
    assert book.restore_lost([], zamek) == 1  # its own phone, never park's
    assert [a.client.gateway_id for a in zamek.actions if a.client] == ["zamek"]


def test_a_routers_probes_and_api_see_only_its_own_phones(
    two_routers: tuple[SqliteStore, FakeClock],
) -> None:
    store, clock = two_routers
    assert SessionBook(store, clock, gateway_id="park").seconds_remaining("10.0.0.7") == 600
    assert SessionBook(store, clock, gateway_id="zamek").seconds_remaining("10.0.0.7") == 60
    assert SessionBook(store, clock, gateway_id="brama").seconds_remaining("10.0.0.7") is None
    assert SessionBook(store, clock).seconds_remaining("10.0.0.7") == 600  # any gateway's


def test_a_router_ends_only_its_own_idle_and_expired_phones(
    two_routers: tuple[SqliteStore, FakeClock],
) -> None:
    store, clock = two_routers
    park = DryRunGateway("park")
    book = SessionBook(store, clock, gateway_id="park")
    idle = [GatewayClient("10.0.0.7", None, 500, idle_seconds=900)]
    assert book.end_idle(idle, park, idle_limit=300) == 1
    assert [(s.gateway_id, s.ip) for s in book.valid()] == [("zamek", "10.0.0.7")]
    clock.advance(61)
    assert book.end_expired(park) == (1, 0)  # zamek's session, in the store only
    assert [a.action for a in park.actions] == ["deauthorise"]  # park's idle phone alone
    assert book.valid() == []


def test_a_phone_whose_session_ended_elsewhere_is_taken_off_at_the_second_sweep(
    two_routers: tuple[SqliteStore, FakeClock],
) -> None:
    """park's technician ended its phone through another portal instance: the store has no
    session, park's table still lets it through. One sweep is not enough (an accept may be
    between its authorise and its store write)."""
    store, clock = two_routers
    park = DryRunGateway("park")
    book = SessionBook(store, clock, gateway_id="park")
    park.authorise(ClientContext("10.0.0.7", None, "park"), 600)
    park.authorise(ClientContext("10.0.0.9", None, "park"), 600)  # being accepted now
    assert book.end_unrecorded(park.clients(), park) == 0
    book.start(Acceptance(ClientContext("10.0.0.9", None, "park"), None, "k1", "1"), 600)
    book.end("10.0.0.7", "park")  # elsewhere
    assert book.end_unrecorded(park.clients(), park) == 0  # 10.0.0.7: once so far
    assert book.end_unrecorded(park.clients(), park) == 1
    assert [c.ip for c in park.clients()] == ["10.0.0.9"]
    assert sorted((s.gateway_id, s.ip) for s in book.valid()) == [
        ("park", "10.0.0.9"), ("zamek", "10.0.0.7"),
    ]  # fmt: skip
    opennds = OpenNdsGateway("Q7wE2rT9yU4iO1pA6sD3fG8hJ5kL0zXc", ["true"])  # routers by MAC
    assert book.end_unrecorded(park.clients(), opennds) == 0  # it may list others' logins
