"""The portal's store on SQLite and on a real PostgreSQL: the same answers from both, the
schema steps applied once, and (PostgreSQL) every host told of every write."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from captive_portal.gateway import ClientContext
from captive_portal.open_store import open_store
from captive_portal.postgres_store import PostgresStore
from captive_portal.sessions import Acceptance, SessionBook
from captive_portal.settings import PortalSettings
from captive_portal.settings_checks import SettingsError, check
from captive_portal.sqlite_store import SqliteStore
from captive_portal.store import (
    Consent,
    SessionStore,
    StoredSession,
    StoreError,
    VoucherClaim,
    VoucherTaken,
)
from captive_portal.store_schema import POSTGRESQL, POSTGRESQL_VERSION_TABLE, newest
from tests.captive_portal.portal_server import FakeClock
from tests.peers.postgres import PostgresCluster

NOW = 1_800_000_000.0


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PortalSettings]:
    url = ""
    if request.param == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.new_database()
    yield PortalSettings(data_dir=str(tmp_path / "portal"), database_url=url)
    if url:
        cluster.drop_database(url)


@pytest.fixture
def store(settings: PortalSettings) -> Iterator[SessionStore]:
    opened = open_store(settings)
    yield opened
    opened.close()


@pytest.fixture
def database(postgres: PostgresCluster) -> Iterator[str]:
    url = postgres.new_database()
    yield url
    postgres.drop_database(url)


def session(ip: str, expires_at: float, gateway: str = "gw1") -> StoredSession:
    return StoredSession(ip, gateway, "h:" + ip, expires_at, {"hid": "x"})


def consent(at: float, gateway: str = "gw1") -> Consent:
    return Consent(at, "3", gateway, "h", "k1")


def test_both_databases_give_the_same_answers(store: SessionStore) -> None:
    store.record_accept(session("10.0.0.1", NOW + 600), consent(NOW))
    store.record_accept(session("10.0.0.2", NOW - 10), consent(NOW - 610))
    store.record_accept(session("10.0.0.1", NOW + 900, "gw2"), consent(NOW + 1, "gw2"))
    store.record_accept(session("10.0.0.1", NOW + 300), consent(NOW + 2))  # a re-accept
    assert store.expiry_of("10.0.0.1") == NOW + 900  # the latest at this address, any gateway
    assert store.expiry_of("10.0.0.9") is None
    valid = store.sessions_valid_at(NOW)
    assert [(s.ip, s.gateway_id, s.mac_hash, s.expires_at, s.extra) for s in valid] == [
        ("10.0.0.1", "gw1", "h:10.0.0.1", NOW + 300, {"hid": "x"}),  # replaced at gw1
        ("10.0.0.1", "gw2", "h:10.0.0.1", NOW + 900, {"hid": "x"}),  # its own at gw2
    ]
    assert store.count_valid(NOW) == 2
    assert store.expired(NOW - 86400, NOW, 10) == [("gw1", "10.0.0.2")]
    assert [c.gateway_id for c in store.consents_since(NOW)] == ["gw1", "gw2", "gw1"]
    assert store.end_if_expired("gw1", "10.0.0.1", NOW) is False  # still valid: kept
    assert store.end_if_expired("gw2", "10.0.0.2", NOW) is False  # another gateway's
    assert store.end_if_expired("gw1", "10.0.0.2", NOW) is True
    assert store.end("10.0.0.1", "gw2") is True
    assert store.expiry_of("10.0.0.1") == NOW + 300  # gw1's client at the address stays
    assert store.end("10.0.0.1") is True  # at every gateway
    assert store.end("10.0.0.1") is False
    assert store.purge(NOW, NOW) == (0, 1)  # no sessions left; the consent of NOW - 610
    assert len(store.consents_since(0)) == 3
    store.ping()


def test_every_write_changes_the_stamp(store: SessionStore) -> None:
    before = store.stamp()
    store.record_accept(session("10.0.0.1", NOW + 600), consent(NOW))
    after_accept = store.stamp()
    store.end("10.0.0.1")
    assert before != after_accept != store.stamp()


def test_a_store_written_by_a_newer_portal_is_refused(settings: PortalSettings) -> None:
    open_store(settings).close()
    if settings.database_url:
        with psycopg.connect(settings.database_url, autocommit=True) as db:
            db.execute("INSERT INTO portal_schema_version (version, name) VALUES (99, 'x')")
    else:
        with sqlite3.connect(settings.store_file()) as db:
            db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer portal"):
        open_store(settings).close()


def test_instances_starting_at_once_apply_each_step_once(database: str, tmp_path: Path) -> None:
    opened: list[SessionStore] = []
    failed: list[BaseException] = []

    def start(n: int) -> None:
        try:
            opened.append(PostgresStore(database, tmp_path / f"host{n}" / "store.stamp"))
        except BaseException as exc:
            failed.append(exc)

    threads = [threading.Thread(target=start, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in opened:
        store.close()
    assert failed == []
    with psycopg.connect(database) as db:
        versions = [r[0] for r in db.execute("SELECT version FROM portal_schema_version")]
    assert versions == list(range(1, newest("postgresql") + 1))


def test_an_older_sqlite_store_is_taken_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "portal.sqlite3"
    with sqlite3.connect(path) as db:  # the schema of the portal before numbered steps
        db.execute(
            "CREATE TABLE sessions (ip TEXT PRIMARY KEY, gateway_id TEXT NOT NULL,"
            " mac_hash TEXT, expires_at REAL NOT NULL, extra TEXT NOT NULL DEFAULT '{}')"
        )
        db.execute("INSERT INTO sessions VALUES ('10.0.0.3', 'gw', NULL, ?, '{}')", (NOW,))
    store = SqliteStore(path)
    assert store.expiry_of("10.0.0.3") == NOW
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == newest("sqlite")


def wait_for(condition: Callable[[], bool], seconds: float) -> float:
    began = time.monotonic()
    while not condition():
        if time.monotonic() - began > seconds:
            raise AssertionError(f"not within {seconds} s")
        time.sleep(0.01)
    return time.monotonic() - began


def test_a_write_on_one_host_reaches_the_cache_of_another(database: str, tmp_path: Path) -> None:
    clock = FakeClock(NOW)
    here = PostgresStore(database, tmp_path / "host-a" / "store.stamp")
    there = PostgresStore(database, tmp_path / "host-b" / "store.stamp")
    try:
        book_here = SessionBook(here, clock, recheck_seconds=3600)  # no safety-net rereads
        book_there = SessionBook(there, clock, recheck_seconds=3600)
        assert book_there.seconds_remaining("10.0.0.4") is None  # cached: no session
        book_here.start(Acceptance(ClientContext("10.0.0.4", None, "gw1"), None, "k", "3"), 600)
        took = wait_for(lambda: book_there.seconds_remaining("10.0.0.4") == 600, 2.0)
        print(f"\nan accept on host A seen by host B's cache after {took * 1000:.0f} ms")
        book_here.end("10.0.0.4")
        wait_for(lambda: book_there.seconds_remaining("10.0.0.4") is None, 2.0)
    finally:
        here.close()
        there.close()


def test_accepts_written_at_once_each_reach_the_cache_of_another_host(
    database: str, tmp_path: Path
) -> None:
    # Many threads writing at once: the notice of every address reaches the other host.
    clock = FakeClock(NOW)
    here = PostgresStore(database, tmp_path / "host-a" / "store.stamp")
    there = PostgresStore(database, tmp_path / "host-b" / "store.stamp")
    addresses = [f"10.0.1.{n}" for n in range(2, 26)]
    try:
        book_here = SessionBook(here, clock, recheck_seconds=3600)  # no safety-net rereads
        book_there = SessionBook(there, clock, recheck_seconds=3600)
        assert all(book_there.seconds_remaining(ip) is None for ip in addresses)  # cached
        start = threading.Barrier(len(addresses))

        def accept(ip: str) -> None:
            start.wait()
            book_here.start(Acceptance(ClientContext(ip, None, "gw1"), None, "k", "3"), 600)

        threads = [threading.Thread(target=accept, args=(ip,)) for ip in addresses]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wait_for(lambda: all(book_there.seconds_remaining(ip) == 600 for ip in addresses), 2.0)
    finally:
        here.close()
        there.close()


def test_notifications_come_back_after_the_connection_is_cut(database: str, tmp_path: Path) -> None:
    store = PostgresStore(database, tmp_path / "store.stamp")
    other = PostgresStore(database, tmp_path / "other" / "store.stamp")
    try:
        assert store._listener.listening.wait(5)
        with psycopg.connect(database, autocommit=True) as db:  # as a server restart would
            db.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE query LIKE 'LISTEN%%' AND pid <> pg_backend_pid()"
            )
        wait_for(lambda: not store._listener.listening.is_set(), 5.0)
        assert store._listener.listening.wait(10), "the listener did not connect again"
        seen = store.stamp()
        other.record_accept(session("10.0.0.5", NOW + 60), consent(NOW))
        wait_for(lambda: store.stamp() != seen, 2.0)
    finally:
        store.close()
        other.close()


def test_an_unreachable_database_is_a_clear_error_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://portal@/portal?host={tmp_path}&password=s3cr3t-Pa55"
    began = time.monotonic()
    with pytest.raises(StoreError) as refused:
        PostgresStore(url, tmp_path / "store.stamp")
    assert time.monotonic() - began < 10
    assert "database_url" in str(refused.value)
    assert "s3cr3t" not in str(refused.value)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("mysql://db/portal", "must start with postgresql://"),
        ("postgresql://portal:hunter2-Pass@db/portal", "must not hold a password"),
        ("postgresql://db:99999/portal", "not a valid address"),
    ],
)
def test_a_wrong_database_url_is_named_not_repeated(url: str, reason: str) -> None:
    with pytest.raises(SettingsError, match=reason) as refused:
        check(PortalSettings(database_url=url), "portal.toml")
    assert "'database_url'" in str(refused.value)
    assert url not in str(refused.value)


def test_a_voucher_is_one_devices_on_both_databases(store: SessionStore) -> None:
    mine = VoucherClaim("f" * 32, NOW + 86400, "mac-a", "gw1")
    assert store.claim_voucher(mine, NOW) == NOW
    assert store.claim_voucher(mine, NOW + 60) == NOW  # the same device: its first use
    with pytest.raises(VoucherTaken):
        store.claim_voucher(VoucherClaim("f" * 32, NOW + 86400, "mac-b", "gw1"), NOW + 61)
    with pytest.raises(VoucherTaken):  # a device the gateway cannot name proves nothing
        store.claim_voucher(VoucherClaim("f" * 32, NOW + 86400, None, "gw1"), NOW + 62)
    store.purge(NOW + 86400, 0)  # the voucher has expired: its row may go
    assert store.claim_voucher(VoucherClaim("f" * 32, NOW, "mac-b", "gw1"), NOW + 90000) > 0


def test_phones_racing_for_one_voucher_leave_one_winner(database: str, tmp_path: Path) -> None:
    stores = [PostgresStore(database, tmp_path / f"h{n}" / "store.stamp") for n in range(2)]
    won: list[str] = []
    lost: list[str] = []
    start = threading.Barrier(16)

    def claim(n: int) -> None:
        mac = f"mac-{n}"
        start.wait()
        try:
            stores[n % 2].claim_voucher(VoucherClaim("e" * 32, NOW + 86400, mac, "gw"), NOW)
            won.append(mac)
        except VoucherTaken:
            lost.append(mac)

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert len(won) == 1 and len(lost) == 15


def test_a_postgresql_store_of_the_step_before_keeps_its_sessions(
    database: str, tmp_path: Path
) -> None:
    with psycopg.connect(database, autocommit=True) as db:  # as the portal left it at step 2
        db.execute(POSTGRESQL_VERSION_TABLE)
        for step in POSTGRESQL[:2]:
            db.execute(step.sql.encode())
            db.execute(
                "INSERT INTO portal_schema_version (version, name) VALUES (%s, %s)",
                (step.version, step.name),
            )
        db.execute("INSERT INTO sessions VALUES ('10.0.0.8', 'gw1', NULL, %s, '{}')", (NOW,))
    store = PostgresStore(database, tmp_path / "store.stamp")
    try:
        assert store.expiry_of("10.0.0.8") == NOW
        store.record_accept(session("10.0.0.8", NOW + 60, "gw2"), consent(NOW))
        assert [s.gateway_id for s in store.sessions_valid_at(NOW - 1)] == ["gw1", "gw2"]
    finally:
        store.close()
