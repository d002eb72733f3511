"""POST /heartbeat: the kiosk's own Heartbeat (kiosk/heartbeat.py) signs, the office checks
the signature and the registered key, and keeps the last one per kiosk for the fleet."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
import requests

from office.metrics import OfficeMetrics
from office.settings import Office, OfficeSettings
from office.store import CaseStore
from offline_cache.signing import generate_private_key, public_key_text
from tests.office.conftest import KIOSK, LANCUT
from tests.office.kiosk_beats import VERSION, kiosk_heartbeat
from tests.office.office_server import RECEIVED, OfficeServer, office_command, write_config


@pytest.fixture
def key() -> bytes:
    return generate_private_key()


@pytest.fixture
def registered(store: CaseStore, kiosk_token: str, key: bytes) -> bytes:
    """The private key of kiosk lancut-ratusz-1, whose public key the office knows."""
    store.set_kiosk_key(KIOSK, public_key_text(key))
    return key


def test_a_signed_heartbeat_of_a_registered_kiosk_is_kept(
    office: OfficeServer, http: requests.Session, store: CaseStore, registered: bytes
) -> None:
    result = kiosk_heartbeat(office.url, http, registered).send_once()
    assert (result.ok, result.reason) == (True, "HTTP 204")
    [kiosk] = store.fleet()
    assert (kiosk.kiosk_id, kiosk.offices, kiosk.has_public_key) == (KIOSK, (LANCUT,), True)
    beat = kiosk.beat
    assert beat is not None
    assert (beat.version, beat.sent_at, beat.received_at) == (VERSION, RECEIVED, RECEIVED)
    assert (beat.outbox_queued, beat.outbox_rejected, beat.oldest_queued_age_s) == (2, 1, 42.0)
    assert (beat.printer_state, beat.catalogue_generation, beat.catalogue_age_s) == (
        "paper out", None, None,
    )  # fmt: skip
    assert json.loads(beat.body)["format"] == "infomat-heartbeat/1"
    assert not kiosk.stale(RECEIVED + dt.timedelta(minutes=10), 900)
    assert kiosk.stale(RECEIVED + dt.timedelta(minutes=16), 900)
    # The next one replaces it.
    later = RECEIVED + dt.timedelta(minutes=5)
    kiosk_heartbeat(office.url, http, registered, at=later).send_once()
    [kiosk] = store.fleet()
    assert kiosk.beat is not None and kiosk.beat.sent_at == later
    # An earlier one arriving after it (replayed, or delayed) does not turn the clock back.
    assert kiosk_heartbeat(office.url, http, registered).send_once().ok
    [kiosk] = store.fleet()
    assert kiosk.beat is not None and kiosk.beat.sent_at == later


def test_unsigned_forged_and_unknown_heartbeats_are_refused(
    office: OfficeServer, http: requests.Session, store: CaseStore, registered: bytes
) -> None:
    heartbeat = kiosk_heartbeat(office.url, http, registered)
    body = heartbeat.body()
    signed = heartbeat.headers(body)
    url = office.url + "/heartbeat"
    unsigned = http.post(url, data=body, headers={"Content-Type": "application/json"}, timeout=10)
    assert unsigned.status_code == 401
    forged = http.post(url, data=body.replace(b'"queued":2', b'"queued":0'), headers=signed,
                       timeout=10)  # fmt: skip
    assert (forged.status_code, forged.json()["error"].startswith("X-Infomat-Signature")) == (
        401, True,
    )  # fmt: skip
    garbage = http.post(
        url, data=body, headers={**signed, "X-Infomat-Public-Key": "ąę".encode()}, timeout=10
    )
    assert garbage.status_code == 401
    stranger = kiosk_heartbeat(office.url, http, generate_private_key()).send_once()
    assert stranger.reason == "HTTP 403"
    impostor = kiosk_heartbeat(office.url, http, registered, kiosk_id="lancut-mosir-1").send_once()
    assert impostor.reason == "HTTP 403"
    skewed = RECEIVED - dt.timedelta(hours=2)
    assert kiosk_heartbeat(office.url, http, registered, at=skewed).send_once().reason == "HTTP 400"
    [kiosk] = store.fleet()
    assert kiosk.beat is None  # nothing of them was kept


def test_stale_kiosks_are_counted_in_the_metrics(
    store: CaseStore, kiosk_token: str, office: OfficeServer, http: requests.Session,
    registered: bytes,
) -> None:  # fmt: skip
    kiosk_heartbeat(office.url, http, registered).send_once()
    counted = OfficeMetrics(store, lambda: RECEIVED + dt.timedelta(minutes=20), 900)
    text = counted.exposition().decode()
    assert "office_kiosks 1.0" in text
    assert "office_kiosks_stale 1.0" in text
    fresh = OfficeMetrics(store, lambda: RECEIVED + dt.timedelta(minutes=1), 900)
    assert "office_kiosks_stale 0.0" in fresh.exposition().decode()


def test_a_key_is_registered_once_per_kiosk(
    store: CaseStore, kiosk_token: str, key: bytes, settings: OfficeSettings
) -> None:
    from office.fleet_records import KioskUnknown, PublicKeyTaken

    store.set_kiosk_key(KIOSK, public_key_text(key))
    store.set_kiosk_key(KIOSK, public_key_text(key))  # again: no change
    with pytest.raises(KioskUnknown):
        store.set_kiosk_key("nie-ma-takiego", public_key_text(generate_private_key()))
    store.add_kiosk("lancut-mosir-1", [LANCUT], "0" * 64, RECEIVED)
    with pytest.raises(PublicKeyTaken):
        store.set_kiosk_key("lancut-mosir-1", public_key_text(key))
    found = store.kiosk_by_public_key(public_key_text(key))
    assert found is not None and found.kiosk_id == KIOSK


def office_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        office_command(*args), capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_config(tmp_path, "")


def test_the_kiosk_key_command(config: Path) -> None:
    public = public_key_text(generate_private_key())
    unknown = office_run("kiosk", "key", KIOSK, "--public-key", public, "--config", str(config))
    assert (unknown.returncode, "office kiosk add" in unknown.stderr) == (2, True)
    added = office_run(
        "kiosk", "add", KIOSK, "--office", LANCUT, "--public-key", public, "--config", str(config)
    )
    assert added.returncode == 0, added.stderr
    second = public_key_text(generate_private_key())
    again = office_run(
        "kiosk", "add", "lancut-mosir-1", "--office", LANCUT, "--public-key", public,
        "--config", str(config),
    )  # fmt: skip
    assert (again.returncode, f"kiosk {KIOSK} is registered with this key" in again.stderr) == (
        2, True,
    )  # fmt: skip
    bad = office_run("kiosk", "key", KIOSK, "--public-key", "not-a-key", "--config", str(config))
    assert (bad.returncode, bad.stderr.startswith("office: --public-key:")) == (2, True)
    replaced = office_run("kiosk", "key", KIOSK, "--public-key", second, "--config", str(config))
    assert replaced.returncode == 0, replaced.stderr


def test_settings_of_the_metrics_listener_the_phones_and_the_proxies() -> None:
    from office.settings_checks import SettingsError, check

    with pytest.raises(SettingsError, match="'metrics_port' must differ from 'port'"):
        check(OfficeSettings(port=9000, metrics_port=9000), "office.toml")
    with pytest.raises(SettingsError, match="'metrics_token' is needed"):
        check(OfficeSettings(metrics_host="0.0.0.0"), "office.toml")
    check(OfficeSettings(metrics_host="::1"), "office.toml")
    offices = [Office("gmina-miasto-lancut", "Urząd Miasta Łańcut", "UM", "17 225 22 13 wew. 5")]
    with pytest.raises(SettingsError, match=r"'offices\[0\]\.phone' must be a phone number"):
        check(OfficeSettings(offices=offices), "office.toml")
    with pytest.raises(SettingsError, match=r"'trusted_proxies\[1\]' must be an IP address"):
        check(OfficeSettings(trusted_proxies=["10.0.0.0/24", "lb.lancut.pl"]), "office.toml")
    check(OfficeSettings(metrics_host="0.0.0.0", metrics_token="a" * 32), "office.toml")
