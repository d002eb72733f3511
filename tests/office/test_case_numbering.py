"""PostgreSQL numbers cases in batches after inserting them (office/postgres_numbering.py):
a case left without a number by a crash between the two steps is numbered, without a gap,
by the next filing of its office and year, by a resend of it, or when an instance starts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from office.open_store import open_store
from office.settings import OfficeSettings
from office.store import CaseStore, NewCase
from tests.office.conftest import LANCUT, OFFICES, RZESZOW
from tests.office.test_store import RECEIVED, new_case
from tests.peers.postgres import PostgresCluster


@pytest.fixture
def settings(postgres: PostgresCluster, tmp_path: Path) -> Iterator[OfficeSettings]:
    url = postgres.new_database()
    yield OfficeSettings(data_dir=str(tmp_path), database_url=url, offices=OFFICES)
    postgres.drop_database(url)


def crashed_after_insert(url: str, case: NewCase) -> None:
    """What the first step of a filing leaves when the process dies before the second."""
    with psycopg.connect(url, autocommit=True) as db:
        db.execute(
            "INSERT INTO cases (code, body_sha256, tenant_id, year, prefix, kiosk_id,"
            " service_id, form_id, form_version, filed_at, received_at, state, document)"
            " VALUES (%s, %s, %s, 2026, %s, %s, %s, %s, %s, %s, %s, 'received', %s::jsonb)",
            (case.code, case.body_sha256, case.tenant_id, case.prefix, case.kiosk_id,
             case.service_id, case.form_id, case.form_version, case.filed_at, RECEIVED,
             case.document),
        )  # fmt: skip


def numbers(store: CaseStore, tenant_id: str = LANCUT) -> dict[str, str]:
    return {case.code: case.case_number for case in store.cases_of(tenant_id)}


def test_the_next_filing_numbers_a_case_left_waiting(settings: OfficeSettings) -> None:
    store = open_store(settings)
    try:
        first = new_case()
        store.file_case(first, RECEIVED)
        waiting = new_case()
        crashed_after_insert(settings.database_url, waiting)
        assert store.status_of(waiting.code) is None  # not a case a resident may see yet
        later = new_case()
        assert store.file_case(later, RECEIVED).case_number == "UM-2026/00003"
        assert numbers(store) == {first.code: "UM-2026/00001", waiting.code: "UM-2026/00002",
                                  later.code: "UM-2026/00003"}  # fmt: skip
        assert store.status_of(waiting.code) is not None
        # Another office's counter did not move.
        assert store.file_case(new_case(tenant_id=RZESZOW), RECEIVED).case_number == (
            "UMR-2026/00001"
        )
    finally:
        store.close()


def test_a_resend_of_a_case_left_waiting_gets_its_number(settings: OfficeSettings) -> None:
    store = open_store(settings)
    try:
        waiting = new_case()
        crashed_after_insert(settings.database_url, waiting)
        filing = store.file_case(waiting, RECEIVED + dt.timedelta(minutes=1))
        assert (filing.case_number, filing.created) == ("UM-2026/00001", False)
        assert store.file_case(new_case(), RECEIVED).case_number == "UM-2026/00002"
    finally:
        store.close()


def test_an_instance_starting_numbers_every_case_left_waiting(settings: OfficeSettings) -> None:
    open_store(settings).close()  # the schema
    waiting = [new_case(), new_case(), new_case(tenant_id=RZESZOW)]
    for case in waiting:
        crashed_after_insert(settings.database_url, case)
    store = open_store(settings)
    try:
        assert numbers(store) == {waiting[0].code: "UM-2026/00001",
                                  waiting[1].code: "UM-2026/00002"}  # fmt: skip
        assert numbers(store, RZESZOW) == {waiting[2].code: "UMR-2026/00001"}
    finally:
        store.close()
