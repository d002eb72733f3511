"""Sessions and the consent log: durable, minimal, restored after a restart, purged."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from captive_portal.change_stamp import SLOTS, ChangeStamp, key_hash
from captive_portal.gateway import ClientContext
from captive_portal.keys import ConsentKey, PortalKeys
from captive_portal.sessions import Acceptance, SessionBook
from captive_portal.sqlite_store import SqliteStore
from tests.captive_portal.portal_server import MAC, TEST_SECRET, FakeClock, PortalServer

MAC_SPELLINGS = (
    MAC,
    MAC.upper(),
    MAC.replace(":", ""),
    MAC.replace(":", "-"),
    MAC.upper().replace(":", "-"),
)


def test_a_restart_re_applies_valid_sessions_to_the_gateway(portal: PortalServer) -> None:
    portal.accept(f"?mac={MAC}&tag=hid-1")
    portal.clock.advance(1000)
    portal.restart()
    [action] = portal.gateway.actions
    assert action.action == "reapply"
    assert action.seconds == 2600
    assert action.client == ClientContext("127.0.0.1", None, "dry-run", None, {"tag": "hid-1"})
    assert portal.get("/generate_204").status_code == 204


def test_an_expired_session_is_not_re_applied(portal: PortalServer) -> None:
    portal.accept()
    portal.clock.advance(3601)
    portal.restart()
    assert [a for a in portal.gateway.actions if a.action == "reapply"] == []


def test_the_consent_log_holds_only_time_terms_gateway_keyed_mac_and_voucher(
    portal: PortalServer,
) -> None:
    portal.accept(f"?mac={MAC.upper()}")
    with sqlite3.connect(portal.settings.store_file()) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(consents)")]
        rows = db.execute("SELECT * FROM consents").fetchall()
    assert columns == [
        "id", "accepted_at", "terms_version", "gateway_id", "mac_hash", "key_id", "voucher"
    ]  # fmt: skip
    [(_, accepted_at, terms, gateway_id, mac_hash, key_id, voucher)] = rows
    assert (accepted_at, terms, gateway_id, key_id) == (portal.clock.now, "1", "dry-run", "k2024")
    assert voucher is None  # accepted without one
    keys = PortalKeys([ConsentKey("k2024", TEST_SECRET.partition(":")[2].encode())])
    assert mac_hash == keys.mac_hash(MAC) and len(mac_hash) == 64


def test_no_raw_mac_reaches_the_database_or_the_logs(
    portal: PortalServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mac_as_extra = "a4-5e-60-d1-2b-9c"
    portal.gateway.identify = _with_mac_in_extra(portal.gateway.identify, mac_as_extra)  # type: ignore[method-assign]
    portal.accept(f"?mac={MAC}")
    portal.admin("GET", "/admin/clients")
    portal.admin("POST", "/admin/clients/127.0.0.1/deauthorise")
    portal.accept(f"?mac={MAC}")
    portal.restart()
    portal.stop()
    stored = b"".join(p.read_bytes() for p in portal.data_dir.glob("portal.sqlite3*"))
    ours = [r for r in caplog.records if r.name.startswith(("captive_portal", "uvicorn.error"))]
    logged = "\n".join(r.getMessage() for r in ours)
    assert "client accepted terms" in logged
    for spelling in MAC_SPELLINGS:
        assert spelling.encode() not in stored
        assert spelling not in logged
    portal._start()  # the fixture stops it again


def _with_mac_in_extra(identify, mac: str):  # type: ignore[no-untyped-def]
    def identify_with_mac(query, peer_ip):  # type: ignore[no-untyped-def]
        client = identify(query, peer_ip)
        return ClientContext(
            client.ip, client.mac, client.gateway_id, None, {"clientmac": mac, "hid": "h1"}
        )

    return identify_with_mac


def test_retention_purges_old_consents_and_expired_sessions(tmp_path: Path) -> None:
    clock = FakeClock()
    store = SqliteStore(tmp_path / "portal.sqlite3")
    book = SessionBook(store, clock)
    acceptance = Acceptance(ClientContext("10.0.0.5", None, "gw1"), None, "k1", "3")
    book.start(acceptance, 600)
    clock.advance(20 * 86400)
    book.start(Acceptance(ClientContext("10.0.0.6", None, "gw1"), None, "k1", "3"), 600)
    clock.advance(11 * 86400)
    assert book.purge(retention_days=30) == (2, 1)  # both sessions ended, one consent old
    assert [c.accepted_at for c in store.consents_since(0)] == [clock.now - 11 * 86400]
    store.close()


def test_the_store_is_wal_with_full_sync(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "p.sqlite3")
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2
    store.close()


def test_another_workers_accept_and_end_are_seen_at_the_next_lookup(tmp_path: Path) -> None:
    clock = FakeClock()
    first = SessionBook(SqliteStore(tmp_path / "p.sqlite3"), clock)
    second = SessionBook(SqliteStore(tmp_path / "p.sqlite3"), clock)
    assert second.seconds_remaining("10.0.0.9") is None  # cached: no session
    first.start(Acceptance(ClientContext("10.0.0.9", None, "gw"), None, "k", "1"), 600)
    assert second.seconds_remaining("10.0.0.9") == 600  # the stamp changed: read again
    first.end("10.0.0.9")
    assert second.seconds_remaining("10.0.0.9") is None


class CountingStore(SqliteStore):
    reads = 0

    def expiry_of(self, ip: str, gateway_id: str | None = None) -> float | None:
        self.reads += 1
        return super().expiry_of(ip, gateway_id)


def test_repeated_lookups_read_the_store_once_per_address(tmp_path: Path) -> None:
    clock = FakeClock()
    store = CountingStore(tmp_path / "p.sqlite3")
    book = SessionBook(store, clock)
    book.start(Acceptance(ClientContext("10.0.0.1", None, "gw"), None, "k", "1"), 600)
    for _ in range(100):
        assert book.seconds_remaining("10.0.0.1") == 600
        assert book.seconds_remaining("10.0.0.2") is None
    assert store.reads == 2
    clock.advance(599.5)
    assert book.seconds_remaining("10.0.0.1") == 1  # the end is kept, not a snapshot
    clock.advance(0.5)
    assert book.seconds_remaining("10.0.0.1") is None  # ended by the clock alone


def test_another_workers_accept_drops_that_phones_answer_alone(tmp_path: Path) -> None:
    """An accept flood (hundreds a second, each another phone) must not send every probe of
    every other phone to the store: the stamp says which address changed."""
    clock = FakeClock()
    store = CountingStore(tmp_path / "p.sqlite3")
    book = SessionBook(store, clock)
    writer = SessionBook(SqliteStore(tmp_path / "p.sqlite3"), clock)  # another worker
    assert book.seconds_remaining("10.0.0.2") is None
    assert book.seconds_remaining("10.0.0.3") is None
    for n in range(20):
        writer.start(Acceptance(ClientContext(f"10.1.0.{n}", None, "gw"), None, "k", "1"), 600)
        assert book.seconds_remaining("10.0.0.2") is None
    assert store.reads == 2, "the phones that did not change were read once"
    writer.start(Acceptance(ClientContext("10.0.0.3", None, "gw"), None, "k", "1"), 600)
    assert book.seconds_remaining("10.0.0.3") == 600  # its own accept is seen at once
    assert book.seconds_remaining("10.0.0.2") is None
    assert store.reads == 3
    writer.end("10.0.0.3")
    assert book.seconds_remaining("10.0.0.3") is None


def test_a_change_of_anything_or_more_than_the_ring_drops_every_answer(tmp_path: Path) -> None:
    clock = FakeClock()
    store = CountingStore(tmp_path / "p.sqlite3")
    book = SessionBook(store, clock)
    writer = SqliteStore(tmp_path / "p.sqlite3")
    assert book.seconds_remaining("10.0.0.2") is None
    writer.purge(0, 0)  # not one address's write
    assert book.seconds_remaining("10.0.0.2") is None
    assert store.reads == 2
    other = SessionBook(writer, clock)
    for n in range(SLOTS + 1):  # the ring forgets the oldest: this reader fell behind
        other.start(Acceptance(ClientContext(f"10.2.{n // 250}.{n % 250}", None, "gw"),
                               None, "k", "1"), 600)  # fmt: skip
    assert book.seconds_remaining("10.0.0.2") is None
    assert store.reads == 3


def test_the_stamp_file_tells_every_process_which_addresses_changed(tmp_path: Path) -> None:
    first, second = ChangeStamp(tmp_path / "s"), ChangeStamp(tmp_path / "s")  # two workers
    seen = second.read()
    first.change("10.0.0.1")
    first.change("fd00::1")
    now, changed = second.changes_since(seen)
    assert now == first.read() != seen
    assert changed == frozenset({key_hash("10.0.0.1"), key_hash("fd00::1")})
    assert second.changes_since(now) == (now, frozenset())
    first.change(None)
    assert second.changes_since(now)[1] is None
    first.close()
    second.close()


def test_a_write_the_stamp_missed_is_seen_after_the_recheck_time(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "p.sqlite3"
    book = SessionBook(SqliteStore(path), clock, recheck_seconds=1.0)
    assert book.seconds_remaining("10.0.0.7") is None
    with sqlite3.connect(path) as other:  # e.g. a worker killed between commit and stamp
        other.execute(
            "INSERT INTO sessions VALUES ('10.0.0.7', 'gw', NULL, ?, '{}')", (clock.now + 60,)
        )
    assert book.seconds_remaining("10.0.0.7") is None
    clock.advance(1)
    assert book.seconds_remaining("10.0.0.7") == 59


def test_the_cache_is_bounded(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "p.sqlite3")
    book = SessionBook(store, FakeClock(), cache_limit=10)
    for n in range(25):
        assert book.seconds_remaining(f"fd00::{n:x}") is None
    assert len(book._cache) <= 10
    assert book.seconds_remaining("fd00::18") is None
    assert store.reads == 25  # the newest addresses are still cached
