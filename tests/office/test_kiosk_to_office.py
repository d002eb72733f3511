"""End to end: the kiosk's real outbox sender delivers to a real `office serve`, and a
kill -9 of the office in the middle of the deliveries loses and duplicates nothing."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kiosk.outbox_sender import DeliveryEvent, OutboxSender
from office.open_store import open_store
from office.settings_file import load_settings
from office.store import registration_year
from offline_cache.intake.http_intake import HttpIntake, HttpIntakeSettings
from offline_cache.outbox import Outbox
from offline_cache.outbox_rows import utc_now
from tests.office.conftest import KIOSK, LANCUT
from tests.office.office_server import OfficeProcess, add_kiosk
from tests.outbox_factories import ANSWERS, new_submission

APPLICATIONS = 40
KILL_AFTER = 12


@pytest.fixture
def config(config_file: Path) -> Path:
    """The office's config file over a fresh store of each kind (tests/office/conftest.py)."""
    return config_file


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    kiosk_outbox = Outbox(tmp_path / "kiosk" / "outbox.sqlite")
    yield kiosk_outbox
    kiosk_outbox.close()


def office_cases(config: Path) -> dict[str, str]:
    store = open_store(load_settings(config))
    try:
        return {case.code: case.case_number for case in store.cases_of(LANCUT)}
    finally:
        store.close()


@pytest.mark.slow
def test_kill_9_of_the_office_mid_delivery_loses_and_duplicates_nothing(
    config: Path, outbox: Outbox
) -> None:
    token = add_kiosk(config, KIOSK, LANCUT)
    codes = [outbox.enqueue(new_submission()).code for _ in range(APPLICATIONS)]
    office = OfficeProcess(config)
    office.start()
    delivered = threading.Semaphore(0)
    with requests.Session() as http:
        http.trust_env = False
        intake = HttpIntake(HttpIntakeSettings(office.url + "/intake", token, timeout_s=10), http)
        try:
            sender = OutboxSender(outbox, intake)
            sender.on_change(lambda event: _count(event, delivered))
            passing = threading.Thread(target=sender.deliver_due_now)
            passing.start()
            for _ in range(KILL_AFTER):
                assert delivered.acquire(timeout=30)
            office.kill()  # while the sender is posting the next ones
            passing.join(30)
            counts = outbox.counts()
            assert KILL_AFTER <= counts["delivered"] < APPLICATIONS
            assert counts["rejected"] == 0
            office.start()  # the same port, the same store
            later = lambda: utc_now() + dt.timedelta(hours=2)  # noqa: E731 - past any backoff
            OutboxSender(outbox, intake, clock=later).deliver_due_now()
        finally:
            office.stop()
    kiosk_side = {s.code: s.case_number for s in outbox.list()}
    assert {s.state for s in outbox.list()} == {"delivered"}
    assert sorted(kiosk_side) == sorted(codes)
    assert office_cases(config) == kiosk_side  # one case per code, the same numbers
    log = office.log.read_text(encoding="utf-8")
    assert f"intake {codes[-1]}: filed as " in log
    frozen = re.findall(r"garbage collection: (\d+) objects of the start kept out of it", log)
    assert len(frozen) == 2 and min(map(int, frozen)) > 10_000  # each start (serve.py)
    assert '"POST /intake' not in log  # no access log: it would name the kiosk's address
    assert not any(answer in log for answer in ANSWERS.values())
    year = registration_year(utc_now())
    assert sorted(kiosk_side.values()) == [f"UM-{year}/{n:05d}" for n in range(1, APPLICATIONS + 1)]


def _count(event: DeliveryEvent, delivered: threading.Semaphore) -> None:
    if event.state == "delivered":
        delivered.release()
