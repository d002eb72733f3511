"""Accepts of many threads committed together (captive_portal/group_commit.py), on a real
SQLite store: every caller returns after its own write, and one bad write fails only its
own caller."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from captive_portal.change_stamp import key_hash
from captive_portal.group_commit import GroupCommit
from captive_portal.sqlite_store import SqliteStore
from captive_portal.store import Consent, StoredSession


def run_all(calls: list[Callable[[], None]]) -> list[BaseException | None]:
    """Each call in a thread of its own, started together; what each raised."""
    outcomes: list[BaseException | None] = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(n: int) -> None:
        start.wait()
        try:
            calls[n]()
        except BaseException as error:  # the test compares them
            outcomes[n] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def submitting(group: GroupCommit[int], item: int) -> Callable[[], None]:
    return lambda: group.submit(item)


def accepting(store: SqliteStore, an_accept: tuple[StoredSession, Consent]) -> Callable[[], None]:
    return lambda: store.record_accept(*an_accept)


def queue_while_writer_busy(
    group: GroupCommit[int], writer: threading.Lock, items: list[int]
) -> list[BaseException | None]:
    """Submit every item while the writer's lock is held, then let it go."""
    outcomes: list[BaseException | None] = []
    with writer:
        runner = threading.Thread(
            target=lambda: outcomes.extend(run_all([submitting(group, i) for i in items]))
        )
        runner.start()
        time.sleep(0.3)  # every thread queued its item and waits for the writer
    runner.join(timeout=30)
    return outcomes


def test_items_queued_while_the_writer_is_busy_are_written_in_one_group() -> None:
    writer = threading.Lock()
    groups: list[list[int]] = []
    group = GroupCommit(writer, groups.append)
    outcomes = queue_while_writer_busy(group, writer, list(range(8)))
    assert outcomes == [None] * 8
    assert [sorted(g) for g in groups] == [list(range(8))]


def test_a_bad_item_fails_its_own_caller_only() -> None:
    writer = threading.Lock()
    written: list[int] = []

    def write(items: list[int]) -> None:
        if 5 in items:
            raise ValueError("item 5 is refused")
        written.extend(items)

    outcomes = queue_while_writer_busy(GroupCommit(writer, write), writer, list(range(8)))
    assert [type(o) for o in outcomes] == [type(None)] * 5 + [ValueError] + [type(None)] * 2
    assert sorted(written) == [0, 1, 2, 3, 4, 6, 7]


def test_one_item_alone_raises_its_own_error() -> None:
    def write(items: list[int]) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        GroupCommit(threading.Lock(), write).submit(1)


def accept(n: int, key_id: str | None = "k1") -> tuple[StoredSession, Consent]:
    ip = f"10.0.{n // 250}.{n % 250 + 2}"
    now = time.time()
    session = StoredSession(ip, "gw-1", f"mac-{n:04d}", now + 3600, {"n": str(n)})
    return session, Consent(now, "v1", "gw-1", f"mac-{n:04d}", key_id)  # type: ignore[arg-type]


def test_concurrent_accepts_on_sqlite_are_each_stored_and_announced(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "portal.db")
    seen = store.stamp()
    accepts = [accept(n) for n in range(48)]
    outcomes = run_all([accepting(store, a) for a in accepts])
    assert outcomes == [None] * 48
    stored = {s.ip: s for s in store.sessions_valid_at(time.time())}
    assert set(stored) == {s.ip for s, _ in accepts}
    assert all(stored[s.ip].extra == s.extra for s, _ in accepts)
    assert sorted(c.mac_hash or "" for c in store.consents_since(0)) == sorted(
        c.mac_hash or "" for _, c in accepts
    )
    _, changed = store.changes_since(seen)
    assert changed == frozenset(key_hash(s.ip) for s, _ in accepts)
    store.close()


def test_a_consent_sqlite_refuses_fails_that_accept_alone(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "portal.db")
    accepts = [accept(n, key_id=None if n == 7 else "k1") for n in range(24)]
    outcomes = run_all([accepting(store, a) for a in accepts])
    assert isinstance(outcomes[7], sqlite3.IntegrityError)
    assert [o for n, o in enumerate(outcomes) if n != 7] == [None] * 23
    stored = {s.ip for s in store.sessions_valid_at(time.time())}
    assert stored == {s.ip for n, (s, _) in enumerate(accepts) if n != 7}
    assert len(store.consents_since(0)) == 23
    store.close()
