"""Bookings in the store, on SQLite and PostgreSQL: 200 bookers at once against 20 slots
through two `office serve` instances get exactly 20 bookings (the store's unique index),
the others "taken"; a booking's name and contact go with the retention purge."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from office.open_store import open_store
from office.retention import RetentionPurge
from office.settings import OfficeSettings
from office.settings_file import load_settings
from office.store import CaseStore, StoreError
from office.visit_calendar import day_bounds
from office.visit_records import NewBooking
from office.visit_store import VisitStore
from offline_cache.submission_code import new_code
from tests.office.conftest import ID_CARD, KIOSK, LANCUT, REGISTRATION, STORES
from tests.office.office_server import OfficeProcess, add_kiosk
from tests.office.visit_client import VisitKiosk
from tests.peers.postgres import PostgresCluster

BOOKERS = 200
SLOTS = 20
MONDAY_9 = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)

CALENDAR = """
metrics_port = 0
[[offices]]
tenant_id = "gmina-miasto-lancut"
name = "Urząd Miasta Łańcut"
prefix = "UM"
[[offices.visit_services]]
service_id = "gl-zameldowanie"
name = "Zameldowanie na pobyt stały"
desks = ["Pokój 12"]
slot_min = 20
queue = "B"
""" + "".join(
    f'[[offices.opening_hours]]\nweekday = {day}\nopens = "08:00"\ncloses = "16:00"\n'
    for day in range(1, 8)
)


@pytest.fixture(params=STORES)
def config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    url = ""
    if request.param == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.new_database()
    path = tmp_path / "office.toml"
    path.write_text(f'data_dir = "{tmp_path / "data"}"\ndatabase_url = "{url}"\n'
                    f"pool_size = 20\n{CALENDAR}", encoding="utf-8")  # fmt: skip
    yield path
    if url:
        cluster.drop_database(url)


@pytest.mark.slow
def test_200_bookers_at_once_against_20_slots_get_exactly_20_bookings(
    config: Path, tmp_path: Path
) -> None:
    token = add_kiosk(config, KIOSK, LANCUT)
    instances = [OfficeProcess(config), OfficeProcess(config)]
    for instance in instances:
        instance.start()
    try:
        kiosks = [VisitKiosk(instance.url, token) for instance in instances]
        # Every day is open here, so there are slots whatever the real clock says.
        slots = kiosks[0].slots(REGISTRATION, days="2").json()["slots"][:SLOTS]
        assert len(slots) == SLOTS
        answers = book_at_once(kiosks, [slots[n % SLOTS]["starts_at"] for n in range(BOOKERS)])
    finally:
        for instance in instances:
            instance.stop()
    assert Counter(status for status, _ in answers) == {201: SLOTS, 409: BOOKERS - SLOTS}
    assert {error for status, error in answers if status == 409} == {
        "starts_at: taken, choose another"
    }
    store = open_store(load_settings(config))
    try:
        with store.sql().reading() as sql:
            rows = sql.rows("SELECT desk, starts_at FROM visit_bookings WHERE state = 'booked'")
    finally:
        store.close()
    assert len(rows) == len(set(rows)) == SLOTS


def book_at_once(kiosks: list[VisitKiosk], times: list[str]) -> list[tuple[int, str]]:
    """One thread per booker, all released together; (status, error) of each answer."""
    answers: list[tuple[int, str]] = []
    start = threading.Barrier(len(times))
    lock = threading.Lock()

    def book(n: int) -> None:
        with requests.Session() as http:
            http.trust_env = False
            kiosk = kiosks[n % len(kiosks)]
            start.wait(60)
            answer = http.post(
                kiosk.base + "/bookings", timeout=120,
                json={"service_id": REGISTRATION, "starts_at": times[n], "consent_version": "1"},
                headers={"Authorization": kiosk.http.headers["Authorization"],
                         "Idempotency-Key": uuid.uuid4().hex},
            )  # fmt: skip
        with lock:
            answers.append((answer.status_code, answer.json().get("error", "")))

    threads = [threading.Thread(target=book, args=(n,)) for n in range(len(times))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    return answers


def test_retention_removes_a_past_visits_name_and_contact(
    visit_settings: OfficeSettings, store: CaseStore
) -> None:
    visits = VisitStore(store.sql())
    booked = [
        visits.book(booking("old", MONDAY_9), MONDAY_9 - dt.timedelta(days=3)),
        visits.book(booking("new", MONDAY_9 + dt.timedelta(days=40)), MONDAY_9),
    ]
    now = MONDAY_9 + dt.timedelta(days=31)
    report = RetentionPurge(store.sql(), retention_days=30).purge(now)
    assert report.bookings == 1
    old, new = (visits.find(LANCUT, b.code) for b in booked)
    assert old is not None and new is not None
    assert (old.name, new.name) == ("", "Zofia Żółkiewska")
    with store.sql().reading() as sql:
        contacts = [r[0] for r in sql.rows("SELECT contact FROM visit_bookings ORDER BY id")]
        audit = sql.rows("SELECT actor, detail FROM audit_log WHERE action = 'purge'")
    assert contacts == ["", "zofia@example.pl"]
    assert audit == [("system:retention", "1 visits before 2026-11-24")]
    # The slot stays taken: the visit happened, only who it was is gone.
    start, end = day_bounds(MONDAY_9.date())
    assert visits.taken(LANCUT, start, end) == {("Stanowisko 1", MONDAY_9)}


def booking(key: str, starts_at: dt.datetime) -> NewBooking:
    return NewBooking(
        tenant_id=LANCUT, service_id=ID_CARD, desks=("Stanowisko 1",), starts_at=starts_at,
        kiosk_id=KIOSK, idempotency_key=key, request_sha256="0" * 64, name="Zofia Żółkiewska",
        contact="zofia@example.pl", language="pl", consent_version="rodo-2026-01",
    )  # fmt: skip


def test_the_store_itself_refuses_a_second_live_booking_of_a_slot(store: CaseStore) -> None:
    visits = VisitStore(store.sql())
    first = visits.book(booking("first", MONDAY_9), MONDAY_9 - dt.timedelta(days=3))
    assert first.outcome == "created"
    insert = (
        "INSERT INTO visit_bookings (code, tenant_id, service_id, desk, starts_at, kiosk_id,"
        " idempotency_key, request_sha256, consent_version, booked_at, state)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    values = [new_code(), LANCUT, ID_CARD, "Stanowisko 1", MONDAY_9, KIOSK, "raw", "0", "1",
              MONDAY_9, "booked"]  # fmt: skip
    with pytest.raises(StoreError), store.sql().writing() as sql:
        sql.run(insert, values)  # past the application: the unique index says no
    assert visits.cancel(LANCUT, first.code, MONDAY_9 - dt.timedelta(days=1)) == "cancelled"
    with store.sql().writing() as sql:
        assert sql.run(insert, values) == 1  # a cancelled booking holds no slot
