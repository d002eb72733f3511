"""The heartbeat against a real receiver on loopback that verifies every signature."""

from __future__ import annotations

import datetime as dt
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kiosk.catalogue_service import CatalogueInfo
from kiosk.fleet_status import StatusReader, StatusSources
from kiosk.heartbeat import (
    FORMAT,
    Heartbeat,
    HeartbeatKeyError,
    HeartbeatSchedule,
    read_key,
)
from offline_cache.signing import generate_private_key, public_key_text
from tests.kiosk.cli_run import run_kiosk
from tests.peers.heartbeat_receiver import HeartbeatReceiver

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
KEY = generate_private_key()


def reader() -> StatusReader:
    info = CatalogueInfo("gen-000003.sqlite", 82, "2026-11-21T12:00:00Z", "", "sync")
    sources = StatusSources(
        catalogue=lambda: info,
        outbox_counts=lambda: {"queued": 1, "delivered": 5, "rejected": 0},
        oldest_queued_age_s=lambda: 42.0,
        printer_state=lambda: "out_of_paper",
    )
    return StatusReader("żółw-1", "0.1.0", sources, lambda: NOW)


@pytest.fixture
def receiver() -> Iterator[HeartbeatReceiver]:
    server = HeartbeatReceiver({public_key_text(KEY)})
    server.start()
    yield server
    server.stop()


def test_the_receiver_verifies_the_signed_status(
    receiver: HeartbeatReceiver, http: requests.Session
) -> None:
    result = Heartbeat(reader(), receiver.url, KEY, http).send_once()
    assert (result.ok, result.reason) == (True, "HTTP 204")
    assert receiver.refused == []
    [status] = receiver.accepted
    assert status["format"] == FORMAT
    assert status["kiosk_id"] == "żółw-1"
    assert status["time"] == "2026-11-22T12:00:00+00:00"
    assert status["catalogue_generation"] == "gen-000003.sqlite"
    assert status["catalogue_age_s"] == 86400
    assert status["outbox"] == {"queued": 1, "delivered": 5, "rejected": 0}
    assert status["oldest_queued_age_s"] == 42
    assert status["printer_state"] == "out_of_paper"
    assert status["last_sync"] is None
    assert status["uptime_s"] >= 0


def test_the_signature_covers_the_exact_bytes(
    receiver: HeartbeatReceiver, http: requests.Session
) -> None:
    beat = Heartbeat(reader(), receiver.url, KEY, http)
    body = beat.body()
    headers = beat.headers(body)
    altered = body.replace(b'"printer_state":"out_of_paper"', b'"printer_state":"ok"')
    assert altered != body
    assert http.post(receiver.url, data=altered, headers=headers, timeout=5).status_code == 403
    assert receiver.refused == ["bad signature"]
    other = Heartbeat(reader(), receiver.url, generate_private_key(), http).send_once()
    assert (other.ok, other.reason) == (False, "HTTP 403")
    assert receiver.refused == ["bad signature", "unknown key"]
    assert receiver.accepted == []


def test_errors_and_silence_are_reported_within_the_timeout(
    receiver: HeartbeatReceiver, http: requests.Session
) -> None:
    receiver.status = 503
    assert Heartbeat(reader(), receiver.url, KEY, http).send_once().reason == "HTTP 503"
    receiver.delay_s = 3
    started = time.monotonic()
    slow = Heartbeat(reader(), receiver.url, KEY, http, timeout_s=1).send_once()
    assert (slow.ok, slow.reason) == (False, "network: ReadTimeout")
    assert time.monotonic() - started < 2.5
    closed = Heartbeat(reader(), "http://127.0.0.1:9/heartbeat", KEY, http).send_once()
    assert (closed.ok, closed.reason) == (False, "network: ConnectionError")


def test_the_schedule_posts_off_the_calling_thread_and_stops_promptly(
    receiver: HeartbeatReceiver, http: requests.Session
) -> None:
    schedule = HeartbeatSchedule(Heartbeat(reader(), receiver.url, KEY, http), interval_s=0.1)
    schedule.start()
    deadline = time.monotonic() + 10
    while len(receiver.accepted) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    started = time.monotonic()
    schedule.stop(timeout_s=2)
    assert time.monotonic() - started < 1
    assert len(receiver.accepted) >= 3
    assert not schedule._thread.is_alive()
    assert schedule._thread.name == "heartbeat"


def test_a_bad_key_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(HeartbeatKeyError, match=r"missing\.pem: cannot read the heartbeat key"):
        read_key(tmp_path / "missing.pem")
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a key")
    with pytest.raises(HeartbeatKeyError, match="kiosk heartbeat keygen"):
        read_key(garbage)


def test_keygen_then_send_from_the_command_line(tmp_path: Path) -> None:
    key_file = tmp_path / "heartbeat.pem"
    code, public, _ = run_kiosk("heartbeat", "keygen", "--out", str(key_file))
    assert code == 0
    public = public.strip()
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert public == public_key_text(key_file.read_bytes())
    code, _, err = run_kiosk("heartbeat", "keygen", "--out", str(key_file))
    assert code == 1
    assert "already exists" in err

    server = HeartbeatReceiver({public})
    server.start()
    try:
        config = tmp_path / "kiosk.toml"
        config.write_text(
            f'kiosk_id = "rynek-2"\ndata_dir = "{tmp_path / "data"}"\n'
            f'[heartbeat]\nurl = "{server.url}"\nkey_file = "{key_file}"\n'
        )
        send = ("--config", str(config), "heartbeat", "send")
        assert run_kiosk(*send)[:2] == (0, "sent: HTTP 204\n")
        assert server.accepted[0]["kiosk_id"] == "rynek-2"
        assert server.accepted[0]["catalogue_services"] is None, "no catalogue loaded yet"
        search = ("--config", str(config), "catalogue", "search", "dowód", "--limit", "1")
        assert run_kiosk(*search)[0] == 0
        assert run_kiosk(*send)[0] == 0
        assert server.accepted[1]["catalogue_services"] == 82
        server.status = 500
        assert run_kiosk(*send)[:2] == (1, "failed: HTTP 500\n")
    finally:
        server.stop()


def test_config_needs_a_key_with_a_url(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[heartbeat]\nurl = "https://fleet.example.gov.pl/beat"\n')
    code, _, err = run_kiosk("--config", str(config), "heartbeat", "send")
    assert code == 2
    assert "'heartbeat.url' needs 'heartbeat.key_file'" in err
    config.write_text(f'[heartbeat]\nurl = "https://x.example/b"\nkey_file = "{tmp_path}/no.pem"\n')
    code, _, err = run_kiosk("--config", str(config), "heartbeat", "send")
    assert code == 1
    assert "no.pem: cannot read the heartbeat key" in err
