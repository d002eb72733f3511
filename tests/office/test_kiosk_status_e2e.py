"""End to end: the kiosk's real outbox sender files with a real `office serve`, and the
kiosk's real status lookup (kiosk/case_status.py) then asks that office where the case
stands; the kiosk's real heartbeat reaches it; the office's metrics, on their own loopback
listener, count what happened."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kiosk.case_status import CaseStatusLookup
from kiosk.fleet_status import StatusReader, StatusSources
from kiosk.heartbeat import Heartbeat
from kiosk.outbox_sender import OutboxSender
from office.settings_file import load_settings
from offline_cache.intake.http_intake import HttpIntake, HttpIntakeSettings
from offline_cache.outbox import Outbox
from offline_cache.signing import generate_private_key, public_key_text
from offline_cache.submission_code import new_code
from tests.office.case_moves import move_case
from tests.office.conftest import KIOSK, LANCUT, STORES
from tests.office.office_server import (
    OfficeProcess,
    add_kiosk,
    free_port,
    office_command,
    write_config,
)
from tests.outbox_factories import new_submission
from tests.peers.postgres import PostgresCluster

MESSAGE = "Odpowiedź wyślemy e-mailem do 20 grudnia."


@pytest.fixture(params=STORES)
def config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    url = ""
    if request.param == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.new_database()
    yield write_config(tmp_path, url, metrics_port=free_port())
    if url:
        cluster.drop_database(url)


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        session.trust_env = False
        yield session


@pytest.mark.slow
def test_the_kiosk_sees_its_case_received_then_moved_by_a_clerk_and_its_heartbeat_lands(
    config: Path, tmp_path: Path, http: requests.Session
) -> None:
    token = add_kiosk(config, KIOSK, LANCUT)
    outbox = Outbox(tmp_path / "kiosk" / "outbox.sqlite")
    office = OfficeProcess(config)
    office.start()
    try:
        code = outbox.enqueue(new_submission()).code
        intake = HttpIntake(HttpIntakeSettings(office.url + "/intake", token, timeout_s=10), http)
        OutboxSender(outbox, intake).deliver_due_now()
        lookup = CaseStatusLookup(office.url + "/api/status/", 8.0, lambda: outbox, lambda: http)

        received = lookup.look_up(code)
        assert (received.found, received.office, received.state) == (
            "office",
            "answered",
            "received",
        )
        filed = outbox.get(code)
        assert filed is not None and received.case_number == filed.case_number
        assert received.case_number.startswith("UM-")
        assert received.service == "Wniosek o udostępnienie informacji publicznej"

        settings = load_settings(config)
        move_case(settings, code, "in_progress", dt.datetime.now(dt.UTC), MESSAGE)
        moved = lookup.look_up(code)
        assert (moved.state, moved.message) == ("in_progress", MESSAGE)
        assert moved.updated_at and received.updated_at
        assert moved.updated_at > received.updated_at

        # The kiosk's heartbeat, signed with the key `office kiosk key` registered.
        pem = generate_private_key()
        registered = subprocess.run(
            office_command("kiosk", "key", KIOSK, "--public-key", public_key_text(pem),
                           "--config", str(config)),
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert registered.returncode == 0, registered.stderr
        reader = StatusReader(
            KIOSK,
            "0.1.0",
            StatusSources(outbox_counts=lambda: {str(k): n for k, n in outbox.counts().items()}),
        )
        beat = Heartbeat(reader, office.url + "/heartbeat", pem, http).send_once()
        assert (beat.ok, beat.reason) == (True, "HTTP 204")

        metrics = http.get(f"http://127.0.0.1:{settings.metrics_port}/metrics", timeout=10).text
        assert 'office_heartbeats_total{status="204"} 1.0' in metrics
        assert "office_kiosks_stale 0.0" in metrics
        assert 'office_cases{state="in_progress"} 1.0' in metrics
        assert 'office_intake_answers_total{status="201"} 1.0' in metrics
        assert 'office_status_lookups_total{outcome="found"} 2.0' in metrics
        # The metrics answer only on their own listener, not on the kiosks' and residents' port.
        assert http.get(office.url + "/metrics", timeout=10).status_code == 404
    finally:
        office.stop()
        outbox.close()


@pytest.mark.parametrize("trusted", [[], ["127.0.0.0/8"]])
def test_the_guessing_limit_counts_the_client_a_trusted_load_balancer_names(
    tmp_path: Path, http: requests.Session, trusted: list[str]
) -> None:
    config = write_config(tmp_path, "", status_misses_per_minute=2, trusted_proxies=trusted)
    office = OfficeProcess(config)
    office.start()
    statuses = []
    try:
        for client in ("192.0.2.1", "192.0.2.1", "192.0.2.1", "192.0.2.2"):
            reply = http.get(
                f"{office.url}/api/status/{new_code()}",
                headers={"X-Forwarded-For": client}, timeout=10,
            )  # fmt: skip
            statuses.append(reply.status_code)
    finally:
        office.stop()
    if trusted:  # each resident behind the balancer has an allowance of their own
        assert statuses == [404, 404, 429, 404]
    else:  # anyone may write the header: the peer is the client, whatever it says
        assert statuses == [404, 404, 429, 429]
