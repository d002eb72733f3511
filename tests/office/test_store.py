"""The case register on SQLite and on a real PostgreSQL: numbering, idempotency, kiosks."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from office.migrations import migrations
from office.open_store import open_store
from office.settings import OfficeSettings
from office.sqlite_store import SqliteCaseStore
from office.store import CaseStore, KeyReused, KioskExists, NewCase
from offline_cache.submission_code import new_code
from tests.office.conftest import KIOSK, LANCUT, RZESZOW

RECEIVED = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def new_case(code: str | None = None, tenant_id: str = LANCUT, body: str = "a") -> NewCase:
    return NewCase(
        code=code or new_code(), body_sha256=body * 64, tenant_id=tenant_id,
        prefix="UM" if tenant_id == LANCUT else "UMR", kiosk_id=KIOSK,
        service_id="gl-informacja-publiczna", form_id="informacja-publiczna",
        form_version="2026-01", filed_at=RECEIVED - dt.timedelta(minutes=2),
        document='{"answers":{"imie_nazwisko":"Łucja Żółkiewska-Wójcik"}}',
    )  # fmt: skip


def test_cases_are_numbered_per_office_and_year(store: CaseStore) -> None:
    numbers = [store.file_case(new_case(), RECEIVED).case_number for _ in range(3)]
    assert numbers == ["UM-2026/00001", "UM-2026/00002", "UM-2026/00003"]
    assert store.file_case(new_case(tenant_id=RZESZOW), RECEIVED).case_number == "UMR-2026/00001"
    # New Year's Eve 23:30 UTC is already 2027 in Poland: a new year starts from 1.
    new_year = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)
    assert store.file_case(new_case(), new_year).case_number == "UM-2027/00001"
    assert store.file_case(new_case(), RECEIVED).case_number == "UM-2026/00004"


def test_the_same_code_twice_is_one_case_and_another_body_is_refused(store: CaseStore) -> None:
    case = new_case()
    first = store.file_case(case, RECEIVED)
    again = store.file_case(case, RECEIVED + dt.timedelta(hours=1))
    assert (first.created, again.created) == (True, False)
    assert again.case_number == first.case_number
    with pytest.raises(KeyReused):
        store.file_case(new_case(case.code, body="b"), RECEIVED)
    with pytest.raises(KeyReused):
        store.file_case(new_case(case.code, tenant_id=RZESZOW, body="b"), RECEIVED)
    assert [c.code for c in store.cases_of(LANCUT)] == [case.code]
    assert store.cases_of(RZESZOW) == []
    # A refused filing gave no number away.
    assert store.file_case(new_case(), RECEIVED).case_number == "UM-2026/00002"


def test_a_found_case_says_what_was_filed(store: CaseStore) -> None:
    case = new_case()
    store.file_case(case, RECEIVED)
    found = store.find_case(case.code)
    assert found is not None
    assert (found.case_number, found.tenant_id, found.kiosk_id) == ("UM-2026/00001", LANCUT, KIOSK)
    assert (found.state, found.service_id) == ("received", "gl-informacja-publiczna")
    assert (found.filed_at, found.received_at) == (case.filed_at, RECEIVED)
    assert store.find_case(new_code()) is None


def test_kiosks_are_found_by_their_token_hash_only(store: CaseStore) -> None:
    store.add_kiosk(KIOSK, [LANCUT, RZESZOW], "f" * 64, RECEIVED)
    kiosk = store.kiosk_by_token("f" * 64)
    assert kiosk is not None
    assert (kiosk.kiosk_id, kiosk.offices) == (KIOSK, frozenset({LANCUT, RZESZOW}))
    assert store.kiosk_by_token("e" * 64) is None
    with pytest.raises(KioskExists):
        store.add_kiosk(KIOSK, [LANCUT], "d" * 64, RECEIVED)
    assert store.kiosk_by_token("d" * 64) is None


def test_concurrent_filings_in_threads_are_gapless(store: CaseStore) -> None:
    cases = [new_case() for _ in range(40)]
    repeated = cases[:10]  # each of these is also sent a second time at once
    numbers: list[str] = []
    lock = threading.Lock()

    def file(case: NewCase) -> None:
        number = store.file_case(case, RECEIVED).case_number
        with lock:
            numbers.append(number)

    threads = [threading.Thread(target=file, args=(c,)) for c in cases + repeated]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(numbers) == 50
    expected = [f"UM-2026/{n:05d}" for n in range(1, 41)]
    assert sorted(c.case_number for c in store.cases_of(LANCUT)) == expected
    assert sorted(set(numbers)) == expected


def test_two_stores_opening_at_once_migrate_once(settings: OfficeSettings) -> None:
    opened: list[CaseStore] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            opened.append(open_store(settings))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        # Each open applied what was missing; the numbering works on the shared schema.
        numbers = {s.file_case(new_case(), RECEIVED).case_number for s in opened}
        assert len(numbers) == 4
    finally:
        for one in opened:
            one.close()
    steps = migrations("postgresql" if settings.database_url else "sqlite")
    assert schema_versions(settings) == [m.version for m in steps]


def schema_versions(settings: OfficeSettings) -> list[int]:
    if settings.database_url:
        import psycopg

        with psycopg.connect(settings.database_url) as db:
            rows = db.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    else:
        import sqlite3
        from contextlib import closing

        with closing(sqlite3.connect(settings.sqlite_file())) as db:
            rows = db.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    return [row[0] for row in rows]


def test_the_sqlite_files_are_readable_by_the_service_alone(tmp_path: Path) -> None:
    store = SqliteCaseStore(tmp_path / "data" / "office.sqlite3")
    try:
        store.file_case(new_case(), RECEIVED)  # the WAL exists while the store is open
        modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "data").iterdir()}
    finally:
        store.close()
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700
    assert modes == dict.fromkeys(modes, 0o600)
    assert "office.sqlite3-wal" in modes
