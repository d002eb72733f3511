"""Expired sessions end at the gateway too; behind our DNAT the splash is on its own host."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from captive_portal.gateway import ClientContext, GatewayClient, GatewayError
from captive_portal.gateways.dry_run import DryRunGateway
from captive_portal.sessions import Acceptance, SessionBook
from captive_portal.settings import NftablesSettings
from captive_portal.sqlite_store import SqliteStore
from tests.captive_portal.portal_server import FakeClock, PortalServer


def accept(book: SessionBook, ip: str, seconds: int) -> None:
    book.start(Acceptance(ClientContext(ip, None, "gw1"), None, "k1", "1"), seconds)


class FailingGateway(DryRunGateway):
    def deauthorise(self, ip: str) -> None:
        raise GatewayError("ndsctl deauth failed (1)")


def test_the_sweep_deauthorises_only_sessions_ended_within_a_day(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SqliteStore(tmp_path / "portal.sqlite3")
    book = SessionBook(store, clock)
    gateway = DryRunGateway("gw1")
    accept(book, "10.0.0.1", 60)
    clock.advance(2 * 86400)
    accept(book, "10.0.0.2", 60)
    accept(book, "10.0.0.3", 600)
    clock.advance(61)
    assert book.end_expired(gateway) == (1, 0)
    assert [(a.action, a.ip) for a in gateway.actions] == [("deauthorise", "10.0.0.2")]
    assert [s.ip for s in book.valid()] == ["10.0.0.3"]
    assert book.end_expired(gateway) == (0, 0)  # done once
    assert book.purge(retention_days=365) == (1, 0)  # the one over a day old, untouched
    store.close()


def test_a_failed_deauthorisation_is_tried_again(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SqliteStore(tmp_path / "portal.sqlite3")
    book = SessionBook(store, clock)
    accept(book, "10.0.0.2", 60)
    clock.advance(61)
    assert book.end_expired(FailingGateway("gw1")) == (0, 1)
    assert book.end_expired(DryRunGateway("gw1")) == (1, 0)
    store.close()


def test_the_running_portal_ends_an_expired_session_at_the_gateway(tmp_path: Path) -> None:
    portal = PortalServer(tmp_path / "data", session_check_seconds=1)
    try:
        assert portal.accept().status_code == 303
        assert [a.action for a in portal.gateway.actions] == ["authorise"]
        portal.clock.advance(3601)
        deadline = time.monotonic() + 3
        while len(portal.gateway.actions) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [(a.action, a.ip) for a in portal.gateway.actions][1:] == [
            ("deauthorise", "127.0.0.1")
        ]
        assert portal.gateway.clients() == []
    finally:
        portal.stop()


@pytest.fixture
def behind_nftables(tmp_path: Path) -> Iterator[PortalServer]:
    nft = NftablesSettings(lan_interface="lan0", portal_address="127.0.0.1")
    server = PortalServer(tmp_path / "data", gateway="nftables", nftables=nft)
    yield server
    server.stop()


def test_splash_and_accept_for_another_host_are_sent_to_the_portal(
    behind_nftables: PortalServer,
) -> None:
    portal = behind_nftables
    for host in ("news.example", "10.77.0.2", "[fd78::2]:80"):
        page = portal.get("/", headers={"Host": host})
        assert (page.status_code, page.headers["location"]) == (302, portal.url + "/")
        posted = portal.post("/accept", headers={"Host": host}, data={"x": "1"})
        assert posted.status_code == 302
    assert portal.get("/").status_code == 200  # its own host
    assert portal.get("/", headers={"Host": "127.0.0.1"}).status_code == 200
    assert portal.get("/admin/stats", headers={"Host": "news.example"}).status_code == 401
    assert portal.accept().status_code == 303


def test_sessions_the_gateway_lost_are_re_applied_at_the_second_sweep(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SqliteStore(tmp_path / "portal.sqlite3")
    book = SessionBook(store, clock)
    gateway = DryRunGateway("gw1")
    for ip in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        accept(book, ip, 600)
        gateway.authorise(ClientContext(ip, None, "gw1"), 600)
    restarted = DryRunGateway("gw1")  # lost every client, e.g. openNDS restarted
    restarted.authorise(ClientContext("10.0.0.1", None, "gw1"), 600)  # one came back
    assert book.restore_lost(restarted.clients(), restarted) == 0  # maybe being ended now
    clock.advance(30)
    book.end("10.0.0.3")  # ended between the sweeps: stays ended
    assert book.restore_lost(restarted.clients(), restarted) == 1
    [again] = [a for a in restarted.actions if a.action == "reapply"]
    assert (again.ip, again.seconds) == ("10.0.0.2", 570)
    clock.advance(30)
    assert book.restore_lost(restarted.clients(), restarted) == 0  # listed again now
    store.close()


def test_idle_clients_are_taken_off_the_gateway_and_their_sessions_end(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SqliteStore(tmp_path / "portal.sqlite3")
    book = SessionBook(store, clock)
    for ip in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        accept(book, ip, 600)
    listed = [
        GatewayClient("10.0.0.1", None, 500, idle_seconds=300),
        GatewayClient("10.0.0.2", None, 500, idle_seconds=299),
        GatewayClient("10.0.0.3", None, 500, idle_seconds=None),  # the backend cannot tell
    ]
    gateway = DryRunGateway("gw1")
    assert book.end_idle(listed, gateway, idle_limit=300) == 1
    assert [(a.action, a.ip) for a in gateway.actions] == [("deauthorise", "10.0.0.1")]
    assert [s.ip for s in book.valid()] == ["10.0.0.2", "10.0.0.3"]
    assert book.end_idle(listed[:1], FailingGateway("gw1"), idle_limit=300) == 0
    store.close()
